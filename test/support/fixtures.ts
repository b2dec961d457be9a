/**
 * Builders for test data, written through the real SDK and validated against database/schema
 * exactly like the functions' own writes. Ids are caller-chosen so tests read clearly.
 */
import type { CategoryDoc, CouponTemplateDoc, GoodsDoc, ShopDoc, SkuDoc, BannerDoc } from '../../server/model';
import { validateDocument } from '../../server/validation';
import type { CollectionName } from '../../server/schemas';

const T0 = new Date('2026-01-01T00:00:00Z');

async function put(db: any, coll: CollectionName, doc: { _id: string }): Promise<void> {
  validateDocument(coll, doc as unknown as Record<string, unknown>);
  await db.collection(coll).add({ data: doc });
}

export async function seedShop(db: any, over: Partial<ShopDoc> & { _id: string }): Promise<ShopDoc> {
  const doc: ShopDoc = { name: `店铺${over._id}`, logoUrl: '', description: '', ownerOpenid: `owner-${over._id}`, status: 'active', shipping: { feeFen: 800, freeThresholdFen: 9900 }, createdAt: T0, updatedAt: T0, ...over };
  await put(db, 'shops', doc);
  return doc;
}

export async function seedCategory(db: any, over: Partial<CategoryDoc> & { _id: string }): Promise<CategoryDoc> {
  const parentId = over.parentId ?? null;
  const doc: CategoryDoc = { name: `分类${over._id}`, parentId, level: parentId ? 2 : 1, sort: 0, iconUrl: '', status: 'active', path: parentId ? [parentId, over._id] : [over._id], ...over };
  await put(db, 'categories', doc);
  return doc;
}

export interface SkuSeed {
  _id: string;
  priceFen: number;
  stock: number;
  specValues?: Record<string, string>;
  originalPriceFen?: number;
}

/** A goods item and its SKUs; goods.priceFen/stock are derived from the SKUs as the functions keep them. */
export async function seedGoods(db: any, over: Partial<GoodsDoc> & { _id: string; shopId: string }, skus: SkuSeed[]): Promise<{ goods: GoodsDoc; skus: SkuDoc[] }> {
  const specNames = [...new Set(skus.flatMap((s) => Object.keys(s.specValues ?? {})))];
  const specs = specNames.map((name) => ({ name, values: [...new Set(skus.map((s) => s.specValues?.[name]).filter((v): v is string => !!v))] }));
  const goods: GoodsDoc = {
    title: `商品${over._id}`,
    subtitle: '',
    categoryIds: ['c1'],
    coverUrl: `https://example.invalid/${over._id}.png`,
    images: [`https://example.invalid/${over._id}.png`],
    detailImages: [],
    specs,
    priceFen: Math.min(...skus.map((s) => s.priceFen)),
    sales: 0,
    stock: skus.reduce((a, s) => a + s.stock, 0),
    status: 'on_shelf',
    recommended: false,
    keywords: [],
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
  await put(db, 'goods', goods);
  const skuDocs: SkuDoc[] = [];
  for (const s of skus) {
    const specValues = s.specValues ?? {};
    const sku: SkuDoc = { _id: s._id, goodsId: goods._id, shopId: goods.shopId, specValues, specText: Object.values(specValues).join(' / '), priceFen: s.priceFen, stock: s.stock, sales: 0, createdAt: T0, updatedAt: T0, ...(s.originalPriceFen ? { originalPriceFen: s.originalPriceFen } : {}) };
    await put(db, 'skus', sku);
    skuDocs.push(sku);
  }
  return { goods, skus: skuDocs };
}

export async function seedCouponTemplate(db: any, over: Partial<CouponTemplateDoc> & { _id: string }): Promise<CouponTemplateDoc> {
  const doc: CouponTemplateDoc = {
    title: '满100减20',
    issuer: { type: 'platform' },
    kind: 'threshold',
    amountFen: 2000,
    thresholdFen: 10000,
    scope: { type: 'all' },
    validity: { type: 'relative', days: 30 },
    claimWindow: { startAt: T0, endAt: new Date('2030-01-01T00:00:00Z') },
    totalQuantity: 1000,
    perUserLimit: 1,
    claimedCount: 0,
    usedCount: 0,
    status: 'active',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
  await put(db, 'coupon_templates', doc);
  return doc;
}

export async function seedBanner(db: any, over: Partial<BannerDoc> & { _id: string }): Promise<BannerDoc> {
  const doc: BannerDoc = { title: `横幅${over._id}`, imageUrl: `https://example.invalid/${over._id}.png`, link: { type: 'none' }, sort: 0, status: 'active', createdAt: T0, updatedAt: T0, ...over };
  await put(db, 'banners', doc);
  return doc;
}

/** Reads one document straight from the database (null when missing). */
export async function read<T = any>(db: any, coll: CollectionName, id: string): Promise<T | null> {
  const res = await db.collection(coll).where({ _id: id }).limit(1).get();
  return (res.data[0] as T) ?? null;
}

/** A valid shipping address input. */
export const ADDRESS = { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道100号' };
