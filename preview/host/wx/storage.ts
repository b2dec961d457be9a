/** wx storage for one mini-program run: kept in memory, values stored as JSON like WeChat does. */
import { asyncApi } from './async-api';

export class WxStorage {
  private readonly entries = new Map<string, string>();

  get(key: string): unknown {
    const raw = this.entries.get(key);
    return raw === undefined ? '' : (JSON.parse(raw) as unknown);
  }

  set(key: string, value: unknown): void {
    if (value === undefined) this.entries.delete(key);
    else this.entries.set(key, JSON.stringify(value));
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The storage part of `wx`. */
  api(): Record<string, unknown> {
    return {
      getStorageSync: (key: string) => this.get(key),
      setStorageSync: (key: string, value: unknown) => this.set(key, value),
      removeStorageSync: (key: string) => this.remove(key),
      clearStorageSync: () => this.clear(),
      getStorageInfoSync: () => ({ keys: this.keys(), currentSize: 0, limitSize: 10240 }),
      getStorage: asyncApi<{ key: string }>('getStorage', ({ key }) => {
        if (!this.entries.has(key)) throw new Error('data not found');
        return { data: this.get(key) };
      }),
      setStorage: asyncApi<{ key: string; data: unknown }>('setStorage', ({ key, data }) => this.set(key, data)),
      removeStorage: asyncApi<{ key: string }>('removeStorage', ({ key }) => this.remove(key)),
      clearStorage: asyncApi<object>('clearStorage', () => this.clear()),
    };
  }
}
