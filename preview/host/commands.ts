/**
 * Carries out what the shopper did in the browser: events on page elements (dispatched on their
 * exparser nodes, so `bind:tap`/`catch:tap` inside TDesign components run as on a phone), window
 * gestures (back, tabs, pull-down, scrolling to the bottom) and answers to dialogs.
 */
import type { AppConfig } from '../app-config';
import type { Command } from '../protocol';
import { dispatchOn } from './exparser-events';
import { openPicker } from './picker';
import type { NodeIds } from './node-ids';
import type { OverlayState } from './overlays';
import type { Router } from './router';
import { templateAttr } from './sim-types';

export interface CommandContext {
  app: AppConfig;
  router: Router;
  overlays: OverlayState;
  ids: NodeIds;
  setIdentity(openid: string): void;
  setRefreshing(refreshing: boolean): void;
}

function elementOf(context: CommandContext, node: number): Element {
  const element = context.ids.element(node);
  if (!element) throw new Error(`element ${node} is gone (the page changed since it was drawn)`);
  return element;
}

/** `<navigator url open-type>`: WeChat navigates on tap without any page code. */
function followNavigator(context: CommandContext, element: Element): void {
  const navigator = element.closest('wx-navigator');
  if (!navigator) return;
  const url = String(templateAttr(navigator, 'url') ?? '');
  const openType = String(templateAttr(navigator, 'open-type') ?? 'navigate');
  const { router } = context;
  if (openType === 'navigateBack') router.navigateBack(Number(templateAttr(navigator, 'delta')) || 1);
  else if (!url) return;
  else if (openType === 'redirect') router.redirectTo(url);
  else if (openType === 'switchTab') router.switchTab(url);
  else if (openType === 'reLaunch') router.reLaunch(url);
  else router.navigateTo(url);
}

function switchTab(context: CommandContext, index: number): void {
  const item = context.app.tabBar?.items[index];
  if (!item) throw new Error(`there is no tab ${index}`);
  if (context.router.top()?.route !== item.route) context.router.switchTab(`/${item.route}`);
  context.router.callTop('onTabItemTap', { index: String(index), pagePath: item.route, text: item.text });
}

function relaunchTop(context: CommandContext): void {
  const top = context.router.top();
  const query = Object.entries(top?.query ?? {}).map(([key, value]) => `${key}=${value}`);
  context.router.reLaunch(top ? `/${top.route}${query.length ? `?${query.join('&')}` : ''}` : `/${context.app.routes[0]}`);
}

export function runCommand(context: CommandContext, command: Command): void {
  const { router, overlays } = context;
  switch (command.kind) {
    case 'tap':
    case 'longpress': {
      const element = elementOf(context, command.node);
      dispatchOn(element, command.kind, { x: 0, y: 0 }, { bubbles: true });
      if (command.kind === 'tap') {
        followNavigator(context, element);
        openPicker(overlays, element);
      }
      return;
    }
    case 'input':
      dispatchOn(elementOf(context, command.node), 'input', { value: command.value, cursor: command.value.length, keyCode: 0 }, { bubbles: false });
      return;
    case 'focus':
    case 'blur':
    case 'confirm':
      dispatchOn(elementOf(context, command.node), command.kind, { value: command.value, height: 0 }, { bubbles: false });
      return;
    case 'scrolltolower':
    case 'scrolltoupper':
      dispatchOn(elementOf(context, command.node), command.kind, { direction: command.kind === 'scrolltolower' ? 'bottom' : 'top' }, { bubbles: false });
      return;
    case 'pageScroll':
      router.callTop('onPageScroll', { scrollTop: command.scrollTop });
      return;
    case 'reachBottom':
      router.callTop('onReachBottom');
      return;
    case 'pullDownRefresh':
      if (!router.top()?.window.enablePullDownRefresh) return;
      context.setRefreshing(true);
      router.callTop('onPullDownRefresh');
      return;
    case 'back':
      router.navigateBack(1);
      return;
    case 'home':
      router.reLaunch(`/${context.app.tabBar?.items[0]?.route ?? context.app.routes[0]}`);
      return;
    case 'switchTab':
      switchTab(context, command.index);
      return;
    case 'identity':
      context.setIdentity(command.openid);
      relaunchTop(context);
      return;
    case 'open':
      router.reLaunch(command.url);
      return;
    case 'modal':
      overlays.answerModal({ confirm: command.confirm, ...(command.content === undefined ? {} : { content: command.content }) });
      return;
    case 'actionSheet':
      overlays.answerActionSheet(command.index);
      return;
    case 'pay':
      overlays.answerPayment(command.confirm);
      return;
    case 'picker':
      overlays.answerPicker(command.values);
      return;
    case 'dismissPreview':
      overlays.dismissPreview();
      return;
  }
}
