import type { ActionDef } from '../../../../server/handler';
import { empty } from '../../../../server/input';
import { repo } from '../../../../server/repo';

/** The badges of "my orders": unpaid, waiting to ship, waiting for receipt. */
const COUNTED = ['pending_payment', 'paid', 'shipped'] as const;

export const counts: ActionDef<Record<string, never>, Record<(typeof COUNTED)[number], number>> = {
  input: empty,
  async run(_input, ctx) {
    const [pending_payment, paid, shipped] = await Promise.all(COUNTED.map((status) => repo.count('orders', { openid: ctx.openid, status })));
    return { pending_payment, paid, shipped };
  },
};
