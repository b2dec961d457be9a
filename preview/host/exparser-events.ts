/** Fires events on exparser nodes the way j-component does for simulated touches. */
import { packageDir, resolveModule } from '../resolve';
import { exparserNodeOf, type ExparserNode } from './sim-types';

interface ExparserEvent {
  readonly __brand: 'ExparserEvent';
}

interface Exparser {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): ExparserEvent;
    dispatchEvent(target: ExparserNode, event: ExparserEvent): void;
  };
}

/** The exparser copy j-component (and so simulate) uses. */
const exparser = require(resolveModule('miniprogram-exparser', packageDir('j-component', packageDir('miniprogram-simulate')))) as Exparser;

export interface DispatchOptions {
  /** Touch-like events (tap) bubble and cross component boundaries; input, load and the like do not. */
  bubbles: boolean;
}

export function dispatchOn(element: Element, name: string, detail: unknown, { bubbles }: DispatchOptions): void {
  const node = exparserNodeOf(element);
  if (!node) throw new Error(`<${element.tagName.toLowerCase()}> was not rendered by exparser`);
  exparser.Event.dispatchEvent(
    node,
    exparser.Event.create(name, detail, {
      bubbles,
      composed: bubbles,
      capturePhase: bubbles,
      extraFields: { touches: [], changedTouches: bubbles ? [{ clientX: 0, clientY: 0, pageX: 0, pageY: 0 }] : [] },
    }),
  );
}
