/**
 * What the shopper does inside the page frame, turned into commands: taps on any element (the
 * server dispatches them on the element's exparser node, so bindings inside TDesign components
 * fire), typing in inputs, Enter, focus and blur, scrolling to the bottom of the page or of a
 * scroll-view, and pulling down at the top (mouse wheel or drag).
 */
import type { CommandSender } from './api';

const REACH_BOTTOM_DISTANCE = 50;
const PULL_DISTANCE = 80;
const PAGE_SCROLL_INTERVAL_MS = 200;

function nodeId(element: Element | null): number | null {
  const target = element?.closest('[data-pv]');
  return target ? Number(target.getAttribute('data-pv')) : null;
}

function fieldNode(target: EventTarget | null): { node: number; field: HTMLInputElement | HTMLTextAreaElement } | null {
  const field = target as HTMLInputElement | HTMLTextAreaElement | null;
  const id = field?.getAttribute?.('data-pv-field');
  return field && id ? { node: Number(id), field } : null;
}

export interface FrameState {
  enablePullDownRefresh(): boolean;
}

export function attachFrame(doc: Document, send: CommandSender, state: FrameState): void {
  const win = doc.defaultView;
  if (!win) return;

  doc.addEventListener('click', (event) => {
    const node = nodeId(event.target as Element);
    if (node !== null) void send({ kind: 'tap', node });
  });
  doc.addEventListener('contextmenu', (event) => {
    const node = nodeId(event.target as Element);
    if (node === null) return;
    event.preventDefault();
    void send({ kind: 'longpress', node });
  });
  doc.addEventListener('input', (event) => {
    const found = fieldNode(event.target);
    if (found) void send({ kind: 'input', node: found.node, value: found.field.value });
  });
  doc.addEventListener('focusin', (event) => {
    const found = fieldNode(event.target);
    if (found) void send({ kind: 'focus', node: found.node, value: found.field.value });
  });
  doc.addEventListener('focusout', (event) => {
    const found = fieldNode(event.target);
    if (found) void send({ kind: 'blur', node: found.node, value: found.field.value });
  });
  doc.addEventListener('keydown', (event) => {
    const found = fieldNode(event.target);
    if (found && event.key === 'Enter' && found.field.tagName === 'INPUT') void send({ kind: 'confirm', node: found.node, value: found.field.value });
  });

  // Scrolling: the page (onPageScroll, onReachBottom) and scroll-views (bindscrolltolower).
  let lastPageScroll = 0;
  let bottomSentAt = -1;
  win.addEventListener('scroll', () => {
    const scroller = doc.scrollingElement ?? doc.documentElement;
    const now = Date.now();
    if (now - lastPageScroll > PAGE_SCROLL_INTERVAL_MS) {
      lastPageScroll = now;
      void send({ kind: 'pageScroll', scrollTop: Math.round(scroller.scrollTop) });
    }
    const atBottom = scroller.scrollTop + win.innerHeight >= scroller.scrollHeight - REACH_BOTTOM_DISTANCE;
    if (atBottom && bottomSentAt !== scroller.scrollHeight) {
      bottomSentAt = scroller.scrollHeight;
      void send({ kind: 'reachBottom' });
    }
  });
  const lowerSent = new WeakMap<Element, number>();
  doc.addEventListener(
    'scroll',
    (event) => {
      const view = event.target as Element;
      if (!(view instanceof win.Element) || view.tagName !== 'WX-SCROLL-VIEW') return;
      const node = nodeId(view);
      const atEnd = view.hasAttribute('data-scroll-x') && !view.hasAttribute('data-scroll-y')
        ? view.scrollLeft + view.clientWidth >= view.scrollWidth - REACH_BOTTOM_DISTANCE
        : view.scrollTop + view.clientHeight >= view.scrollHeight - REACH_BOTTOM_DISTANCE;
      const size = view.scrollHeight + view.scrollWidth;
      if (node !== null && atEnd && lowerSent.get(view) !== size) {
        lowerSent.set(view, size);
        void send({ kind: 'scrolltolower', node });
      }
    },
    true,
  );

  // Pull-down: wheel upwards or drag downwards while at the top.
  let pulled = 0;
  const pull = (distance: number) => {
    const scroller = doc.scrollingElement ?? doc.documentElement;
    if (scroller.scrollTop > 0 || !state.enablePullDownRefresh()) {
      pulled = 0;
      return;
    }
    pulled += distance;
    if (pulled >= PULL_DISTANCE) {
      pulled = 0;
      void send({ kind: 'pullDownRefresh' });
    }
  };
  win.addEventListener('wheel', (event) => (event.deltaY < 0 ? pull(-event.deltaY) : (pulled = 0)), { passive: true });
  let dragFrom: number | null = null;
  doc.addEventListener('pointerdown', (event) => (dragFrom = event.clientY));
  doc.addEventListener('pointerup', (event) => {
    if (dragFrom !== null && event.clientY - dragFrom > 0) pull(event.clientY - dragFrom);
    dragFrom = null;
  });
}
