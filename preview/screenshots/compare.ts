/**
 * Screenshot comparison for the visual regression tests (test/preview/visual.spec.ts), with
 * pixelmatch. Two tolerances:
 * - PIXEL_THRESHOLD 0.1: how different (YIQ colour distance, 0 to 1) a pixel must be to count;
 *   pixelmatch also skips pixels it judges anti-aliasing.
 * - MAX_DIFF_RATIO 0.00002: at most 0.002 % of the pixels, 20 of the 750x1334, may count as
 *   different.
 * Measured on this setup (Debian chromium + fonts-noto-cjk, fixed data, no animations): two runs
 * differ by 0 pixels; changing one digit of a price or count (11-16 px text) changes 27-106
 * counted pixels. So the tolerance catches a one-character change and only absorbs stray pixels.
 * A different Chromium or font version can shift text everywhere: then look at the diff images
 * and rewrite the baselines (preview/README.md).
 */
import fs from 'fs';
import path from 'path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFF_RATIO = 0.00002;

export interface Comparison {
  /** Share of pixels that differ (1 when the sizes differ). */
  diffRatio: number;
  diffPixels: number;
  /** A PNG with differing pixels in red over a faded copy of the baseline; null when sizes differ. Encoded on demand (slow under jest). */
  diffPng(): Buffer | null;
  matches: boolean;
  reason: string;
}

export function compareScreenshots(actual: Buffer, baseline: Buffer): Comparison {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(baseline);
  if (a.width !== b.width || a.height !== b.height) {
    return { diffRatio: 1, diffPixels: a.width * a.height, diffPng: () => null, matches: false, reason: `size ${a.width}x${a.height}, baseline ${b.width}x${b.height}` };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const diffPixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  const diffRatio = diffPixels / (a.width * a.height);
  const matches = diffRatio <= MAX_DIFF_RATIO;
  const allowed = Math.floor(MAX_DIFF_RATIO * a.width * a.height);
  const reason = `${diffPixels} pixels (${(diffRatio * 100).toFixed(4)} %) differ, at most ${allowed} (${(MAX_DIFF_RATIO * 100).toFixed(4)} %) allowed`;
  return { diffRatio, diffPixels, diffPng: () => PNG.sync.write(diff, { deflateLevel: 1, filterType: 0 }), matches, reason };
}

/** Writes `<name>.actual.png` and `<name>.diff.png` next to each other for a failed comparison. */
export function writeDiffArtifacts(dir: string, file: string, actual: Buffer, comparison: Comparison): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, file.replace(/\.png$/, ''));
  const written = [`${base}.actual.png`];
  fs.writeFileSync(`${base}.actual.png`, actual);
  const diffPng = comparison.diffPng();
  if (diffPng) {
    fs.writeFileSync(`${base}.diff.png`, diffPng);
    written.push(`${base}.diff.png`);
  }
  return written;
}
