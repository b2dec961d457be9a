/**
 * Creating and editing a goods item with its SKU matrix. Everything the form sent is checked
 * before the first write (category, specs, rows, stock changes against live stock; see
 * sku-plan.ts), then SKUs are written one conditional update each, and the goods last:
 * - new combinations get the id `stableId('sku', goodsId, key)`, so two saves racing to add the
 *   same combination cannot both succeed (the second gets CONFLICT);
 * - a stock change is `_.inc(delta)` on the SKU, with `stock >= -delta` for a decrease, so it never
 *   overwrites what checkout took meanwhile and never goes below 0; goods.stock follows by the same
 *   delta, exactly as checkout moves it;
 * - a removed SKU is deleted only while its stock is what was read, and goods.stock loses that;
 * - goods.priceFen is then set to the lowest price among the SKUs left.
 * Should a conditional write still lose a race after the checks, the save stops with CONFLICT;
 * what was written stays consistent (each SKU with its goods.stock delta) and the form reloads.
 */
import { GOODS_LIMITS as L, type GoodsInput, type ShopGoodsDetail, type SkuInput } from '../../../miniprogram/contracts';
import { specText } from '../../../domain/catalog/sku-matrix';
import { _ } from '../../../server/cloud';
import { isDuplicateKey } from '../../../server/db-errors';
import { fail } from '../../../server/failure';
import type { ActionDef, CallContext } from '../../../server/handler';
import { newId, stableId } from '../../../server/ids';
import { id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { CategoryDoc, GoodsDoc, SkuDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { canWrite, ownGoods } from './access';
import { loadDetail, MAX_SKUS_READ } from './goods';
import { checkMatrix, planSkus, type SkuPlan } from './sku-plan';
import { thresholdOf } from './views';

const text = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max, ...(min ? { pattern: '\\S' } : {}) });
const image = { type: 'string', maxLength: 512, pattern: '^(cloud|https?)://\\S+$' };
const int = (min: number, max: number) => ({ type: 'integer', minimum: min, maximum: max });
const specValue = { type: 'string', minLength: 1, maxLength: L.specValueMax };

const skuInput = obj(
  {
    specValues: { type: 'object', maxProperties: L.specsMax, additionalProperties: specValue },
    priceFen: int(1, L.priceMaxFen),
    stock: int(0, L.stockMax),
    baseStock: int(0, L.stockMax),
    code: { type: 'string', maxLength: L.codeMax },
    lowStockThreshold: int(0, L.thresholdMax),
  },
  ['specValues', 'priceFen', 'stock'],
);

const input = obj(
  {
    shopId: id,
    goodsId: id,
    title: text(L.titleMax, 1),
    subtitle: text(L.subtitleMax),
    images: { type: 'array', items: image, minItems: 1, maxItems: L.imagesMax },
    categoryId: id,
    specs: {
      type: 'array',
      maxItems: L.specsMax,
      items: obj({ name: { type: 'string', minLength: 1, maxLength: L.specNameMax }, values: { type: 'array', items: specValue, minItems: 1, maxItems: L.specValuesMax } }, ['name', 'values']),
    },
    skus: { type: 'array', items: skuInput, minItems: 1, maxItems: L.skusMax },
    onShelf: { type: 'boolean' },
  },
  ['shopId', 'title', 'images', 'categoryId', 'specs', 'skus'],
);

/** The category's path (root first) when it and every ancestor are active. */
async function categoryPath(categoryId: string): Promise<string[]> {
  const category = await repo.get('categories', categoryId);
  if (!category || category.status !== 'active') return fail('INVALID_ARGUMENT', '请选择有效的商品分类', { categoryId });
  const ancestors = await repo.getMany('categories', category.path);
  const hidden = category.path.some((cid) => (ancestors.get(cid) as CategoryDoc | undefined)?.status !== 'active');
  if (hidden) fail('INVALID_ARGUMENT', '该分类已停用，请重新选择', { categoryId });
  return category.path;
}

function skuFields(goods: Pick<GoodsDoc, 'specs'>, s: SkuInput, now: Date) {
  return { specValues: s.specValues, specText: specText(s.specValues, goods.specs), priceFen: s.priceFen, code: (s.code ?? '').trim(), lowStockThreshold: thresholdOf(s), updatedAt: now };
}

async function createSku(goods: GoodsDoc, key: string, s: SkuInput, now: Date): Promise<void> {
  const sku: SkuDoc = { _id: stableId('sku', goods._id, key), goodsId: goods._id, shopId: goods.shopId, stock: s.stock, sales: 0, createdAt: now, ...skuFields(goods, s, now) };
  try {
    await repo.insert('skus', sku);
  } catch (e) {
    if (isDuplicateKey(e)) fail('CONFLICT', '规格已被他人修改，请刷新后重试', { skuId: sku._id });
    throw e;
  }
  if (s.stock !== 0) await repo.update('goods', goods._id, { stock: _.inc(s.stock) });
}

