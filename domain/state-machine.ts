/**
 * A tiny generic state machine in the style of Vendure's order process: the life cycle of an
 * aggregate is a transition table of plain data (event -> allowed source states -> target state),
 * and moving between states is a pure function that returns an {@link Outcome}. Guards that depend
 * on data (time, amounts) live in the aggregate's own module, which picks the event to apply.
 */
import { fail, ok, Outcome } from './result';

/** One row of a transition table: the event is allowed from any state in `from` and leads to `to`. */
export interface TransitionRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  /** What the event means in business terms; rendered into the domain README. */
  readonly description?: string;
}

/** The data that defines a machine: its name, all of its states and its transitions keyed by event. */
export interface MachineDefinition<S extends string, E extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly transitions: { readonly [K in E]: TransitionRule<S> };
}

/** A transition flattened for documentation: one row per event. */
export interface TransitionRow<S extends string, E extends string> {
  readonly event: E;
  readonly from: readonly S[];
  readonly to: S;
  readonly description: string;
}

/** A machine built by {@link defineMachine}; it holds no state of its own. */
export interface StateMachine<S extends string, E extends string> {
  readonly name: string;
  readonly states: readonly S[];
  /** Every event of the machine, in definition order. */
  readonly eventNames: readonly E[];
  /** The transition table exactly as defined. */
  readonly transitions: { readonly [K in E]: TransitionRule<S> };
  /** The transition table as rows, in definition order, for docs. */
  readonly table: readonly TransitionRow<S, E>[];
  /** Returns true when `event` is allowed in `state`. */
  can(state: S, event: E): boolean;
  /** Returns the state after `event`, or an `INVALID_TRANSITION` failure when it is not allowed in `state`. */
  next(state: S, event: E): Outcome<S, 'INVALID_TRANSITION'>;
  /** Returns the events allowed in `state`, in definition order. */
  events(state: S): E[];
  /** Returns true when no event leads out of `state`. */
  isTerminal(state: S): boolean;
  /** Returns true when `value` is one of the machine's states (for data read from the database). */
  isState(value: unknown): value is S;
}

/**
 * Builds a machine from its definition, throwing an Error when the definition itself is wrong
 * (duplicate or unknown states, an event without source states): that is a bug, found at load time.
 */
export function defineMachine<const S extends string, const E extends string>(definition: {
  readonly name: string;
  readonly states: readonly S[];
  readonly transitions: { readonly [K in E]: TransitionRule<NoInfer<S>> };
}): StateMachine<S, E> {
  const { name, states, transitions } = definition;
  const known = new Set<string>(states);
  if (states.length === 0) throw new Error(`machine ${name}: no states`);
  if (known.size !== states.length) throw new Error(`machine ${name}: duplicate states`);
  const eventNames = Object.keys(transitions) as E[];
  for (const event of eventNames) {
    const rule: TransitionRule<S> = transitions[event];
    if (rule.from.length === 0) throw new Error(`machine ${name}: event ${event} has no source state`);
    for (const s of [...rule.from, rule.to]) {
      if (!known.has(s)) throw new Error(`machine ${name}: event ${event} uses unknown state ${s}`);
    }
  }
  const ruleFor = (event: E): TransitionRule<S> | undefined =>
    Object.prototype.hasOwnProperty.call(transitions, event) ? transitions[event] : undefined;
  const can = (state: S, event: E): boolean => ruleFor(event)?.from.includes(state) ?? false;
  const events = (state: S): E[] => eventNames.filter((event) => can(state, event));
  return Object.freeze({
    name,
    states,
    eventNames,
    transitions,
    table: eventNames.map((event) => {
      const rule: TransitionRule<S> = transitions[event];
      return { event, from: rule.from, to: rule.to, description: rule.description ?? '' };
    }),
    can,
    next(state: S, event: E): Outcome<S, 'INVALID_TRANSITION'> {
      const rule = ruleFor(event);
      if (rule && rule.from.includes(state)) return ok(rule.to);
      return fail('INVALID_TRANSITION', `${name}: event "${event}" is not allowed in state "${state}"`, {
        machine: name,
        state,
        event,
      });
    },
    events,
    isTerminal: (state: S): boolean => events(state).length === 0,
    isState: (value: unknown): value is S => typeof value === 'string' && known.has(value),
  });
}
