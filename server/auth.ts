/**
 * Who may do what beyond shopping. Roles live in the `roles` collection, keyed by OPENID:
 * `platformAdmin` and the caller's shops with a role each. The first platform admins are named at
 * deploy time in the function's environment variable `PLATFORM_ADMIN_OPENIDS` (comma-separated),
 * honoured in addition to the collection, so an empty database still has someone to approve shops.
 *
 * Refusals throw a `Failure` that the handler returns as `{ok: false, error}`:
 * - not a platform admin: FORBIDDEN;
 * - a shop that does not exist: NOT_FOUND;
 * - a shop that exists but the caller has no (or not the required) role in it: FORBIDDEN. Shops are
 *   public (the catalog lists them), so hiding their existence behind NOT_FOUND would buy nothing,
 *   and FORBIDDEN tells a merchant's page to drop the shop from its switcher;
 * - a write on a suspended shop: FORBIDDEN (reads still work, so open orders can be served).
 */
import type { ShopRole } from '../miniprogram/contracts';
import { fail, notFound } from './failure';
import type { CallContext } from './handler';
import type { RolesDoc, ShopDoc } from './model';
import { repo } from './repo';

/** The environment variable naming deploy-time platform admins. */
export const PLATFORM_ADMIN_ENV = 'PLATFORM_ADMIN_OPENIDS';

/** OPENIDs listed in `PLATFORM_ADMIN_OPENIDS` (read on every call: tests and the console may change it). */
export function envPlatformAdmins(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    String(env[PLATFORM_ADMIN_ENV] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export interface Roles {
  openid: string;
  /** From the collection or the environment variable. */
  platformAdmin: boolean;
  shops: Array<{ shopId: string; role: ShopRole }>;
}

/** The caller's roles; a user without a `roles` document is a plain shopper. */
export async function loadRoles(openid: string): Promise<Roles> {
  if (!openid) return { openid, platformAdmin: false, shops: [] };
  const doc: RolesDoc | null = await repo.get('roles', openid);
  return { openid, platformAdmin: doc?.platformAdmin === true || envPlatformAdmins().has(openid), shops: doc?.shops ?? [] };
}

/** Refuses (FORBIDDEN) unless the caller is a platform admin. */
export async function requirePlatformAdmin(ctx: Pick<CallContext, 'openid'>): Promise<Roles> {
  const roles = await loadRoles(ctx.openid);
  if (!roles.platformAdmin) fail('FORBIDDEN', '仅平台管理员可操作');
  return roles;
}

export interface ShopAccess {
  shop: ShopDoc;
  role: ShopRole;
  roles: Roles;
}

/**
 * Refuses unless the caller holds one of `allowed` in the shop. `mode: 'write'` (the default, so
 * forgetting it errs on the safe side) also refuses while the shop is suspended; reads pass
 * `'read'`. A platform admin holds no shop role by being an admin: platform actions are separate.
 */
export async function requireShopRole(ctx: Pick<CallContext, 'openid'>, shopId: string, allowed: ShopRole[], mode: 'read' | 'write' = 'write'): Promise<ShopAccess> {
  const [shop, roles] = await Promise.all([repo.get('shops', shopId), loadRoles(ctx.openid)]);
  if (!shop) return notFound('店铺');
  const role = roles.shops.find((s) => s.shopId === shopId)?.role;
  if (!role || !allowed.includes(role)) return fail('FORBIDDEN', '无权管理该店铺');
  if (mode === 'write' && shop.status === 'suspended') fail('FORBIDDEN', '店铺已被暂停营业', { shopStatus: 'suspended' });
  return { shop, role, roles };
}
