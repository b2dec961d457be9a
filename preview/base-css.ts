/**
 * Stylesheets the preview adds to a rendered page: WeChat's default look of its built-in
 * components (an approximation: WeChat draws them natively), the preview's own markup (icons,
 * images, inputs it inserts), and for screenshots the settings that make a render repeatable.
 */

/** WeChat's built-in components, as the serialised DOM names them (`wx-view`, ...). */
export const BUILTIN_CSS = `
html, body { margin: 0; padding: 0; height: 100%; }
body { -webkit-text-size-adjust: 100%; -webkit-tap-highlight-color: transparent; }
page { display: block; min-height: 100%; }
main { display: block; }
::-webkit-scrollbar { display: none; }
wx-view, wx-navigator, wx-form, wx-cover-view, wx-swiper-item, wx-scroll-view, wx-movable-area, wx-rich-text { display: block; }
wx-text, wx-label { display: inline; }
wx-text { white-space: pre-line; }
wx-navigator, wx-picker { cursor: pointer; }
wx-picker { display: block; }
wx-scroll-view { overflow: hidden; -webkit-overflow-scrolling: touch; }
/* TDesign's t-sticky measures itself and jsdom measures zero, so it would fix its content over
   the page behind a placeholder 0 px tall, hiding the top of what follows (a phone measures the
   real height). Here the browser keeps it in the flow and sticks it as far as its parent allows. */
.t-sticky--t-sticky { height: auto !important; }
.t-sticky--t-sticky__content { position: sticky !important; left: auto !important; right: auto !important; }
wx-scroll-view[data-scroll-x] { overflow-x: auto; }
wx-scroll-view[data-scroll-y] { overflow-y: auto; }
wx-image { display: inline-block; position: relative; overflow: hidden; width: 320px; height: 240px; }
wx-image > img.pv-img { position: absolute; left: 0; top: 0; width: 100%; height: 100%; display: block; object-fit: fill; }
wx-image[data-mode="aspectFit"] > img.pv-img { object-fit: contain; }
wx-image[data-mode="aspectFill"] > img.pv-img { object-fit: cover; }
wx-image[data-mode="widthFix"] { height: auto; }
wx-image[data-mode="widthFix"] > img.pv-img { position: static; height: auto; }
wx-image[data-mode="heightFix"] { width: auto; }
wx-image[data-mode="heightFix"] > img.pv-img { position: static; width: auto; }
wx-image[data-mode="center"] > img.pv-img { object-fit: none; object-position: center; }
wx-image[data-mode="top"] > img.pv-img { object-fit: none; object-position: top; }
wx-image[data-mode="bottom"] > img.pv-img { object-fit: none; object-position: bottom; }
wx-image[data-mode="left"] > img.pv-img { object-fit: none; object-position: left; }
wx-image[data-mode="right"] > img.pv-img { object-fit: none; object-position: right; }
wx-swiper { display: flex; flex-wrap: nowrap; position: relative; overflow: hidden; height: 150px; }
wx-swiper[data-vertical] { flex-direction: column; }
wx-swiper > wx-swiper-item { flex: 0 0 100%; width: 100%; height: 100%; overflow: hidden; box-sizing: border-box; }
wx-input { display: block; height: 1.4rem; min-height: 1.4rem; overflow: hidden; white-space: nowrap; cursor: auto; }
wx-textarea { display: block; position: relative; width: 300px; height: 150px; cursor: auto; }
input.pv-native, textarea.pv-native {
  all: unset; display: block; box-sizing: border-box; width: 100%; height: 100%;
  font: inherit; color: inherit; text-align: inherit; letter-spacing: inherit; line-height: inherit; white-space: pre-wrap;
}
input.pv-native::placeholder, textarea.pv-native::placeholder { color: #808080; opacity: 1; }
wx-button {
  position: relative; display: block; margin-left: auto; margin-right: auto; padding-left: 14px; padding-right: 14px;
  box-sizing: border-box; font-size: 18px; text-align: center; text-decoration: none; line-height: 2.55555556;
  border-radius: 5px; overflow: hidden; color: #000; background-color: #f8f8f8; cursor: pointer;
}
wx-button::after {
  content: " "; width: 200%; height: 200%; position: absolute; top: 0; left: 0; border: 1px solid rgba(0, 0, 0, 0.2);
  transform: scale(0.5); transform-origin: 0 0; box-sizing: border-box; border-radius: 10px; pointer-events: none;
}
wx-button[data-type="primary"] { color: #fff; background-color: #07c160; }
wx-button[data-type="warn"] { color: #fff; background-color: #fa5151; }
wx-button[data-size="mini"] { display: inline-block; line-height: 2.3; font-size: 13px; padding: 0 1.34em; }
wx-button[data-plain] { color: #353535; border: 1px solid #353535; background-color: transparent; }
wx-button[data-disabled] { color: rgba(0, 0, 0, 0.3); }
wx-icon { display: inline-block; font-size: 0; }
wx-progress { display: flex; align-items: center; }
svg.pv-icon { display: block; width: 1em; height: 1em; }
[class*="t-icon-base"]::before { content: none !important; }
`;

/** The preview's live-page helpers: what can be tapped. */
export const INTERACTIVE_CSS = `
[data-pv-tap] { cursor: pointer; }
`;

/** Screenshots: no motion, no caret, one font, masked regions. */
export const DETERMINISTIC_CSS = `
*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
html, body, page, page * { font-family: "Noto Sans CJK SC", sans-serif !important; }
[data-pv-mask] { background: #d4d4d4 !important; color: transparent !important; border-color: transparent !important; }
[data-pv-mask] * { visibility: hidden !important; }
`;
