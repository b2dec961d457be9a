/**
 * Replaces simulate's inert `wx` mocks with the preview's implementations, and defines the
 * globals a mini-program expects besides `wx` and `Component` (`App`, `getApp`, `getCurrentPages`).
 * APIs not replaced here keep simulate's mocks.
 */
import type { OverlayState } from '../overlays';
import type { Router } from '../router';
import { mediaApi } from './media';
import { navigationApi, type WindowControls } from './navigation';
import { paymentApi } from './payment';
import type { RequestTracker } from './request';
import type { WxStorage } from './storage';
import { systemApi } from './system';
import { uiApi } from './ui';

export interface WxDependencies {
  storage: WxStorage;
  requests: RequestTracker;
  overlays: OverlayState;
  router: Router;
  window: WindowControls;
  emulatorUrl: () => string;
  currentPages: () => unknown[];
}

interface AppOptions {
  globalData?: Record<string, unknown>;
  onLaunch?: (options: Record<string, unknown>) => void;
  onShow?: (options: Record<string, unknown>) => void;
}

export function installWx(deps: WxDependencies): void {
  const globals = globalThis as unknown as Record<string, unknown> & { wx: Record<string, unknown> };
  Object.assign(
    globals.wx,
    deps.storage.api(),
    deps.requests.api(),
    uiApi(deps.overlays),
    navigationApi(deps.router, deps.window),
    paymentApi(deps.overlays, deps.emulatorUrl),
    systemApi(),
    mediaApi(deps.requests),
  );
  let app: AppOptions = { globalData: {} };
  globals.App = (options: AppOptions) => {
    app = { globalData: {}, ...options };
    const launch = { path: '', query: {}, scene: 1001 };
    app.onLaunch?.call(app, launch);
    app.onShow?.call(app, launch);
  };
  globals.getApp = () => app;
  globals.getCurrentPages = () => deps.currentPages();
}
