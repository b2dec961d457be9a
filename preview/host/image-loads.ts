/**
 * WeChat's `<image>` fires `load` (with the picture's size) or `error`; jsdom loads nothing, so
 * TDesign's `<t-image>` would show its loading placeholder forever. The host looks at each image
 * once per source, fetches it (emulator storage over HTTP, package files from disk) and fires the
 * event WeChat would.
 */
import fs from 'fs';
import path from 'path';
import { MINIPROGRAM_ROOT } from '../paths';
import { dispatchOn } from './exparser-events';
import { templateAttr } from './sim-types';

interface ImageSize {
  width: number;
  height: number;
}

/** Width and height of an SVG or PNG; a default square for other formats. */
function sizeOf(bytes: Buffer): ImageSize {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  const head = bytes.subarray(0, 2048).toString('utf8');
  const svg = /<svg\b[^>]*>/i.exec(head)?.[0];
  if (svg) {
    const width = Number(/\swidth="([\d.]+)/.exec(svg)?.[1]);
    const height = Number(/\sheight="([\d.]+)/.exec(svg)?.[1]);
    if (width > 0 && height > 0) return { width, height };
    const box = /viewBox="[\d.\s-]+?\s([\d.]+)\s+([\d.]+)"/.exec(svg);
    if (box) return { width: Number(box[1]), height: Number(box[2]) };
  }
  return { width: 100, height: 100 };
}

async function fetchImage(src: string): Promise<Buffer> {
  if (/^https?:\/\//.test(src)) {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  if (src.startsWith('data:')) return Buffer.from(src.slice(src.indexOf(',') + 1), src.includes(';base64,') ? 'base64' : 'utf8');
  const file = path.join(MINIPROGRAM_ROOT, src.replace(/^\/+/, ''));
  if (!file.startsWith(MINIPROGRAM_ROOT)) throw new Error('outside the mini-program');
  return fs.promises.readFile(file);
}

/** Every `<image>` under `root`, including those inside components' shadow trees (TDesign's t-image). */
function* imagesUnder(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    if (element.tagName.toLowerCase() === 'wx-image') yield element;
    if (element.shadowRoot) yield* imagesUnder(element.shadowRoot);
  }
}

export class ImageLoads {
  private readonly seen = new WeakMap<Element, string>();
  private readonly sizes = new Map<string, Promise<ImageSize>>();
  private inFlight = 0;

  get pending(): number {
    return this.inFlight;
  }

  /** Starts the load of every image under `root` whose source it has not seen yet. */
  scan(root: Element): void {
    for (const element of imagesUnder(root)) {
      const src = String(templateAttr(element, 'src') ?? '');
      if (!src || this.seen.get(element) === src) continue;
      this.seen.set(element, src);
      this.inFlight += 1;
      void this.size(src)
        .then(
          (size) => element.isConnected && dispatchOn(element, 'load', size, { bubbles: false }),
          (error: unknown) => element.isConnected && dispatchOn(element, 'error', { errMsg: `GET ${src} failed: ${(error as Error).message}` }, { bubbles: false }),
        )
        .finally(() => {
          this.inFlight -= 1;
        });
    }
  }

  private size(src: string): Promise<ImageSize> {
    let size = this.sizes.get(src);
    if (!size) {
      size = fetchImage(src).then(sizeOf);
      this.sizes.set(src, size);
      // A failure is not remembered: the next render tries again.
      size.catch(() => this.sizes.delete(src));
    }
    return size;
  }
}
