/**
 * WeChat's window around a page, as HTML: status bar, navigation bar (back or home button, title,
 * the capsule), tab bar from app.json, pull-down indicator, and the overlays (toast, loading,
 * modal, action sheet, the simulated payment sheet, image viewer). Pure functions of a snapshot:
 * the live preview sends the pieces to the browser, screenshots put them around the page.
 * Clickable parts carry `data-action` (see shell/main.ts).
 */
import type { TabBarConfig } from '../app-config';
import type { ChromeState, Overlays, PageSnapshot, Snapshot } from '../protocol';
import { iconSvg } from '../icons';

export interface ChromeView {
  snapshot: Snapshot;
  tabBar: TabBarConfig | null;
  /** URL of an image of the mini-program package (tab bar icons). */
  packageAsset(path: string): string;
}

export interface ChromeParts {
  top: string;
  tabBar: string;
  refresh: string;
  overlays: string;
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const icon = (name: string) => iconSvg(name) ?? '';
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

function topBars(page: PageSnapshot | null, chrome: ChromeState): string {
  const bar = page?.navigationBar ?? { title: '', background: '#ffffff', textStyle: 'black' as const, loading: false };
  const color = bar.textStyle === 'white' ? '#ffffff' : '#000000';
  const left = chrome.canGoBack
    ? `<button class="pv-nav-button" data-action="back" aria-label="返回">${icon('chevron-left')}</button>`
    : chrome.showHome
      ? `<button class="pv-nav-button" data-action="home" aria-label="首页">${icon('home')}</button>`
      : '';
  const loading = bar.loading ? '<span class="pv-spinner pv-spinner--small"></span>' : '';
  return `<div class="pv-top" style="background:${escape(bar.background)};color:${color}">
<div class="pv-statusbar"><span>9:41</span><span class="pv-statusbar__right">100%</span></div>
<div class="pv-navbar">${left}<div class="pv-title">${loading}<span data-pv-title>${escape(bar.title)}</span></div>
<div class="pv-capsule pv-capsule--${bar.textStyle}"><span>···</span><i></i><span>◎</span></div></div></div>`;
}

function tabBar(view: ChromeView): string {
  const { tabBar: config } = view;
  const { activeTab } = view.snapshot.chrome;
  if (!config || activeTab < 0) return '';
  const items = config.items
    .map((item, index) => {
      const selected = index === activeTab;
      const iconPath = selected ? item.selectedIconPath : item.iconPath;
      const image = iconPath ? `<img src="${escape(view.packageAsset(iconPath))}" alt="">` : '';
      return `<button class="pv-tab" data-action="tab" data-index="${index}" style="color:${selected ? config.selectedColor : config.color}">${image}<span>${escape(item.text)}</span></button>`;
    })
    .join('');
  return `<nav class="pv-tabbar pv-tabbar--${config.borderStyle}" style="background:${escape(config.backgroundColor)}">${items}</nav>`;
}

function toast(overlays: Overlays): string {
  if (overlays.loading) {
    const mask = overlays.loading.mask ? '<div class="pv-mask pv-mask--clear"></div>' : '';
    return `${mask}<div class="pv-toast pv-toast--icon"><span class="pv-spinner"></span><p>${escape(overlays.loading.title)}</p></div>`;
  }
  const shown = overlays.toast;
  if (!shown) return '';
  const mask = shown.mask ? '<div class="pv-mask pv-mask--clear"></div>' : '';
  if (shown.icon === 'none') return `${mask}<div class="pv-toast pv-toast--text">${escape(shown.title)}</div>`;
  const glyph = shown.icon === 'loading' ? '<span class="pv-spinner"></span>' : icon(shown.icon === 'error' ? 'close-circle' : 'check-circle');
  return `${mask}<div class="pv-toast pv-toast--icon">${glyph}<p>${escape(shown.title)}</p></div>`;
}

function modal(overlays: Overlays): string {
  const request = overlays.modal;
  if (!request) return '';
  const content = request.editable
    ? `<input class="pv-modal__input" data-modal-input placeholder="${escape(request.placeholderText)}" value="${escape(request.content)}">`
    : request.content
      ? `<p class="pv-modal__content">${escape(request.content)}</p>`
      : '';
  const cancel = request.showCancel ? `<button data-action="modal-cancel">${escape(request.cancelText)}</button>` : '';
  return `<div class="pv-mask"></div><div class="pv-modal" role="dialog">
${request.title ? `<h3 class="pv-modal__title">${escape(request.title)}</h3>` : ''}${content}
<div class="pv-modal__buttons">${cancel}<button class="pv-modal__confirm" data-action="modal-confirm">${escape(request.confirmText)}</button></div></div>`;
}

function actionSheet(overlays: Overlays): string {
  const sheet = overlays.actionSheet;
  if (!sheet) return '';
  const items = sheet.itemList.map((item, index) => `<button data-action="sheet" data-index="${index}" style="color:${escape(sheet.itemColor)}">${escape(item)}</button>`).join('');
  return `<div class="pv-mask" data-action="sheet-cancel"></div><div class="pv-sheet">${items}<button class="pv-sheet__cancel" data-action="sheet-cancel">取消</button></div>`;
}

function paymentSheet(overlays: Overlays): string {
  const sheet = overlays.payment;
  if (!sheet) return '';
  const button = sheet.paying ? '<button class="pv-pay__confirm" disabled>支付中…</button>' : '<button class="pv-pay__confirm" data-action="pay-confirm">确认支付</button>';
  return `<div class="pv-mask"></div><div class="pv-pay" role="dialog" aria-label="模拟支付">
<div class="pv-pay__head"><button class="pv-pay__close" data-action="pay-cancel" aria-label="取消">${icon('close')}</button><span>模拟支付</span></div>
<p class="pv-pay__desc">${escape(sheet.description)}</p><p class="pv-pay__amount" data-pv-pay-amount>${yuan(sheet.totalFee)}</p>
<p class="pv-pay__note">本地模拟器付款，不会产生真实扣款（商户订单号 ${escape(sheet.outTradeNo)}）</p>${button}</div>`;
}

const REGION_FIELDS = ['省', '市', '区'];

function pickerSheet(overlays: Overlays): string {
  const picker = overlays.picker;
  if (!picker) return '';
  let fields: string;
  if (picker.mode === 'selector' || picker.mode === 'multiSelector') {
    fields = picker.columns
      .map((column, index) => {
        const options = column.map((item, i) => `<option value="${i}"${String(i) === picker.values[index] ? ' selected' : ''}>${escape(item)}</option>`).join('');
        return `<select data-picker-field size="5">${options}</select>`;
      })
      .join('');
  } else if (picker.mode === 'region') {
    fields = REGION_FIELDS.map((name, index) => `<input data-picker-field placeholder="${name}" aria-label="${name}" value="${escape(picker.values[index] ?? '')}">`).join('');
  } else {
    fields = `<input data-picker-field type="${picker.mode}" value="${escape(picker.values[0] ?? '')}">`;
  }
  return `<div class="pv-mask" data-action="picker-cancel"></div><div class="pv-picker" role="dialog">
<div class="pv-picker__head"><button data-action="picker-cancel">取消</button><button class="pv-picker__confirm" data-action="picker-confirm">确定</button></div>
<div class="pv-picker__fields">${fields}</div></div>`;
}

function imagePreview(overlays: Overlays): string {
  const preview = overlays.imagePreview;
  if (!preview) return '';
  return `<div class="pv-preview" data-action="preview-dismiss"><img src="${escape(preview.url)}" alt=""></div>`;
}

export function renderChrome(view: ChromeView): ChromeParts {
  const { page, chrome } = view.snapshot;
  const { overlays } = chrome;
  return {
    top: topBars(page, chrome),
    tabBar: tabBar(view),
    refresh: chrome.refreshing ? '<div class="pv-refresh"><i></i><i></i><i></i></div>' : '',
    overlays: toast(overlays) + modal(overlays) + actionSheet(overlays) + pickerSheet(overlays) + paymentSheet(overlays) + imagePreview(overlays),
  };
}

/** The phone: bars around the page frame, overlays on top. `frame` is the page's `<iframe>`. */
export function phoneHtml(parts: ChromeParts, frame: string): string {
  return `<div class="pv-phone" id="pv-phone">
<div id="pv-top">${parts.top}</div>
<div class="pv-content" id="pv-content">${frame}<div id="pv-refresh">${parts.refresh}</div></div>
<div id="pv-tabbar">${parts.tabBar}</div>
<div id="pv-overlays">${parts.overlays}</div>
</div>`;
}
