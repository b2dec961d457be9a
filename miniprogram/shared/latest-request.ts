/**
 * Drops answers nobody waits for any more: when a page starts a newer request of the same kind
 * (another tab, another sort, a refresh), the older answer must not overwrite the newer one.
 */
export class LatestRequest {
  private readonly tokens = new WeakMap<object, number>();

  /** Starts a request for `owner` (a page instance) and returns its token. */
  begin(owner: object): number {
    const token = (this.tokens.get(owner) ?? 0) + 1;
    this.tokens.set(owner, token);
    return token;
  }

  /** True while no newer request was started for `owner`. */
  isLatest(owner: object, token: number): boolean {
    return this.tokens.get(owner) === token;
  }
}
