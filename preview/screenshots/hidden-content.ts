/// <reference lib="dom" />
/**
 * Finds page content that a fixed or sticky bar hides for good: text or a picture whose middle is
 * painted over by a bar that scrolling cannot move it out from under. A bar in the upper half of
 * the screen is checked at the top of the page (content under it there can never scroll into
 * view); a bar in the lower half at the bottom of the page (the last content must clear it).
 * Runs inside the page's frame in Chromium (as source text: `HIDDEN_CONTENT_SCRIPT`, so it must
 * not use anything from outside its body), and leaves the page scrolled to the top.
 */
export function findHiddenContent(): string[] {
  const view = { width: window.innerWidth, height: window.innerHeight };
  const isBar = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.position !== 'fixed' && style.position !== 'sticky') return false;
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    // a bar, not an overlay: at most a third of the screen tall
    return r.width > 0 && r.height > 0 && r.height <= view.height / 3;
  };
  const bars = Array.from(document.querySelectorAll('body *')).filter(isBar);
  if (!bars.length) return [];

  /** Leaves of content: each text node's box and each picture, with what to call it. */
  const pieces = (): Array<{ rect: DOMRect; name: string; el: Element }> => {
    const found: Array<{ rect: DOMRect; name: string; el: Element }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (!text || !node.parentElement) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) if (rect.width > 0 && rect.height > 0) found.push({ rect, name: `"${text.slice(0, 20)}"`, el: node.parentElement });
    }
    for (const img of Array.from(document.querySelectorAll('img'))) {
      const rect = img.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) found.push({ rect, name: `a picture (${img.getAttribute('alt') || img.getAttribute('src')?.slice(-30) || 'img'})`, el: img });
    }
    return found;
  };

  const hidden = new Set<string>();
  const check = (which: 'upper' | 'lower') => {
    const checked = bars.filter((bar) => {
      const r = bar.getBoundingClientRect();
      return which === 'upper' ? r.top + r.height / 2 < view.height / 2 : r.top + r.height / 2 >= view.height / 2;
    });
    if (!checked.length) return;
    for (const piece of pieces()) {
      if (checked.some((bar) => bar.contains(piece.el))) continue;
      const x = piece.rect.left + piece.rect.width / 2;
      const y = piece.rect.top + piece.rect.height / 2;
      if (x < 0 || y < 0 || x >= view.width || y >= view.height) continue;
      const top = document.elementFromPoint(x, y);
      if (!top || top === piece.el || piece.el.contains(top) || top.contains(piece.el)) continue;
      const bar = checked.find((candidate) => candidate.contains(top));
      if (bar) hidden.add(`${piece.name} is hidden under a ${getComputedStyle(bar).position} bar`);
    }
  };
  const scroller = document.scrollingElement ?? document.documentElement;
  scroller.scrollTop = 0;
  check('upper');
  scroller.scrollTop = scroller.scrollHeight;
  check('lower');
  scroller.scrollTop = 0;
  return [...hidden];
}

/**
 * The check as a script for `frame.evaluate`. esbuild (tsx) wraps named functions in `__name()`,
 * which the page does not have: the script brings an identity stand-in.
 */
export const HIDDEN_CONTENT_SCRIPT = `(() => { const __name = (f) => f; return (${findHiddenContent.toString()})(); })()`;
