import type { CartView } from '../../../miniprogram/contracts';
import type { ActionDef } from '../../../server/handler';
import { empty } from '../../../server/input';
import { ownLines } from './cart-lines';
import { cartView } from './cart-view';

export const view: ActionDef<Record<string, never>, CartView> = {
  input: empty,
  run: (_input, ctx) => cartView(ctx.openid),
};

/** Pieces in the cart, for the tab-bar badge: one read of the lines' quantities. */
export const count: ActionDef<Record<string, never>, { totalQuantity: number }> = {
  input: empty,
  async run(_input, ctx) {
    const lines = await ownLines(ctx.openid, { quantity: true });
    return { totalQuantity: lines.reduce((n, l) => n + l.quantity, 0) };
  },
};
