/**
 * Updates the page in the frame in place from new HTML, so that scrolling, focus and what the
 * shopper is typing survive a re-render. Elements are matched by position and `data-pv` id (the
 * same id means the same element on the server); anything else is replaced.
 */

function sameElement(a: Element, b: Element): boolean {
  return a.tagName === b.tagName && a.getAttribute('data-pv') === b.getAttribute('data-pv');
}

function syncAttributes(target: Element, source: Element): void {
  for (const attr of [...target.attributes]) if (!source.hasAttribute(attr.name)) target.removeAttribute(attr.name);
  for (const attr of [...source.attributes]) if (target.getAttribute(attr.name) !== attr.value) target.setAttribute(attr.name, attr.value);
  const field = target as HTMLInputElement | HTMLTextAreaElement;
  if ((target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') && target.ownerDocument.activeElement !== target) {
    const value = target.tagName === 'INPUT' ? (source.getAttribute('value') ?? '') : (source.textContent ?? '');
    if (field.value !== value) field.value = value;
  }
}

function morphChildren(target: Node, source: Node): void {
  const doc = target.ownerDocument ?? (target as Document);
  const targetChildren = [...target.childNodes];
  const sourceChildren = [...source.childNodes];
  sourceChildren.forEach((sourceChild, index) => {
    const targetChild = targetChildren[index];
    if (!targetChild) {
      target.appendChild(doc.importNode(sourceChild, true));
      return;
    }
    if (sourceChild.nodeType === Node.TEXT_NODE && targetChild.nodeType === Node.TEXT_NODE) {
      if (targetChild.nodeValue !== sourceChild.nodeValue) targetChild.nodeValue = sourceChild.nodeValue;
      return;
    }
    if (sourceChild.nodeType === Node.ELEMENT_NODE && targetChild.nodeType === Node.ELEMENT_NODE && sameElement(targetChild as Element, sourceChild as Element)) {
      syncAttributes(targetChild as Element, sourceChild as Element);
      if (targetChild.nodeName !== 'svg') morphChildren(targetChild, sourceChild);
      else if ((targetChild as Element).innerHTML !== (sourceChild as Element).innerHTML) (targetChild as Element).innerHTML = (sourceChild as Element).innerHTML;
      return;
    }
    target.replaceChild(doc.importNode(sourceChild, true), targetChild);
  });
  for (let i = targetChildren.length - 1; i >= sourceChildren.length; i -= 1) targetChildren[i]?.remove();
}

/** Makes the children of `target` look like `html` (parsed in the target's document). */
export function morph(target: Element, html: string): void {
  const template = target.ownerDocument.createElement('template');
  template.innerHTML = html;
  morphChildren(target, template.content);
}
