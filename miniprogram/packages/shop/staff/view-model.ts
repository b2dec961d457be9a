import type { ShopInvite, StaffMember } from '../../../services/contracts';
import { SHOP_ROUTES } from '../../../shared/shop-routes';

export interface MemberView {
  openid: string;
  name: string;
  avatarUrl: string;
  roleText: string;
  removable: boolean;
}

/** A member without a nickname shows the end of their OPENID, enough to tell people apart. */
export function memberView(m: StaffMember, viewerIsOwner: boolean): MemberView {
  return { openid: m.openid, name: m.nickname || `微信用户 ${m.openid.slice(-6)}`, avatarUrl: m.avatarUrl, roleText: m.role === 'owner' ? '店主' : '店员', removable: viewerIsOwner && m.role === 'staff' };
}

export interface InviteView {
  code: string;
  expiresText: string;
  path: string;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `11月23日 10:30 前有效`, Beijing time. */
export function inviteView(invite: ShopInvite): InviteView {
  const d = new Date(invite.expiresAt + 8 * 3600_000);
  return { code: invite.code, expiresText: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} 前有效，仅可使用一次`, path: SHOP_ROUTES.join(invite.code) };
}
