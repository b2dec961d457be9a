/**
 * Visual regression: every page of app.json, rendered with the demo data (preview/screenshots),
 * must be fit to show (no empty TDesign tag, no error, loading or blank state, no page error) and
 * look like its committed baseline, screenshots/baseline/<route>.png, within the tolerance of
 * preview/screenshots/compare.ts. UPDATE_BASELINES=1 rewrites the baselines instead.
 * A failed comparison leaves <route>.actual.png and <route>.diff.png in screenshots/out/diff/.
 */
import fs from 'fs';
import path from 'path';
import { readAppConfig } from '../../preview/app-config';
import { startDemoMall, type DemoMall } from '../../preview/demo-mall';
import { BASELINE_DIR, SCREENSHOT_OUT_DIR } from '../../preview/paths';
import { capturePages, type PageShot } from '../../preview/screenshots/capture-pages';
import { assertBrowserInstalled } from '../../preview/screenshots/chromium';
import { compareScreenshots, writeDiffArtifacts } from '../../preview/screenshots/compare';

const UPDATE = process.env.UPDATE_BASELINES === '1';
const DIFF_DIR = path.join(SCREENSHOT_OUT_DIR, 'diff');
const routes = readAppConfig().routes;

let demo: DemoMall | undefined;
const shots = new Map<string, PageShot>();

beforeAll(async () => {
  assertBrowserInstalled();
  demo = await startDemoMall();
  for (const shot of await capturePages({ mall: demo.mall })) shots.set(shot.route, shot);
}, 300_000);

afterAll(async () => {
  await demo?.stop();
});

function shotOf(route: string): PageShot & { png: Buffer } {
  const shot = shots.get(route);
  if (!shot) throw new Error(`${route} was not rendered (see beforeAll)`);
  if (!shot.png) throw new Error(`${route} has no screenshot: ${shot.problems.join('; ')}`);
  return shot as PageShot & { png: Buffer };
}

describe.each(routes)('%s', (route) => {
  it('renders without problems', () => {
    const shot = shots.get(route);
    expect(shot?.problems ?? ['not rendered']).toEqual([]);
  });

  it(UPDATE ? 'writes its baseline' : 'looks like its baseline', () => {
    const shot = shotOf(route);
    const baselineFile = path.join(BASELINE_DIR, shot.file);
    if (UPDATE) {
      fs.mkdirSync(BASELINE_DIR, { recursive: true });
      fs.writeFileSync(baselineFile, shot.png);
      return;
    }
    if (!fs.existsSync(baselineFile)) throw new Error(`no baseline ${path.relative(process.cwd(), baselineFile)}: look at the page (npm run screenshots), then UPDATE_BASELINES=1 npm run test:preview -- visual`);
    const comparison = compareScreenshots(shot.png, fs.readFileSync(baselineFile));
    if (!comparison.matches) {
      const files = writeDiffArtifacts(DIFF_DIR, shot.file, shot.png, comparison);
      throw new Error(`${route} differs from its baseline: ${comparison.reason}\n  ${files.map((file) => path.relative(process.cwd(), file)).join('\n  ')}`);
    }
  });
});

it('has no baseline for a page that is gone from app.json', () => {
  const expected = new Set(routes.map((route) => `${route.replace(/\//g, '__')}.png`));
  const stale = fs.existsSync(BASELINE_DIR) ? fs.readdirSync(BASELINE_DIR).filter((file) => file.endsWith('.png') && !expected.has(file)) : [];
  if (UPDATE) for (const file of stale) fs.rmSync(path.join(BASELINE_DIR, file));
  else expect(stale).toEqual([]);
});
