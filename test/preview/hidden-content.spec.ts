/**
 * The screenshot check for content hidden for good under a fixed or sticky bar
 * (preview/screenshots/hidden-content.ts), in Chromium, on small pages made for it: the defect
 * the coupon and order lists had (a list starting under fixed tabs), and the layouts that are fine.
 */
import type { Browser } from 'playwright-core';
import { pageDocument } from '../../preview/page-document';
import { Camera } from '../../preview/screenshots/capture';
import { assertBrowserInstalled, launchChromium } from '../../preview/screenshots/chromium';

let browser: Browser;
let camera: Camera;

beforeAll(async () => {
  assertBrowserInstalled();
  browser = await launchChromium();
  camera = await Camera.open(browser);
}, 60_000);

afterAll(async () => {
  await camera?.close();
  await browser?.close();
});

/** A page of `body` in a 375x667 frame, as screenshots put a page inside the phone. */
function phone(body: string): string {
  const frame = pageDocument({ css: '.card{height:120px;margin:12px;background:#fff}', html: `<page>${body}</page>`, deterministic: true });
  return `<!doctype html><html><body style="margin:0"><iframe style="border:0;width:375px;height:667px" srcdoc="${frame.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe></body></html>`;
}

const tabs = (style: string) => `<div style="position:fixed;top:0;left:0;right:0;height:48px;background:#fff;z-index:1;${style}">未使用 已使用</div>`;
const cards = (n: number) => Array.from({ length: n }, (_, i) => `<div class="card">第${i + 1}张券 ¥20.00</div>`).join('');

it('finds the top of a list under fixed tabs that have no placeholder', async () => {
  const { hidden } = await camera.shoot(phone(`${tabs('')}<div style="margin-top:-12px">${cards(2)}</div>`));
  expect(hidden).toEqual(['"第1张券 ¥20.00" is hidden under a fixed bar']);
});

it('passes fixed tabs with a placeholder of their height', async () => {
  const { hidden } = await camera.shoot(phone(`<div style="height:48px">${tabs('')}</div>${cards(8)}`));
  expect(hidden).toEqual([]);
});

it('finds content under a sticky bar that sticks below its place', async () => {
  const { hidden } = await camera.shoot(phone(`<div style="position:sticky;top:0;height:48px;margin-bottom:-48px;background:#fff;z-index:1">筛选</div>${cards(1)}`));
  expect(hidden).toEqual(['"第1张券 ¥20.00" is hidden under a sticky bar']);
});

it('lets a bottom bar cover what scrolling brings out, but not the end of the page', async () => {
  const bar = '<div style="position:fixed;bottom:0;left:0;right:0;height:56px;background:#fff">提交订单</div>';
  expect((await camera.shoot(phone(`${cards(8)}<div>没有更多了</div><div style="height:56px"></div>${bar}`))).hidden).toEqual([]);
  expect((await camera.shoot(phone(`${cards(8)}<div>没有更多了</div>${bar}`))).hidden).toEqual(['"没有更多了" is hidden under a fixed bar']);
});

it('ignores overlays and content painted above a bar', async () => {
  const overlay = '<div style="position:fixed;inset:0;background:rgba(0,0,0,.6)">弹窗</div>';
  expect((await camera.shoot(phone(`${cards(2)}${overlay}`))).hidden).toEqual([]);
  expect((await camera.shoot(phone(`${tabs('z-index:0')}<div style="position:relative;z-index:2">${cards(1)}</div>`))).hidden).toEqual([]);
});
