/**
 * The preview's pure rules: rpx at 0.5 px, WeChat tag selectors aimed at the rendered `wx-*`
 * elements, no remote fonts, page URLs as WeChat splits them, and the screenshot comparison's
 * tolerance (a one-pixel-wide change passes, a block does not).
 */
import { PNG } from 'pngjs';
import { pageUrl, parsePageUrl } from '../../preview/app-config';
import { builtinTagSelectors, dropRemoteFontFaces, rewriteSelectors } from '../../preview/css-selectors';
import { rpxToPx } from '../../preview/rpx';
import { compareScreenshots, MAX_DIFF_RATIO } from '../../preview/screenshots/compare';

describe('rpxToPx', () => {
  it('draws 750rpx as the 375 px screen width, decimals and negatives included', () => {
    expect(rpxToPx('width:750rpx;margin:-24rpx 1.5rpx .5rpx;font:28RPX/40rpx x')).toBe('width:375px;margin:-12px 0.75px 0.25px;font:14px/20px x');
  });

  it('leaves other units and words alone', () => {
    expect(rpxToPx('width:24px;content:"rpx";--grpx:1')).toBe('width:24px;content:"rpx";--grpx:1');
  });
});

describe('CSS selectors', () => {
  it('aims WeChat tag selectors at wx-* elements, not at classes or other tags', () => {
    expect(builtinTagSelectors('view,text .a>image, .view, scroll-view:first-child, main view')).toBe('wx-view,wx-text .a>wx-image, .view, wx-scroll-view:first-child, main wx-view');
  });

  it('rewrites rules inside @media but not keyframes or font faces', () => {
    const css = '@media (min-width:1px){view{a:b}}@keyframes k{from{a:b}}view{color:red}@font-face{font-family:x;src:url(a.woff)}';
    expect(rewriteSelectors(css, builtinTagSelectors)).toBe('@media (min-width:1px){wx-view{a:b}}@keyframes k{from{a:b}}wx-view{color:red}@font-face{font-family:x;src:url(a.woff)}');
  });

  it('keeps a statement before a rule and strings with braces', () => {
    expect(rewriteSelectors('@charset "utf-8";text{content:"{view}"}', builtinTagSelectors)).toBe('@charset "utf-8";wx-text{content:"{view}"}');
  });

  it('drops @font-face rules that load from the network, keeps local ones', () => {
    const css = "@font-face{font-family:t;src:url(https://tdesign.gtimg.com/t.woff)}.a{b:c}@font-face{font-family:l;src:url(data:font/woff;base64,AA)}";
    expect(dropRemoteFontFaces(css)).toBe('.a{b:c}@font-face{font-family:l;src:url(data:font/woff;base64,AA)}');
  });
});

describe('page URLs', () => {
  it('splits a URL into route and query, values left encoded as WeChat passes them to onLoad', () => {
    expect(parsePageUrl('/packages/goods/search/index?keyword=%E8%91%A1&sort=')).toEqual({ route: 'packages/goods/search/index', query: { keyword: '%E8%91%A1', sort: '' } });
  });

  it('resolves a relative URL against the current page', () => {
    expect(parsePageUrl('../detail/index?orderId=1', 'packages/order/list/index')).toEqual({ route: 'packages/order/detail/index', query: { orderId: '1' } });
  });

  it('builds the URL back', () => {
    expect(pageUrl('packages/order/detail/index', { orderId: '42' })).toBe('/packages/order/detail/index?orderId=42');
    expect(pageUrl('pages/home/index')).toBe('/pages/home/index');
  });
});

describe('screenshot comparison', () => {
  const WIDTH = 750;
  const HEIGHT = 1334;

  function image(paint: (x: number, y: number) => boolean): Buffer {
    const png = new PNG({ width: WIDTH, height: HEIGHT });
    for (let y = 0; y < HEIGHT; y += 1) {
      for (let x = 0; x < WIDTH; x += 1) {
        const i = (y * WIDTH + x) * 4;
        const dark = paint(x, y);
        png.data[i] = dark ? 20 : 255;
        png.data[i + 1] = dark ? 20 : 255;
        png.data[i + 2] = dark ? 20 : 255;
        png.data[i + 3] = 255;
      }
    }
    return PNG.sync.write(png, { deflateLevel: 1, filterType: 0 });
  }

  const blank = image(() => false);

  it('matches an identical image', () => {
    expect(compareScreenshots(blank, blank)).toMatchObject({ diffPixels: 0, matches: true });
  });

  it('tolerates a few stray pixels', () => {
    const stray = Math.floor(MAX_DIFF_RATIO * WIDTH * HEIGHT);
    expect(compareScreenshots(image((x, y) => y === 600 && x >= 100 && x < 100 + stray), blank).matches).toBe(true);
  });

  it('fails on a block the size of a changed character', () => {
    const comparison = compareScreenshots(image((x, y) => x >= 100 && x < 110 && y >= 600 && y < 610), blank);
    expect(comparison.matches).toBe(false);
    expect(comparison.reason).toMatch(/^100 pixels/);
  });

  it('fails on a different size', () => {
    const small = new PNG({ width: 10, height: 10 });
    expect(compareScreenshots(PNG.sync.write(small), blank)).toMatchObject({ matches: false, reason: 'size 10x10, baseline 750x1334' });
  });
});
