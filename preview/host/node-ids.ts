/**
 * Stable numeric ids for rendered elements (`data-pv` in the serialised HTML), so that a tap in
 * the browser finds the jsdom element it was drawn from. An element keeps its id across renders.
 */
export class NodeIds {
  private readonly ids = new WeakMap<Element, number>();
  private readonly elements = new Map<number, WeakRef<Element>>();
  private next = 1;

  idOf(element: Element): number {
    let id = this.ids.get(element);
    if (id === undefined) {
      id = this.next;
      this.next += 1;
      this.ids.set(element, id);
      this.elements.set(id, new WeakRef(element));
    }
    return id;
  }

  /** The element with this id, if it still exists and is still in the document. */
  element(id: number): Element | undefined {
    const element = this.elements.get(id)?.deref();
    if (!element) this.elements.delete(id);
    return element?.isConnected ? element : undefined;
  }

  /** Forgets elements that left the document (call now and then). */
  prune(): void {
    for (const [id, ref] of this.elements) if (!ref.deref()?.isConnected) this.elements.delete(id);
  }
}
