/** Payload schemas shared by quote and create: unknown fields (a client-sent price) are refused. */
import { id, ids, obj, quantity } from '../../../../server/input';

/** One checkout holds at most this many lines. */
export const MAX_CHECKOUT_LINES = 50;

export const checkoutItems = { type: 'array', items: obj({ skuId: id, quantity }, ['skuId', 'quantity']), minItems: 1, maxItems: MAX_CHECKOUT_LINES } as const;

/** At most one platform coupon plus one per shop (the payments schema allows 21). */
export const couponIds = { ...ids(21), minItems: 0 } as const;
