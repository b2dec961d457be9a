/**
 * What the browser journeys (purchase, merchant application) share: a private demo mall, the
 * preview server on a free port, Debian's Chromium, WXML class selectors and named steps that
 * report browser errors when they fail.
 */
import type { Browser } from 'playwright-core';
import { startDemoMall, type DemoMall } from '../../../preview/demo-mall';
import { assertBrowserInstalled, launchChromium } from '../../../preview/screenshots/chromium';
import { startPreview, type RunningPreview } from '../../../preview/server';

export interface Journey {
  demo: DemoMall;
  preview: RunningPreview;
  browser: Browser;
  /** Page errors seen in the browser, reported by a failing step. */
  browserErrors: string[];
}

/** Starts the mall, the preview (default identity `identity`) and Chromium; `stop` undoes what started. */
export async function startJourney(identity: string): Promise<Journey> {
  assertBrowserInstalled();
  const demo = await startDemoMall();
  const preview = await startPreview({ emulatorUrl: demo.url, port: 0, identity });
  const browser = await launchChromium();
  return { demo, preview, browser, browserErrors: [] };
}

export async function stopJourney(journey: Journey | undefined): Promise<void> {
  await journey?.browser.close();
  await journey?.preview.close();
  await journey?.demo.stop();
}

/** Elements by their WXML class (simulate renders `detail__add` as `main--detail__add`, `sku-picker--...`). */
export const bem = (name: string) => `[class$="--${name}"], [class*="--${name} "]`;

/** Runs `action` as a named step of a journey: a failure names the step and the browser's errors. */
export async function step(journey: Journey, kind: string, name: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const errors = journey.browserErrors;
    throw new Error(`${kind} step "${name}" failed: ${(error as Error).message}${errors.length ? `\nbrowser errors:\n  ${errors.join('\n  ')}` : ''}`);
  }
}
