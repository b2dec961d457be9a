/** The parts of miniprogram-simulate's root component (j-component) the host uses beyond the page tests' SimRoot. */
import type { SimRoot } from '../../test/miniprogram/support/sim-node';

export interface HostRoot extends SimRoot {
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
}

/** An exparser node as far as the host reads it (j-component keeps the template's view of it in `_vt`). */
export interface ExparserNode {
  $$?: Element;
  parentNode?: ExparserNode | null;
  ownerShadowRoot?: ExparserNode | null;
  getHostNode?: () => ExparserNode;
  __componentOptions?: { classPrefix?: string; virtualHost?: boolean };
  _vt?: {
    attrs?: Array<{ name: string; value: unknown }>;
    event?: Record<string, { name: string }>;
  };
}

/** A DOM element rendered by exparser points back at its node. */
export function exparserNodeOf(element: Element): ExparserNode | undefined {
  return (element as Element & { __wxElement?: ExparserNode }).__wxElement;
}

/** The value of a template attribute (`src`, `mode`, `value`, ...) on a built-in element. */
export function templateAttr(element: Element, name: string): unknown {
  const attrs = exparserNodeOf(element)?._vt?.attrs ?? [];
  let value: unknown;
  for (const attr of attrs) if (attr.name === name) value = attr.value;
  return value;
}

/** Whether the template bound an event of this name on the element (`bind:tap`, `catchtap`, ...). */
export function hasBinding(element: Element, eventName: string): boolean {
  const events = exparserNodeOf(element)?._vt?.event ?? {};
  return Object.values(events).some((event) => event.name === eventName);
}

function attrOf(node: ExparserNode, name: string): unknown {
  let value: unknown;
  for (const attr of node._vt?.attrs ?? []) if (attr.name === name) value = attr.value;
  return value;
}

/**
 * The classes a page gave to virtual-host components (every TDesign component) that this element
 * is the root of. WeChat puts `<t-button class="detail__add">`'s class on the button the component
 * renders; the exparser in miniprogram-simulate drops it, so the page's styles for it would never
 * apply. Returned with the prefix simulate gives the owner's classes (`main--detail__add`).
 */
export function virtualHostClasses(node: ExparserNode | undefined): string[] {
  const shadowRoot = node?.ownerShadowRoot;
  if (!node || !shadowRoot?.getHostNode) return [];
  // A root element: only virtual nodes (wx:if, blocks) between it and its shadow root.
  for (let parent = node.parentNode; parent !== shadowRoot; parent = parent.parentNode) {
    if (!parent || parent.$$) return [];
  }
  const host = shadowRoot.getHostNode();
  if (!host || host.$$ || !host.__componentOptions?.virtualHost) return [];
  const owner = host.ownerShadowRoot?.getHostNode?.();
  const prefix = owner?.__componentOptions?.classPrefix ?? '';
  const own = String(attrOf(host, 'class') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => (prefix ? `${prefix}--${name}` : name));
  return [...own, ...virtualHostClasses(host)];
}
