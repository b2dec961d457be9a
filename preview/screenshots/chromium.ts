/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Flags from
 * .library/env/machines/node.md: without the background-networking ones Chromium keeps trying to
 * reach Google's hosts, which this network refuses.
 */
import fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** fonts-noto-cjk: the CJK font every screenshot is drawn with. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** Throws a message that says what to install when Chromium or the CJK fonts are missing. */
export function assertBrowserInstalled(): void {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push(`Chromium at ${CHROMIUM_PATH} (Debian package chromium, or set CHROMIUM_PATH)`);
  if (!fs.existsSync(CJK_FONT)) missing.push(`the CJK font ${CJK_FONT} (Debian package fonts-noto-cjk)`);
  if (missing.length) throw new Error(`cannot draw pages: missing ${missing.join(' and ')}. Install with: apt-get install -y chromium fonts-noto-cjk`);
}

export async function launchChromium(): Promise<Browser> {
  assertBrowserInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
