/** Platform admins read and set the commission rates (basis points; the page shows percentages). */
import type { CommissionRatesView, SetCommissionInput } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { empty, id, obj } from '../../../server/input';
import { COMMISSION_RATES_ID, DEFAULT_COMMISSION_BPS } from '../../../server/ledger/commission-rates';
import type { CommissionRatesDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

const bps = { type: 'integer', minimum: 0, maximum: 10_000 };

async function view(doc: CommissionRatesDoc | null): Promise<CommissionRatesView> {
  if (!doc) return { defaultBps: DEFAULT_COMMISSION_BPS, categories: [], configured: false };
  const names = await repo.getMany('categories', doc.categories.map((c) => c.categoryId));
  return {
    defaultBps: doc.defaultBps,
    categories: doc.categories.map((c) => ({ ...c, ...(names.get(c.categoryId) ? { categoryName: names.get(c.categoryId)!.name } : {}) })),
    configured: true,
    updatedAt: new Date(doc.updatedAt).getTime(),
  };
}

export const getCommission: ActionDef<Record<string, never>, CommissionRatesView> = {
  input: empty,
  async run(_input, ctx) {
    await requirePlatformAdmin(ctx);
    return view(await repo.get('commission_rates', COMMISSION_RATES_ID));
  },
};

/**
 * Replaces the rates. Category ids must be unique and name existing categories
 * (INVALID_ARGUMENT with `details.duplicates` / `details.unknownCategoryIds`). Orders already paid
 * keep the rates frozen on their lines.
 */
export const setCommission: ActionDef<SetCommissionInput, CommissionRatesView> = {
  input: obj({ defaultBps: bps, categories: { type: 'array', maxItems: 200, items: obj({ categoryId: id, bps }, ['categoryId', 'bps']) } }, ['defaultBps', 'categories']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const ids = input.categories.map((c) => c.categoryId);
    const duplicates = ids.filter((c, i) => ids.indexOf(c) !== i);
    if (duplicates.length) fail('INVALID_ARGUMENT', '分类重复', { duplicates: [...new Set(duplicates)] });
    const known = await repo.getMany('categories', ids);
    const unknownCategoryIds = ids.filter((c) => !known.has(c));
    if (unknownCategoryIds.length) fail('INVALID_ARGUMENT', '分类不存在', { unknownCategoryIds });
    const doc: CommissionRatesDoc = { _id: COMMISSION_RATES_ID, defaultBps: input.defaultBps, categories: input.categories.map((c) => ({ categoryId: c.categoryId, bps: c.bps })), updatedAt: new Date(ctx.now), updatedBy: ctx.openid };
    await repo.set('commission_rates', doc);
    return view(doc);
  },
};
