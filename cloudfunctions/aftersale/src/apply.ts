/**
 * The shopper asks for money back (apply), and the form asks what it may ask for (maxRefundable).
 * The server computes every maximum (domain planAfterSale); the request and its claims on the
 * order's lines are written in one transaction with the order, so concurrent requests can never
 * claim more than a line paid, and a line takes one open request at a time.
 */
import type { AfterSaleApplyInput, AfterSaleView, RefundableView } from '../../../miniprogram/contracts';
import { AFTER_SALE_TYPES, afterSaleTypesFor, lineAllowances, planAfterSale } from '../../../domain';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { newId } from '../../../server/ids';
import { fen, id, obj, quantity } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { AfterSaleDoc } from '../../../server/model';
import { inTransaction } from '../../../server/repo';
import { ownOrder } from '../../order/src/views/own-order';
import { claimsFor, claimsOf } from './claims';
import { requireOwnPrivateFiles } from '../../../server/private-files';
import { afterSaleView, withPhotoLinks } from './views';

const PLAN_FAILURES = {
  AFTER_SALE_NOT_ALLOWED: ['AFTER_SALE_NOT_ALLOWED', '该订单当前不能申请此类售后'],
  AFTER_SALE_LINE_INVALID: ['INVALID_ARGUMENT', '申请的商品或数量有误'],
  AFTER_SALE_LINE_BUSY: ['AFTER_SALE_LINE_BUSY', '该商品已有处理中的售后申请'],
  REFUND_AMOUNT_EXCEEDED: ['REFUND_AMOUNT_EXCEEDED', '退款金额超过可退金额'],
  REFUND_AMOUNT_INVALID: ['INVALID_ARGUMENT', '退款金额有误'],
} as const;

const completedAtOf = (o: { completedAt?: Date }) => (o.completedAt ? { completedAt: o.completedAt.getTime() } : {});

export const apply: ActionDef<AfterSaleApplyInput, AfterSaleView> = {
  input: obj(
    {
      orderId: id,
      type: { enum: [...AFTER_SALE_TYPES] },
      lines: { type: 'array', minItems: 1, maxItems: 50, items: obj({ lineIndex: { type: 'integer', minimum: 0, maximum: 49 }, quantity, amountFen: fen }, ['lineIndex', 'quantity']) },
      reason: { type: 'string', minLength: 1, maxLength: 30, pattern: '\\S' },
      description: { type: 'string', maxLength: 500 },
      photos: { type: 'array', maxItems: 9, items: { type: 'string', maxLength: 512, pattern: '^cloud://' } },
    },
    ['orderId', 'type', 'lines', 'reason'],
  ),
  async run(input, ctx) {
    requireOwnPrivateFiles(input.photos ?? [], 'aftersale', ctx.openid);
    await ownOrder(ctx.openid, input.orderId);
    const at = new Date(ctx.now);
    const outcome = await inTransaction(async (tx) => {
      const order = await tx.get('orders', input.orderId);
      // checked above; gone meanwhile: no throwing inside a transaction, answer as a refusal
      if (!order || order.openid !== ctx.openid) return { ok: false as const, code: 'AFTER_SALE_NOT_ALLOWED' as const, details: undefined };
      const claims = await claimsOf(order, tx);
      const plan = planAfterSale({ order: { state: order.status, ...completedAtOf(order), lines: order.lines, shippingFen: order.shippingFen }, claims, type: input.type, requested: input.lines, now: ctx.now });
      if (!plan.ok) return plan;
      const doc: AfterSaleDoc = {
        _id: newId(),
        orderId: order._id,
        paymentId: order.paymentId,
        shopId: order.shopId,
        openid: ctx.openid,
        type: input.type,
        lines: plan.value.lines.map((l) => {
          const line = order.lines[l.lineIndex];
          return { ...l, skuId: line.skuId, goodsId: line.goodsId, title: line.title, specText: line.specText, coverUrl: line.coverUrl };
        }),
        shippingFen: plan.value.shippingFen,
        amountFen: plan.value.amountFen,
        reason: input.reason.trim(),
        description: (input.description ?? '').trim(),
        photos: input.photos ?? [],
        status: 'requested',
        history: [{ event: 'apply', at, by: ctx.openid }],
        createdAt: at,
        updatedAt: at,
      };
      await tx.insert('after_sales', doc);
      await tx.update('orders', order._id, { afterSaleClaims: [...(order.afterSaleClaims ?? []), ...claimsFor(doc)], updatedAt: at });
      return { ok: true as const, value: doc };
    });
    if (!outcome.ok) {
      const [code, message] = PLAN_FAILURES[outcome.code];
      return fail(code, message, outcome.details);
    }
    logEvent('after_sale_requested', { afterSaleId: outcome.value._id, orderId: input.orderId, amountFen: outcome.value.amountFen });
    return withPhotoLinks(afterSaleView(outcome.value, 'shopper'));
  },
};

/** What the apply form may offer for an order: the types allowed now and each line's maxima. */
export const maxRefundable: ActionDef<{ orderId: string }, RefundableView> = {
  input: obj({ orderId: id }, ['orderId']),
  async run(input, ctx) {
    const order = await ownOrder(ctx.openid, input.orderId);
    const allowances = lineAllowances(order.lines, await claimsOf(order));
    return {
      orderId: order._id,
      types: afterSaleTypesFor({ state: order.status, ...completedAtOf(order) }, ctx.now),
      lines: order.lines.map((l, i) => ({ lineIndex: i, skuId: l.skuId, title: l.title, specText: l.specText, coverUrl: l.coverUrl, quantity: l.quantity, maxQuantity: allowances[i].maxQuantity, maxFen: allowances[i].maxFen, busy: allowances[i].busy })),
      shippingFen: order.status === 'paid' ? order.shippingFen : 0,
    };
  },
};
