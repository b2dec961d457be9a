/** Page navigation and the parts of WeChat's window a page controls (title, pull-down, scrolling). */
import type { Router } from '../router';
import { asyncApi } from './async-api';

/** What the page may change in the window around it. */
export interface WindowControls {
  setTitle(title: string): void;
  setNavigationLoading(loading: boolean): void;
  setRefreshing(refreshing: boolean): void;
  scrollTo(scrollTop: number): void;
}

export function navigationApi(router: Router, window: WindowControls): Record<string, unknown> {
  return {
    navigateTo: asyncApi<{ url: string }>('navigateTo', ({ url }) => router.navigateTo(url)),
    redirectTo: asyncApi<{ url: string }>('redirectTo', ({ url }) => router.redirectTo(url)),
    switchTab: asyncApi<{ url: string }>('switchTab', ({ url }) => router.switchTab(url)),
    reLaunch: asyncApi<{ url: string }>('reLaunch', ({ url }) => router.reLaunch(url)),
    navigateBack: asyncApi<{ delta?: number }>('navigateBack', ({ delta }) => router.navigateBack(delta)),
    setNavigationBarTitle: asyncApi<{ title: string }>('setNavigationBarTitle', ({ title }) => window.setTitle(title)),
    setNavigationBarColor: asyncApi<object>('setNavigationBarColor', () => undefined),
    showNavigationBarLoading: asyncApi<object>('showNavigationBarLoading', () => window.setNavigationLoading(true)),
    hideNavigationBarLoading: asyncApi<object>('hideNavigationBarLoading', () => window.setNavigationLoading(false)),
    startPullDownRefresh: asyncApi<object>('startPullDownRefresh', () => {
      window.setRefreshing(true);
      router.callTop('onPullDownRefresh');
    }),
    stopPullDownRefresh: asyncApi<object>('stopPullDownRefresh', () => window.setRefreshing(false)),
    pageScrollTo: asyncApi<{ scrollTop?: number }>('pageScrollTo', ({ scrollTop = 0 }) => window.scrollTo(scrollTop)),
  };
}
