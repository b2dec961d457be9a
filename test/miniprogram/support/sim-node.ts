/**
 * Reading what miniprogram-simulate rendered. TDesign components are virtual hosts: they have no
 * DOM element of their own (`dom` is undefined), so their text and tap targets are found in the
 * DOM their shadow tree rendered.
 */

/** The parts of miniprogram-simulate (j-component) used here; its bundled typings clash with the app's. */
export interface SimNode {
  /** Undefined for a virtual host (every TDesign component): use `renderedDom`. */
  readonly dom: HTMLElement | undefined;
  readonly data: Record<string, unknown>;
  readonly instance: Record<string, unknown>;
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void;
}

/** The exparser tree behind a SimNode: virtual nodes have no `$$` (DOM) of their own. */
interface ExparserNode {
  $$?: Node;
  shadowRoot?: { childNodes: ExparserNode[] };
  childNodes?: ExparserNode[];
}

export interface SimRoot extends SimNode {
  readonly dom: HTMLElement;
  attach(parent: HTMLElement): void;
  detach(): void;
}

function exparserNodeOf(node: SimNode): ExparserNode {
  return (node as unknown as { _exparserNode: ExparserNode })._exparserNode;
}

/** The DOM a node rendered: itself, or for a virtual host the top elements of its shadow tree. */
function renderedNodes(node: ExparserNode): Node[] {
  if (node.$$) return [node.$$];
  const children = node.shadowRoot?.childNodes ?? node.childNodes ?? [];
  return children.flatMap(renderedNodes);
}

export function renderedDom(node: SimNode): Node[] {
  return renderedNodes(exparserNodeOf(node));
}

/** Text a node shows, virtual hosts included, trimmed. */
export function textOf(node: SimNode): string {
  return renderedDom(node)
    .map((dom) => dom.textContent ?? '')
    .join('')
    .trim();
}

/**
 * The node itself if it has DOM, else the first element its shadow tree rendered: a tap there
 * bubbles up through the component as a real one would.
 */
export function tappable(node: SimNode): SimNode {
  if (node.dom) return node;
  const element = renderedDom(node).find((dom): dom is Element => dom.nodeType === 1);
  if (!element) throw new Error('the node rendered nothing to tap');
  // Each rendered element points back at its exparser node; wrap that like j-component does.
  const exparserNode = (element as Element & { __wxElement: ExparserNode }).__wxElement;
  const Wrapper = node.constructor as new (exparserNode: ExparserNode) => SimNode;
  return new Wrapper(exparserNode);
}
