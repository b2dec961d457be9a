import type { CreateOrderRequest, CreateOrderResult } from '../../../../miniprogram/contracts';
import type { ActionDef } from '../../../../server/handler';
import { fen, id, obj } from '../../../../server/input';
import { checkoutItems, couponIds } from '../checkout/input-schemas';
import { createOrders } from '../create/create-orders';

/** A client-generated id of one checkout attempt (uuid or similar). */
const requestId = { type: 'string', minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const;

export const create: ActionDef<CreateOrderRequest, CreateOrderResult> = {
  input: obj(
    { requestId, items: checkoutItems, addressId: id, couponIds, expectedPayFen: fen, fromCart: { type: 'boolean' }, remark: { type: 'string', maxLength: 200 } },
    ['requestId', 'items', 'addressId', 'couponIds', 'expectedPayFen'],
  ),
  run: (input, ctx) => createOrders(input, ctx),
};
