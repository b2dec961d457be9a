/** The browser preview's page: the phone (chrome/styles.ts) and a control panel beside it. */
import { PHONE_CSS } from '../chrome/styles';

const SHELL_CSS = `
html, body { margin: 0; min-height: 100%; background: #e9ecf1; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2329; }
.pv-shell { display: flex; gap: 32px; align-items: flex-start; justify-content: center; padding: 32px 16px; flex-wrap: wrap; }
.pv-device { padding: 14px; border-radius: 44px; background: #111; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.25); }
.pv-device .pv-phone { border-radius: 32px; }
.pv-panel { width: 300px; display: flex; flex-direction: column; gap: 16px; font-size: 14px; }
.pv-panel h1 { margin: 0; font-size: 20px; }
.pv-panel p { margin: 0; color: #646a73; line-height: 1.6; }
.pv-panel label { display: flex; flex-direction: column; gap: 6px; font-weight: 600; }
.pv-panel select, .pv-panel button, .pv-panel input { font: inherit; padding: 8px 10px; border-radius: 8px; border: 1px solid #c9cdd4; background: #fff; }
.pv-panel button { cursor: pointer; }
.pv-panel code { word-break: break-all; background: #fff; padding: 6px 8px; border-radius: 6px; display: block; }
.pv-status { min-height: 1.5em; color: #d54941; white-space: pre-wrap; }
.pv-row { display: flex; gap: 8px; }
`;

export function shellPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>云商城 · 预览</title><style>${PHONE_CSS}${SHELL_CSS}</style></head><body>
<div class="pv-shell">
  <div class="pv-device"><div class="pv-phone" id="pv-phone">
    <div id="pv-top"></div>
    <div class="pv-content" id="pv-content"><iframe class="pv-frame" id="pv-frame" title="page"></iframe><div id="pv-refresh"></div></div>
    <div id="pv-tabbar"></div>
    <div id="pv-overlays"></div>
  </div></div>
  <aside class="pv-panel">
    <h1>云商城 · 预览</h1>
    <p>页面在服务端的 jsdom 里运行（miniprogram-simulate + TDesign），调用本地模拟器里真实的云函数。点击、输入、滚动到底、下拉刷新都会发回服务端。</p>
    <label>身份 <select id="pv-identity"></select></label>
    <label>打开页面 <select id="pv-open"></select></label>
    <div>当前页面<code id="pv-url">—</code></div>
    <div class="pv-row"><button id="pv-reload" type="button">重新打开本页</button><button id="pv-refresh-button" type="button">下拉刷新</button><button id="pv-new-session" type="button">新会话</button></div>
    <div class="pv-status" id="pv-status" role="status"></div>
  </aside>
</div>
<script src="/shell.js"></script></body></html>`;
}
