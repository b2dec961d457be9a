/**
 * `npm run screenshots [-- <route> ...]`: renders every page of miniprogram/app.json (or the routes
 * given) with the demo data of a private local mall into screenshots/out/<route>.png (375x667 at
 * scale 2) and screenshots/out/index.html. Exits non-zero when a page has a problem (a TDesign tag
 * rendered empty, an error, loading or blank state, an exception in page code). See preview/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readAppConfig } from '../preview/app-config';
import { startDemoMall } from '../preview/demo-mall';
import { SCREENSHOT_OUT_DIR } from '../preview/paths';
import { capturePages, unusedScenarios } from '../preview/screenshots/capture-pages';
import { galleryHtml } from '../preview/screenshots/gallery';

async function main(): Promise<void> {
  const started = Date.now();
  const routes = process.argv.slice(2).map((route) => route.replace(/^\/+/, ''));
  const unknown = routes.filter((route) => !readAppConfig().routes.includes(route));
  if (unknown.length) throw new Error(`not pages of miniprogram/app.json: ${unknown.join(', ')}`);
  const demo = await startDemoMall();
  console.log(`[screenshots] local mall with demo data at ${demo.url} (${Date.now() - started} ms)`);
  try {
    fs.mkdirSync(SCREENSHOT_OUT_DIR, { recursive: true });
    for (const file of fs.readdirSync(SCREENSHOT_OUT_DIR)) if (file.endsWith('.png')) fs.rmSync(path.join(SCREENSHOT_OUT_DIR, file));
    const shots = await capturePages({
      mall: demo.mall,
      ...(routes.length ? { routes } : {}),
      onShot: (shot) => {
        if (shot.png) fs.writeFileSync(path.join(SCREENSHOT_OUT_DIR, shot.file), shot.png);
        const verdict = shot.problems.length ? `✘ ${shot.problems.join('; ')}` : '✔';
        console.log(`[screenshots] ${verdict} ${shot.url} (${shot.ms} ms)`);
      },
    });
    fs.writeFileSync(path.join(SCREENSHOT_OUT_DIR, 'index.html'), galleryHtml(shots, new Date()));
    const unused = unusedScenarios();
    if (unused.length) console.log(`[screenshots] scenarios for pages not in app.json yet: ${unused.join(', ')}`);
    const failed = shots.filter((shot) => shot.problems.length);
    console.log(`[screenshots] ${shots.length} pages, ${failed.length} with problems, in ${Date.now() - started} ms: ${path.relative(process.cwd(), path.join(SCREENSHOT_OUT_DIR, 'index.html'))}`);
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    await demo.stop();
  }
}

main().catch((error) => {
  console.error('[screenshots] failed:', error);
  process.exit(1);
});
