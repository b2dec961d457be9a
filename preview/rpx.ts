/**
 * WeChat's responsive pixel: the screen is 750rpx wide. The preview draws a 375 px wide phone, so
 * 1rpx = 0.5px. miniprogram-simulate and j-component turn `24rpx` into `24px` (1:1), which draws
 * every page twice as large; the host replaces their conversion with this one.
 */
export const SCREEN_WIDTH_PX = 375;
const DESIGN_WIDTH_RPX = 750;

const RPX = /(-?(?:\d+\.\d*|\.\d+|\d+))rpx\b/gi;

export function rpxToPx(css: string): string {
  return css.replace(RPX, (_match, value: string) => `${Math.round(((Number(value) * SCREEN_WIDTH_PX) / DESIGN_WIDTH_RPX) * 1000) / 1000}px`);
}
