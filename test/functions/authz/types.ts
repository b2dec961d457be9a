/**
 * The authorisation matrix (issue 4, acceptance 1): every admin and shop action is called by each
 * kind of caller below, and must be allowed for exactly the callers a case lists and refused for
 * everyone else, with the database unchanged by a refusal.
 *
 * Each feature area contributes `test/functions/authz/<area>.cases.ts` exporting `cases`;
 * `test/functions/authz-matrix.spec.ts` runs them all against one emulator.
 */
import type { Mall } from '../../support/mall';

/**
 * - `shopper`: signed in, no roles;
 * - `otherStaff`: staff of shop B, aiming at shop A;
 * - `suspendedOwner`: owner of shop C, which is suspended, aiming at shop C (reads and serving open
 *   orders still work for a suspended shop; changing goods, marketing or settings does not);
 * - `staff`: staff of shop A, aiming at shop A;
 * - `owner`: owner of shop A, aiming at shop A;
 * - `admin`: a platform admin with no shop role, aiming at shop A.
 */
export type Who = 'shopper' | 'otherStaff' | 'suspendedOwner' | 'staff' | 'owner' | 'admin';
export const EVERYONE: readonly Who[] = ['shopper', 'otherStaff', 'suspendedOwner', 'staff', 'owner', 'admin'];
/** Convenience allow-lists. */
export const SHOP_READ: Who[] = ['staff', 'owner', 'suspendedOwner'];
export const SHOP_WRITE: Who[] = ['staff', 'owner'];
export const OWNER_WRITE: Who[] = ['owner'];
export const ADMIN_ONLY: Who[] = ['admin'];

export interface World {
  mall: Mall;
  openid: Record<Who, string>;
  /** Owner `openid.owner`, staff `openid.staff`. */
  shopA: string;
  /** Staff `openid.otherStaff` (owner `authz-owner-b`). */
  shopB: string;
  /** Suspended; owner `openid.suspendedOwner`. */
  shopC: string;
  /** A level-1 category any goods may use. */
  categoryId: string;
  /** A shopper with a default address (for cases that need a real order of that shopper). */
  buyer: string;
  /** A fresh id-safe string each call: `${prefix}-<n>`. */
  unique(prefix: string): string;
}

export interface Target {
  who: Who;
  openid: string;
  /** The shop the call aims at: shop C for `suspendedOwner`, shop A for everyone else. */
  shopId: string;
}

export interface AuthzCase {
  fn: string;
  action: string;
  /** A label when one action has several cases (e.g. a read and a write mode). */
  label?: string;
  /** Who may; everyone else must get `ok: false` with FORBIDDEN or NOT_FOUND and change nothing. */
  allow: Who[];
  /**
   * Builds the payload of one call by `target.who` aimed at `target.shopId`; may seed what the call
   * needs (documents through `w.mall.db`, or other functions as another caller). Called once per
   * caller, before the database snapshot, so an allowed call never starves the next caller.
   */
  payload(w: World, target: Target): Promise<Record<string, unknown>>;
}
