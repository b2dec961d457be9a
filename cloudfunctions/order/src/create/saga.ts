/**
 * A tiny saga runner in the style of Medusa's workflows: steps run in order, each returning how to
 * undo exactly what it did; when a step fails, the steps that completed are undone in reverse
 * order and the failure is rethrown. A step that fails halfway undoes its own partial work
 * before throwing, so the runner only ever compensates whole steps.
 */
import { logEvent } from '../../../../server/log';

/** Undoes one completed step. Must be safe to run once; failures are logged, not rethrown. */
export type Compensation = () => Promise<void>;

export interface SagaStep<C> {
  readonly name: string;
  /** Does the step's work; returns its compensation, or nothing when there is nothing to undo. */
  run(ctx: C): Promise<Compensation | void>;
}

export async function runSaga<C>(saga: string, steps: ReadonlyArray<SagaStep<C>>, ctx: C): Promise<void> {
  const done: Array<{ step: string; undo: Compensation }> = [];
  try {
    for (const step of steps) {
      const undo = await step.run(ctx);
      if (undo) done.push({ step: step.name, undo });
    }
  } catch (e) {
    for (const { step, undo } of done.reverse()) {
      try {
        await undo();
      } catch (ce) {
        // a compensation that cannot run leaves stock lower than it should be (never oversold)
        logEvent('saga_compensation_failed', { saga, step, error: String((ce as Error)?.stack ?? ce) });
      }
    }
    throw e;
  }
}
