/**
 * The browser side of the preview: draws each view the server sends (the WeChat window around the
 * page, the page in its frame), and sends back what the shopper does. Bundled by
 * server/shell-bundle.ts; no dependencies, nothing from a CDN.
 */
import type { ShellView } from '../server/preview-session';
import { commandSender, createSession, followSession, rememberIdentity, rememberedSession, type CommandSender } from './api';
import { attachFrame } from './frame';
import { morph } from './morph';

const byId = <T extends HTMLElement>(id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from the shell page`);
  return element as T;
};

const frame = byId<HTMLIFrameElement>('pv-frame');
const statusLine = byId<HTMLElement>('pv-status');
const identitySelect = byId<HTMLSelectElement>('pv-identity');
const openSelect = byId<HTMLSelectElement>('pv-open');

let sessionId = '';
let send: CommandSender = async () => undefined;
let source: EventSource | null = null;
let latest: ShellView | null = null;
let frameKey = '';
let frameReady = false;
let scrollSeq = 0;
let errorSeq = 0;
const drawn = { top: '', tabBar: '', refresh: '', overlays: '' };

function showError(message: string): void {
  statusLine.textContent = message;
  setTimeout(() => {
    if (statusLine.textContent === message) statusLine.textContent = '';
  }, 6000);
}

function drawPart(id: string, part: keyof typeof drawn, html: string): void {
  if (drawn[part] === html) return;
  drawn[part] = html;
  byId(id).innerHTML = html;
}

function drawIdentities(view: ShellView): void {
  if (identitySelect.options.length !== view.identities.length) {
    identitySelect.innerHTML = view.identities.map(({ openid, label }) => `<option value="${openid}">${label}（${openid}）</option>`).join('');
  }
  identitySelect.value = view.identity;
}

function drawPage(view: ShellView): void {
  byId('pv-url').textContent = view.page?.url ?? '—';
  if (!view.page) return;
  if (view.page.key !== frameKey) {
    frameKey = view.page.key;
    frameReady = false;
    frame.src = `/api/sessions/${sessionId}/frame/${view.page.key}`;
    return;
  }
  const doc = frame.contentDocument;
  if (frameReady && doc?.body) morph(doc.body, view.page.html);
}

function draw(view: ShellView): void {
  if (latest && view.version < latest.version) return;
  latest = view;
  drawPart('pv-top', 'top', view.chrome.top);
  drawPart('pv-tabbar', 'tabBar', view.chrome.tabBar);
  drawPart('pv-refresh', 'refresh', view.chrome.refresh);
  drawPart('pv-overlays', 'overlays', view.chrome.overlays);
  drawIdentities(view);
  drawPage(view);
  if (view.lastError && view.lastError.seq !== errorSeq) {
    errorSeq = view.lastError.seq;
    showError(`页面出错：${view.lastError.message}`);
  }
  if (view.scrollRequest.seq !== scrollSeq) {
    scrollSeq = view.scrollRequest.seq;
    frame.contentWindow?.scrollTo({ top: view.scrollRequest.scrollTop });
  }
}

frame.addEventListener('load', () => {
  const doc = frame.contentDocument;
  if (!doc) return;
  frameReady = true;
  attachFrame(doc, (command) => send(command), { enablePullDownRefresh: () => latest?.page?.enablePullDownRefresh ?? false });
  if (latest?.page && latest.page.key === frameKey) morph(doc.body, latest.page.html);
});

/** Clicks on the WeChat window: back, home, tabs, dialogs, sheets. */
byId('pv-phone').addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLElement>('[data-action]');
  if (!target) return;
  const index = Number(target.dataset.index);
  switch (target.dataset.action) {
    case 'back':
      return void send({ kind: 'back' });
    case 'home':
      return void send({ kind: 'home' });
    case 'tab':
      return void send({ kind: 'switchTab', index });
    case 'modal-confirm': {
      const input = document.querySelector<HTMLInputElement>('[data-modal-input]');
      return void send(input ? { kind: 'modal', confirm: true, content: input.value } : { kind: 'modal', confirm: true });
    }
    case 'modal-cancel':
      return void send({ kind: 'modal', confirm: false });
    case 'sheet':
      return void send({ kind: 'actionSheet', index });
    case 'sheet-cancel':
      return void send({ kind: 'actionSheet', index: null });
    case 'pay-confirm':
      return void send({ kind: 'pay', confirm: true });
    case 'pay-cancel':
      return void send({ kind: 'pay', confirm: false });
    case 'picker-confirm': {
      const values = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-picker-field]')].map((field) => field.value);
      return void send({ kind: 'picker', values });
    }
    case 'picker-cancel':
      return void send({ kind: 'picker', values: null });
    case 'preview-dismiss':
      return void send({ kind: 'dismissPreview' });
  }
});

identitySelect.addEventListener('change', () => {
  rememberIdentity(identitySelect.value);
  void send({ kind: 'identity', openid: identitySelect.value });
});
openSelect.addEventListener('change', () => {
  if (openSelect.value) void send({ kind: 'open', url: openSelect.value });
  openSelect.value = '';
});
byId('pv-reload').addEventListener('click', () => latest?.page && void send({ kind: 'open', url: latest.page.url }));
byId('pv-refresh-button').addEventListener('click', () => void send({ kind: 'pullDownRefresh' }));
byId('pv-new-session').addEventListener('click', () => void start(true));

async function loadPageList(): Promise<void> {
  const { routes } = (await (await fetch('/api/pages')).json()) as { routes: string[] };
  openSelect.innerHTML = `<option value="">选择页面…</option>${routes.map((route) => `<option value="/${route}">/${route}</option>`).join('')}`;
}

async function start(fresh: boolean): Promise<void> {
  source?.close();
  frameKey = '';
  latest = null;
  const remembered = fresh ? null : rememberedSession();
  sessionId = remembered ?? (await createSession(location.hash.startsWith('#/') ? location.hash.slice(1) : undefined));
  send = commandSender(sessionId, showError);
  source = followSession(sessionId, draw, () => void start(true));
}

void loadPageList();
start(false).catch((error: Error) => showError(error.message));
