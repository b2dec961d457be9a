import { DAY_MS } from '../time';
import { AfterSaleClaim, afterSaleTypesFor, isFullyRefunded, lineAllowances, maxFenFor, planAfterSale, RefundableLine } from './refundable-lines';

const T0 = 1_800_000_000_000;
const lines: RefundableLine[] = [
  { quantity: 3, payFen: 1000 },
  { quantity: 1, payFen: 500 },
];
const claim = (over: Partial<AfterSaleClaim>): AfterSaleClaim => ({ afterSaleId: 'a1', lineIndex: 0, quantity: 1, amountFen: 333, open: false, ...over });
const order = (state: string, over: { completedAt?: number } = {}) => ({ state, lines, shippingFen: 800, ...over });

describe('lineAllowances', () => {
  it('subtracts every claim and marks lines held by an open request', () => {
    expect(lineAllowances(lines, [claim({}), claim({ afterSaleId: 'a2', quantity: 1, amountFen: 300, open: true })])).toEqual([
      { lineIndex: 0, maxQuantity: 1, maxFen: 367, busy: true },
      { lineIndex: 1, maxQuantity: 1, maxFen: 500, busy: false },
    ]);
  });

  it('caps part of a line by its share and the last units by what is left', () => {
    const [a] = lineAllowances(lines, [claim({ amountFen: 200 })]);
    expect(maxFenFor(lines[0], a, 1)).toBe(333);
    expect(maxFenFor(lines[0], a, 2)).toBe(800);
    const [b] = lineAllowances(lines, [claim({ amountFen: 900 })]);
    expect(maxFenFor(lines[0], b, 1)).toBe(100);
  });
});

describe('afterSaleTypesFor', () => {
  it('takes refund only before shipping, both after, none after the window or for other states', () => {
    expect(afterSaleTypesFor({ state: 'paid' }, T0)).toEqual(['refund_only']);
    expect(afterSaleTypesFor({ state: 'shipped' }, T0)).toEqual(['refund_only', 'return_refund']);
    expect(afterSaleTypesFor({ state: 'completed', completedAt: T0 }, T0 + 7 * DAY_MS - 1)).toEqual(['refund_only', 'return_refund']);
    expect(afterSaleTypesFor({ state: 'completed', completedAt: T0 }, T0 + 7 * DAY_MS)).toEqual([]);
    expect(afterSaleTypesFor({ state: 'completed' }, T0)).toEqual([]);
    for (const state of ['pending_payment', 'cancelled', 'closed']) expect(afterSaleTypesFor({ state }, T0)).toEqual([]);
  });
});

describe('planAfterSale', () => {
  const plan = (over: Partial<Parameters<typeof planAfterSale>[0]>) => planAfterSale({ order: order('shipped'), claims: [], type: 'refund_only', requested: [{ lineIndex: 0, quantity: 1 }], now: T0, ...over });

  it('defaults each amount to its maximum and accepts less', () => {
    expect(plan({})).toEqual({ ok: true, value: { lines: [{ lineIndex: 0, quantity: 1, amountFen: 333 }], shippingFen: 0, amountFen: 333 } });
    expect(plan({ requested: [{ lineIndex: 0, quantity: 2, amountFen: 100 }, { lineIndex: 1, quantity: 1 }] })).toMatchObject({ ok: true, value: { amountFen: 600 } });
  });

  it('refuses more than the cap, never trusting the client', () => {
    expect(plan({ requested: [{ lineIndex: 0, quantity: 1, amountFen: 334 }] })).toMatchObject({ ok: false, code: 'REFUND_AMOUNT_EXCEEDED', details: { lineIndex: 0, maxFen: 333 } });
    expect(plan({ requested: [{ lineIndex: 0, quantity: 4 }] })).toMatchObject({ ok: false, code: 'AFTER_SALE_LINE_INVALID' });
    expect(plan({ requested: [{ lineIndex: 2, quantity: 1 }] })).toMatchObject({ ok: false, code: 'AFTER_SALE_LINE_INVALID' });
    expect(plan({ requested: [{ lineIndex: 0, quantity: 1 }, { lineIndex: 0, quantity: 1 }] })).toMatchObject({ ok: false, code: 'AFTER_SALE_LINE_INVALID' });
    expect(plan({ requested: [] })).toMatchObject({ ok: false, code: 'AFTER_SALE_LINE_INVALID' });
    expect(plan({ requested: [{ lineIndex: 0, quantity: 1, amountFen: 0 }] })).toMatchObject({ ok: false, code: 'REFUND_AMOUNT_INVALID' });
    expect(plan({ requested: [{ lineIndex: 0, quantity: 1, amountFen: 1.5 }] })).toMatchObject({ ok: false, code: 'REFUND_AMOUNT_INVALID' });
  });

  it('counts earlier claims, open or done, and refuses a line with an open request', () => {
    expect(plan({ claims: [claim({ quantity: 2, amountFen: 900 })], requested: [{ lineIndex: 0, quantity: 1 }] })).toMatchObject({ ok: true, value: { amountFen: 100 } });
    expect(plan({ claims: [claim({ open: true })] })).toMatchObject({ ok: false, code: 'AFTER_SALE_LINE_BUSY' });
    expect(plan({ claims: [claim({ quantity: 3, amountFen: 1000 })] })).toMatchObject({ ok: false, code: 'AFTER_SALE_LINE_INVALID' });
  });

  it('refunds shipping only with the request that empties an unshipped order', () => {
    const all = [{ lineIndex: 0, quantity: 3 }, { lineIndex: 1, quantity: 1 }];
    expect(plan({ order: order('paid'), requested: all })).toMatchObject({ ok: true, value: { shippingFen: 800, amountFen: 2300 } });
    expect(plan({ order: order('shipped'), requested: all })).toMatchObject({ ok: true, value: { shippingFen: 0, amountFen: 1500 } });
    expect(plan({ order: order('paid'), requested: [{ lineIndex: 0, quantity: 3 }] })).toMatchObject({ ok: true, value: { shippingFen: 0 } });
    expect(plan({ order: order('paid'), claims: [claim({ lineIndex: 1, amountFen: 500 })], requested: [{ lineIndex: 0, quantity: 3 }] })).toMatchObject({ ok: true, value: { shippingFen: 800 } });
  });

  it('follows the window and the order state', () => {
    expect(plan({ order: order('paid'), type: 'return_refund' })).toMatchObject({ ok: false, code: 'AFTER_SALE_NOT_ALLOWED' });
    expect(plan({ order: order('completed', { completedAt: T0 - 8 * DAY_MS }) })).toMatchObject({ ok: false, code: 'AFTER_SALE_NOT_ALLOWED' });
    expect(plan({ order: order('pending_payment') })).toMatchObject({ ok: false, code: 'AFTER_SALE_NOT_ALLOWED' });
  });
});

describe('isFullyRefunded', () => {
  it('needs every unit of every line', () => {
    expect(isFullyRefunded(lines, [claim({ quantity: 3 }), claim({ lineIndex: 1 })])).toBe(true);
    expect(isFullyRefunded(lines, [claim({ quantity: 2 }), claim({ lineIndex: 1 })])).toBe(false);
  });
});
