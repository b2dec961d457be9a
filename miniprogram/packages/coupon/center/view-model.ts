import type { CouponTemplateView, ErrorCode } from '../../../services/contracts';
import { couponFace } from '../../../shared/coupon-face';

export type ClaimState = 'claimable' | 'claimed' | 'sold_out' | 'unavailable';

export interface CenterCouponView {
  id: string;
  title: string;
  valueText: string;
  conditionText: string;
  metaText: string;
  state: ClaimState;
  actionText: string;
  /** Why it cannot be claimed, under the title; empty otherwise. */
  note: string;
  claimedByMe: number;
  perUserLimit: number;
  remaining: number;
}

const ACTION_TEXT: Record<ClaimState, string> = { claimable: '立即领取', claimed: '已领取', sold_out: '已抢光', unavailable: '不可领取' };

function stateOf(view: Pick<CenterCouponView, 'claimedByMe' | 'perUserLimit' | 'remaining'>, unavailableReason?: string): ClaimState {
  if (view.claimedByMe >= view.perUserLimit) return 'claimed';
  if (view.remaining <= 0) return 'sold_out';
  if (unavailableReason) return 'unavailable';
  return 'claimable';
}

function withState(view: CenterCouponView, state: ClaimState, note = view.note): CenterCouponView {
  return { ...view, state, actionText: ACTION_TEXT[state], note };
}

export function toCenterCouponView(template: CouponTemplateView): CenterCouponView {
  const face = couponFace(template);
  const base: CenterCouponView = {
    id: template.id,
    title: template.title,
    valueText: face.valueText,
    conditionText: face.conditionText,
    metaText: `${face.issuerText} · ${template.scopeText} · ${template.validityText}`,
    state: 'claimable',
    actionText: '',
    note: template.unavailableReason ?? '',
    claimedByMe: template.claimedByMe,
    perUserLimit: template.perUserLimit,
    remaining: template.remaining,
  };
  return withState(base, stateOf(base, template.unavailableReason));
}

/** After a successful claim: one more held, one fewer left; a limit of several may allow another. */
export function afterClaim(view: CenterCouponView): CenterCouponView {
  const next = { ...view, claimedByMe: view.claimedByMe + 1, remaining: Math.max(0, view.remaining - 1) };
  return withState(next, stateOf(next));
}

/** After a refused claim: what the refusal says about the coupon now. */
export function afterRefusal(view: CenterCouponView, code: ErrorCode, message: string): CenterCouponView {
  switch (code) {
    case 'COUPON_LIMIT_REACHED':
      return withState(view, 'claimed');
    case 'COUPON_SOLD_OUT':
      return withState(view, 'sold_out');
    case 'COUPON_ENDED':
    case 'COUPON_NOT_STARTED':
    case 'COUPON_PAUSED':
      return withState(view, 'unavailable', message);
    default:
      return view;
  }
}