async function updateSku(goods: GoodsDoc, sku: SkuDoc, s: SkuInput, delta: number, now: Date): Promise<void> {
  const patch: Record<string, unknown> = skuFields(goods, s, now);
  if (delta !== 0) patch.stock = _.inc(delta);
  const condition = delta < 0 ? { goodsId: goods._id, stock: _.gte(-delta) } : { goodsId: goods._id };
  if (!(await repo.update('skus', sku._id, patch, condition))) {
    const live = await repo.get('skus', sku._id);
    fail('CONFLICT', `规格「${sku.specText || '默认'}」的库存刚刚变化，请刷新后再改`, { skuId: sku._id, stock: live?.stock ?? 0 });
  }
  if (delta !== 0) await repo.update('goods', goods._id, { stock: _.inc(delta) });
}

async function removeSku(goodsId: string, sku: SkuDoc): Promise<void> {
  let seen: SkuDoc | null = sku;
  for (let attempt = 0; seen && attempt < 5; attempt++) {
    if ((await repo.remove('skus', { _id: seen._id, goodsId, stock: seen.stock })) === 1) {
      if (seen.stock !== 0) await repo.update('goods', goodsId, { stock: _.inc(-seen.stock) });
      return;
    }
    seen = await repo.get('skus', sku._id); // sold meanwhile: try again with the live stock
  }
  if (seen) fail('CONFLICT', '规格正在被购买，请稍后重试', { skuId: sku._id });
}

async function applyPlan(goods: GoodsDoc, plan: SkuPlan, now: Date): Promise<void> {
  for (const c of plan.create) await createSku(goods, c.key, c.input, now);
  for (const u of plan.update) await updateSku(goods, u.sku, u.input, u.delta, now);
  for (const r of plan.remove) await removeSku(goods._id, r);
}

/** goods.priceFen follows the cheapest SKU left. */
async function refreshPrice(goodsId: string): Promise<void> {
  const skus = await repo.find('skus', { goodsId }, { fields: { priceFen: true }, limit: MAX_SKUS_READ });
  if (skus.length > 0) await repo.update('goods', goodsId, { priceFen: Math.min(...skus.map((s) => s.priceFen)) });
}

function goodsFields(input: GoodsInput, categoryIds: string[], now: Date) {
  return { title: input.title.trim(), subtitle: (input.subtitle ?? '').trim(), images: input.images, coverUrl: input.images[0], categoryIds, specs: input.specs, updatedAt: now };
}

async function create(input: GoodsInput, categoryIds: string[], ctx: CallContext): Promise<string> {
  const now = new Date(ctx.now);
  for (const s of input.skus) if (s.baseStock !== undefined) fail('CONFLICT', '该商品已被删除，请刷新', {});
  const goods: GoodsDoc = {
    _id: newId(),
    shopId: input.shopId,
    ...goodsFields(input, categoryIds, now),
    priceFen: Math.min(...input.skus.map((s) => s.priceFen)),
    sales: 0,
    stock: 0,
    status: input.onShelf ? 'on_shelf' : 'off_shelf',
    createdAt: now,
  };
  // SKUs first would leave orphans on a crash; the goods first, off the shelf until its SKUs exist.
  await repo.insert('goods', { ...goods, status: 'off_shelf' });
  await applyPlan(goods, planSkus(input.skus, []), now);
  if (goods.status === 'on_shelf') await repo.update('goods', goods._id, { status: 'on_shelf' });
  logEvent('goods_created', { shopId: goods.shopId, goodsId: goods._id, by: ctx.openid });
  return goods._id;
}

async function edit(input: GoodsInput & { goodsId: string }, categoryIds: string[], ctx: CallContext): Promise<void> {
  const now = new Date(ctx.now);
  const before = await ownGoods(input.shopId, input.goodsId);
  const existing = await repo.find('skus', { goodsId: before._id }, { limit: MAX_SKUS_READ });
  const plan = planSkus(input.skus, existing);
  const goods: GoodsDoc = { ...before, ...goodsFields(input, categoryIds, now) };
  try {
    await applyPlan(goods, plan, now);
    await repo.update('goods', goods._id, goodsFields(input, categoryIds, now), { shopId: input.shopId });
  } finally {
    await refreshPrice(goods._id);
  }
  logEvent('goods_updated', { shopId: goods.shopId, goodsId: goods._id, by: ctx.openid, created: plan.create.length, removed: plan.remove.length });
}

/** Creates (no `goodsId`) or edits a goods item of the shop; answers it as the edit form shows it. */
export const saveGoods: ActionDef<GoodsInput, ShopGoodsDetail> = {
  input,
  async run(input, ctx) {
    await canWrite(ctx, input.shopId);
    if (input.goodsId) await ownGoods(input.shopId, input.goodsId);
    const categoryIds = await categoryPath(input.categoryId);
    checkMatrix(input.specs, input.skus);
    const goodsId = input.goodsId ? (await edit({ ...input, goodsId: input.goodsId }, categoryIds, ctx), input.goodsId) : await create(input, categoryIds, ctx);
    if (!input.goodsId) await refreshPrice(goodsId);
    return loadDetail(input.shopId, goodsId);
  },
};
