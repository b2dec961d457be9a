/**
 * What the preview's main thread (the browser-preview server, the screenshot runner) and a page
 * host (a worker thread running the mini-program in jsdom, see host/) say to each other.
 */

/** Something the shopper did in the browser, or in a test. `node` is a rendered element's `data-pv` id. */
export type Command =
  | { kind: 'tap'; node: number }
  | { kind: 'longpress'; node: number }
  | { kind: 'input'; node: number; value: string }
  | { kind: 'focus' | 'blur' | 'confirm'; node: number; value: string }
  | { kind: 'scrolltolower' | 'scrolltoupper'; node: number }
  | { kind: 'pageScroll'; scrollTop: number }
  | { kind: 'reachBottom' }
  | { kind: 'pullDownRefresh' }
  | { kind: 'back' }
  | { kind: 'home' }
  | { kind: 'switchTab'; index: number }
  | { kind: 'identity'; openid: string }
  | { kind: 'open'; url: string }
  | { kind: 'modal'; confirm: boolean; content?: string }
  | { kind: 'actionSheet'; index: number | null }
  | { kind: 'pay'; confirm: boolean }
  /** The picker's fields as the shopper left them (see PickerRequest), or null for cancel. */
  | { kind: 'picker'; values: string[] | null }
  | { kind: 'dismissPreview' };

export interface Toast {
  title: string;
  icon: 'success' | 'error' | 'loading' | 'none';
  mask: boolean;
}

export interface ModalRequest {
  title: string;
  content: string;
  showCancel: boolean;
  cancelText: string;
  confirmText: string;
  editable: boolean;
  placeholderText: string;
}

export interface PaymentSheet {
  outTradeNo: string;
  totalFee: number;
  description: string;
  /** Set while the emulator delivers the payment. */
  paying: boolean;
}

/**
 * WeChat's native `<picker>`: `columns` lists the choices of each column (selector: one column,
 * multiSelector: several); date, time and region are typed in (`values` holds the current value,
 * region as province, city, district).
 */
export interface PickerRequest {
  mode: 'selector' | 'multiSelector' | 'date' | 'time' | 'region';
  columns: string[][];
  values: string[];
}

/** WeChat UI drawn over the page: toasts, dialogs, sheets. */
export interface Overlays {
  toast: Toast | null;
  loading: { title: string; mask: boolean } | null;
  modal: ModalRequest | null;
  actionSheet: { itemList: string[]; itemColor: string } | null;
  payment: PaymentSheet | null;
  imagePreview: { url: string } | null;
  picker: PickerRequest | null;
}

export interface NavigationBar {
  title: string;
  background: string;
  textStyle: 'black' | 'white';
  /** `wx.showNavigationBarLoading`. */
  loading: boolean;
}

export interface PageSnapshot {
  /** Unique per mounted page instance: a new key means a new page (new CSS, new frame). */
  key: string;
  route: string;
  query: Record<string, string>;
  /** The rendered page: a `<page>` element and everything in it, with `data-pv` ids. */
  html: string;
  navigationBar: NavigationBar;
  backgroundColor: string;
  enablePullDownRefresh: boolean;
}

export interface ChromeState {
  stackDepth: number;
  canGoBack: boolean;
  /** A first page that is not a tab page shows WeChat's home button. */
  showHome: boolean;
  /** Index into app.json's tab bar list, -1 when the top page is not a tab page. */
  activeTab: number;
  refreshing: boolean;
  /** Bumped on every `wx.pageScrollTo`, with where to scroll. */
  scrollRequest: { seq: number; scrollTop: number };
  overlays: Overlays;
  identity: string;
  /** The latest exception in page code or failed wx call nobody handled (WeChat's console would show it). */
  lastError: { seq: number; message: string } | null;
  /** The identities the emulator's seed data knows (config/env.ts DEV_IDENTITIES). */
  identities: Array<{ openid: string; label: string }>;
}

export interface Snapshot {
  version: number;
  page: PageSnapshot | null;
  chrome: ChromeState;
}

export interface Masks {
  /** Page-test selectors (class/id, `>>>` into components) of elements to mask. */
  selectors?: string[];
  /** Regular expressions: an element whose own text matches one is masked. */
  text?: string[];
}

/** How to open a page for a screenshot or a test. */
export interface OpenRequest {
  url: string;
  identity?: string;
  /** wx storage entries to set before the page loads (e.g. a checkout intent). */
  storage?: Record<string, unknown>;
  /** Fixes the page's clock (`Date.now()`, `new Date()`) at this epoch in ms; by default it follows the emulator's clock. */
  now?: number;
  /** What a screenshot hides because it differs from run to run. */
  masks?: Masks;
  timeoutMs?: number;
}

export interface OpenResult {
  snapshot: Snapshot;
  css: string;
  /** Why the page is not fit to show: unresolved TDesign tags, error or blank state, page errors. */
  problems: string[];
  /** The page's `data.status` (see shared/page-status.ts), when it has one. */
  status: string | null;
}

export interface StartRequest {
  emulatorUrl: string;
  identity: string;
  /** URL for the first page (reLaunch); none opens nothing until `open`. */
  entry?: string;
  /** How image URLs of the emulator's storage appear in the rendered HTML (a proxy path, or as is). */
  assetBase?: string;
}

/** Requests a host answers. */
export interface HostMethods {
  start(request: StartRequest): Promise<void>;
  open(request: OpenRequest): OpenResult;
  command(command: Command): void;
  snapshot(): Snapshot;
  css(pageKey: string): string;
}

export type HostMethod = keyof HostMethods;

export interface HostRequestMessage {
  id: number;
  method: HostMethod;
  params: unknown;
}

export type HostResponseMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { push: 'snapshot'; snapshot: Snapshot };
