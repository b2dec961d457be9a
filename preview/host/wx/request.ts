/**
 * `wx.request` over Node's http module (the page tests' implementation), counting calls in flight
 * so the host knows when a page has finished loading. `wx.cloud` is not available: local mode goes
 * through the emulator's gateway with `wx.request` (config/env.ts).
 */
import { wxRequestOverHttp } from '../../../test/miniprogram/support/wx-request-over-http';

type RequestOptions = Parameters<typeof wxRequestOverHttp>[0];

export class RequestTracker {
  private inFlight = 0;

  get pending(): number {
    return this.inFlight;
  }

  /** Counts `work` as a request in flight until it settles (uploads). */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight += 1;
    return work.finally(() => {
      this.inFlight -= 1;
    });
  }

  api(): Record<string, unknown> {
    return {
      request: (options: RequestOptions) => {
        this.inFlight += 1;
        let settled = false;
        const done = () => {
          if (settled) return;
          settled = true;
          this.inFlight -= 1;
        };
        wxRequestOverHttp({
          ...options,
          success: (result) => {
            done();
            options.success?.(result);
          },
          fail: (error) => {
            done();
            options.fail?.(error);
          },
          complete: (result) => {
            done();
            options.complete?.(result);
          },
        });
        return { abort: () => undefined };
      },
      cloud: {
        init: () => undefined,
        callFunction: () => Promise.reject(new Error('wx.cloud is not available in the preview: config/env.ts must be in local mode')),
      },
    };
  }
}
