/**
 * What app.json and each page's JSON say about pages, the tab bar and the navigation bar: the
 * parts of the mini-program's configuration that WeChat (not the page code) acts on.
 */
import fs from 'fs';
import path from 'path';
import { MINIPROGRAM_ROOT } from './paths';

export interface WindowConfig {
  navigationBarTitleText: string;
  navigationBarBackgroundColor: string;
  navigationBarTextStyle: 'black' | 'white';
  backgroundColor: string;
  enablePullDownRefresh: boolean;
}

export interface TabItem {
  route: string;
  text: string;
  iconPath: string;
  selectedIconPath: string;
}

export interface TabBarConfig {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  borderStyle: 'black' | 'white';
  items: TabItem[];
}

export interface AppConfig {
  /** Every page route (no leading slash), main package first, then subpackages in order. */
  routes: string[];
  tabBar: TabBarConfig | null;
  window: WindowConfig;
}

interface RawAppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  window?: Partial<WindowConfig>;
  tabBar?: {
    color?: string;
    selectedColor?: string;
    backgroundColor?: string;
    borderStyle?: 'black' | 'white';
    list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }>;
  };
}

const DEFAULT_WINDOW: WindowConfig = {
  navigationBarTitleText: '',
  navigationBarBackgroundColor: '#000000',
  navigationBarTextStyle: 'white',
  backgroundColor: '#ffffff',
  enablePullDownRefresh: false,
};

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function readAppConfig(root = MINIPROGRAM_ROOT): AppConfig {
  const raw = readJson<RawAppJson>(path.join(root, 'app.json'));
  const subPackages = raw.subPackages ?? raw.subpackages ?? [];
  const routes = [...raw.pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`))];
  const tabBar = raw.tabBar
    ? {
        color: raw.tabBar.color ?? '#8b8b8b',
        selectedColor: raw.tabBar.selectedColor ?? '#000000',
        backgroundColor: raw.tabBar.backgroundColor ?? '#ffffff',
        borderStyle: raw.tabBar.borderStyle ?? 'black',
        items: raw.tabBar.list.map((item) => ({
          route: item.pagePath,
          text: item.text,
          iconPath: item.iconPath ?? '',
          selectedIconPath: item.selectedIconPath ?? item.iconPath ?? '',
        })),
      }
    : null;
  return { routes, tabBar, window: { ...DEFAULT_WINDOW, ...raw.window } };
}

/** The window settings of one page: app.json's `window` overridden by the page's own JSON. */
export function pageWindow(app: AppConfig, route: string, root = MINIPROGRAM_ROOT): WindowConfig {
  const own = readJson<Partial<WindowConfig>>(path.join(root, `${route}.json`));
  const pick = <K extends keyof WindowConfig>(key: K): WindowConfig[K] => (own[key] ?? app.window[key]) as WindowConfig[K];
  return {
    navigationBarTitleText: pick('navigationBarTitleText'),
    navigationBarBackgroundColor: pick('navigationBarBackgroundColor'),
    navigationBarTextStyle: pick('navigationBarTextStyle'),
    backgroundColor: pick('backgroundColor'),
    enablePullDownRefresh: pick('enablePullDownRefresh'),
  };
}

/** Splits `/pages/a/index?x=1&y=2` into a route and its query (values left encoded, as WeChat does). */
export function parsePageUrl(url: string, fromRoute = ''): { route: string; query: Record<string, string> } {
  const [rawPath = '', rawQuery = ''] = url.split('?', 2);
  const route = rawPath.startsWith('/') ? rawPath.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(fromRoute), rawPath));
  const query: Record<string, string> = {};
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq < 0) query[pair] = '';
    else query[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { route: route.replace(/\.(wxml|js|ts)$/, ''), query };
}

export function pageUrl(route: string, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).map(([key, value]) => `${key}=${value}`);
  return `/${route}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}
