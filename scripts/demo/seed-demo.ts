/**
 * Loads the demo platform into a (local) env through the real wx-server-sdk: images into cloud
 * storage, then categories, shops, goods with SKUs, banners and coupon templates, every document
 * validated against database/schema. Idempotent: an env that already has the demo shops keeps its
 * catalog as it is.
 *
 * Roles come next, on every run, each written only when missing (so a later change, such as a shop
 * the merchant opened in the app, is kept): `dev-merchant-<n>` owns the n-th demo shop,
 * `dev-admin-1` is a platform admin (no environment variable needed locally), and `dev-shopper-2`
 * has a pending shop application for the admin pages to show.
 */
import { stableId } from '../../server/ids';
import type { BannerDoc, CategoryDoc, CouponTemplateDoc, GoodsDoc, RolesDoc, ShopApplicationDoc, ShopDoc, SkuDoc } from '../../server/model';
import type { CollectionName } from '../../server/schemas';
import { validateDocument } from '../../server/validation';
import { BANNERS, CATEGORIES, type DemoGoods, GOODS, SHOPS } from './catalog-data';
import { bannerSvg, goodsSvg, iconSvg, licenseSvg, logoSvg } from './images';

export interface SeedSummary {
  skipped: boolean;
  shops: number;
  categories: number;
  goods: number;
  skus: number;
  coupons: number;
  banners: number;
  images: number;
  /** Roles documents and shop applications written by this run (0 once they exist). */
  roles: number;
  applications: number;
}

/** The dev identity owning the n-th demo shop (0-based): `dev-merchant-1` owns the first. */
export function demoOwnerOf(index: number): string {
  return `dev-merchant-${index + 1}`;
}

export const DEMO_ADMIN = 'dev-admin-1';
export const DEMO_APPLICANT = 'dev-shopper-2';

/** Epoch for demo documents: fixed, so reloads are reproducible. */
const T0 = new Date('2026-06-01T00:00:00+08:00');
const FAR = new Date('2030-12-31T23:59:59+08:00');

export function goodsId(i: number): string {
  return `goods-${String(i + 1).padStart(3, '0')}`;
}

/** Cartesian product of spec values, in order. */
function combinations(specs: DemoGoods['specs']): Array<Record<string, string>> {
  let acc: Array<Record<string, string>> = [{}];
  for (const dim of specs) acc = acc.flatMap((partial) => dim.values.map((v) => ({ ...partial, [dim.name]: v })));
  return acc;
}

/** A small deterministic pseudo-random number from a string (stock levels vary but reproducibly). */
function hashInt(s: string, mod: number): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return Math.abs(h) % mod;
}

export function buildGoods(g: DemoGoods, i: number, coverUrl: string): { goods: GoodsDoc; skus: SkuDoc[] } {
  const id = goodsId(i);
  const parent = CATEGORIES.find((c) => c.children.some((ch) => ch.id === g.category));
  if (!parent) throw new Error(`demo goods ${g.title}: unknown category ${g.category}`);
  const firstDim = g.specs[0];
  const skus: SkuDoc[] = combinations(g.specs).map((specValues, k) => {
    const level = firstDim ? firstDim.values.indexOf(specValues[firstDim.name]) : 0;
    const priceFen = g.priceFen + (g.step ?? 0) * level;
    const sku: SkuDoc = {
      _id: `${id}-${k + 1}`,
      goodsId: id,
      shopId: g.shopId,
      specValues,
      specText: Object.values(specValues).join(' / '),
      priceFen,
      stock: g.stock ?? 20 + hashInt(`${id}-${k}`, 180),
      sales: Math.round(g.sales / (k + 2)),
      code: `${id.toUpperCase()}-${k + 1}`,
      lowStockThreshold: 10,
      createdAt: T0,
      updatedAt: T0,
    };
    if (g.markup) sku.originalPriceFen = Math.round((priceFen * g.markup) / 100) * 100;
    return sku;
  });
  const cheapest = skus.reduce((a, b) => (b.priceFen < a.priceFen ? b : a));
  const goods: GoodsDoc = {
    _id: id,
    shopId: g.shopId,
    title: g.title,
    subtitle: g.subtitle,
    categoryIds: [parent.id, g.category],
    coverUrl,
    images: [coverUrl],
    detailImages: [coverUrl],
    specs: g.specs,
    priceFen: cheapest.priceFen,
    sales: g.sales,
    stock: skus.reduce((a, s) => a + s.stock, 0),
    status: 'on_shelf',
    recommended: g.recommended === true,
    keywords: g.keywords ?? [],
    createdAt: new Date(T0.getTime() + i * 3600_000),
    updatedAt: T0,
  };
  if (cheapest.originalPriceFen) goods.originalPriceFen = cheapest.originalPriceFen;
  return { goods, skus };
}

export function couponTemplates(): CouponTemplateDoc[] {
  const base = { claimWindow: { startAt: T0, endAt: FAR }, claimedCount: 0, usedCount: 0, status: 'active' as const, createdAt: T0, updatedAt: T0 };
  return [
    { ...base, _id: 'tpl-new-user', title: '新人无门槛5元券', issuer: { type: 'platform' }, kind: 'fixed', amountFen: 500, scope: { type: 'all' }, validity: { type: 'relative', days: 7 }, totalQuantity: 100000, perUserLimit: 1 },
    { ...base, _id: 'tpl-100-20', title: '满100减20', issuer: { type: 'platform' }, kind: 'threshold', amountFen: 2000, thresholdFen: 10000, scope: { type: 'all' }, validity: { type: 'relative', days: 30 }, totalQuantity: 10000, perUserLimit: 2 },
    { ...base, _id: 'tpl-digital-90', title: '数码配件9折', issuer: { type: 'platform' }, kind: 'percent', percent: 90, maxDiscountFen: 5000, thresholdFen: 5000, scope: { type: 'categories', categoryIds: ['cat-digital'] }, validity: { type: 'fixed', startAt: T0, endAt: FAR }, totalQuantity: 5000, perUserLimit: 1 },
    { ...base, _id: 'tpl-flash-200-50', title: '限量50张 满200减50', issuer: { type: 'platform' }, kind: 'threshold', amountFen: 5000, thresholdFen: 20000, scope: { type: 'all' }, validity: { type: 'relative', days: 3 }, totalQuantity: 50, perUserLimit: 1 },
    { ...base, _id: 'tpl-fresh-50-8', title: '鲜果铺满50减8', issuer: { type: 'shop', shopId: 'shop-fresh' }, kind: 'threshold', amountFen: 800, thresholdFen: 5000, scope: { type: 'all' }, validity: { type: 'relative', days: 14 }, totalQuantity: 2000, perUserLimit: 3 },
    { ...base, _id: 'tpl-digital-300-30', title: '数码小站满300减30', issuer: { type: 'shop', shopId: 'shop-digital' }, kind: 'threshold', amountFen: 3000, thresholdFen: 30000, scope: { type: 'all' }, validity: { type: 'relative', days: 14 }, totalQuantity: 1000, perUserLimit: 1 },
    { ...base, _id: 'tpl-style-95', title: '弄堂衣橱95折', issuer: { type: 'shop', shopId: 'shop-style' }, kind: 'percent', percent: 95, scope: { type: 'all' }, validity: { type: 'relative', days: 14 }, totalQuantity: 1000, perUserLimit: 1 },
  ];
}

interface SeedDeps {
  db: any;
  cloud: any;
  log?: (msg: string) => void;
}

async function upload(cloud: any, cloudPath: string, svg: string): Promise<string> {
  const res = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(svg, 'utf8') });
  return res.fileID as string;
}

async function insertAll(db: any, coll: CollectionName, docs: Array<{ _id: string }>): Promise<void> {
  for (const d of docs) validateDocument(coll, d as unknown as Record<string, unknown>);
  for (let i = 0; i < docs.length; i += 100) await db.collection(coll).add({ data: docs.slice(i, i + 100) });
}

export function demoRoles(): RolesDoc[] {
  return [
    ...SHOPS.map((s, i): RolesDoc => ({ _id: demoOwnerOf(i), platformAdmin: false, shops: [{ shopId: s.id, role: 'owner' }], updatedAt: T0 })),
    { _id: DEMO_ADMIN, platformAdmin: true, shops: [], updatedAt: T0 },
  ];
}

async function exists(db: any, coll: CollectionName, query: Record<string, unknown>): Promise<boolean> {
  return (await db.collection(coll).where(query).count()).total > 0;
}

/** Roles and the demo application, each only when missing; answers how many documents it wrote. */
async function seedPeople(db: any, cloud: any, log: (msg: string) => void): Promise<{ roles: number; applications: number; images: number }> {
  let roles = 0;
  for (const doc of demoRoles()) {
    if (await exists(db, 'roles', { _id: doc._id })) continue;
    validateDocument('roles', doc as unknown as Record<string, unknown>);
    const { _id, ...rest } = doc;
    await db.collection('roles').doc(_id).set({ data: rest });
    roles++;
  }
  // any application of the demo applicant (one made in the app too) means there is nothing to add
  if (await exists(db, 'shop_applications', { openid: DEMO_APPLICANT })) return { roles, applications: 0, images: 0 };
  const shopName = '巷口咖啡馆';
  // private, in the applicant's own folder, as the apply page uploads it (server/private-files.ts)
  const licenseFileId = await upload(cloud, `private/licence/${DEMO_APPLICANT}/xiangkou-coffee.svg`, licenseSvg(shopName, '陈静'));
  const application: ShopApplicationDoc = {
    // the id the merchant function gives a first application, so applying again in the app is refused as a duplicate
    _id: stableId('shop_application', DEMO_APPLICANT, '0'),
    openid: DEMO_APPLICANT,
    shopName,
    contactName: '陈静',
    phone: '13812345678',
    licenseFileId,
    status: 'pending',
    createdAt: new Date(T0.getTime() + 86400_000),
    updatedAt: new Date(T0.getTime() + 86400_000),
  };
  await insertAll(db, 'shop_applications', [application]);
  log(`roles: ${roles}, pending application by ${DEMO_APPLICANT}`);
  return { roles, applications: 1, images: 1 };
}

export async function seedDemo({ db, cloud, log = () => undefined }: SeedDeps): Promise<SeedSummary> {
  const existing = await db.collection('shops').where({ _id: SHOPS[0].id }).count();
  if (existing.total > 0) {
    const people = await seedPeople(db, cloud, log);
    return { skipped: true, shops: 0, categories: 0, goods: 0, skus: 0, coupons: 0, banners: 0, images: people.images, roles: people.roles, applications: people.applications };
  }
  let images = 0;

  const categories: CategoryDoc[] = [];
  for (const [i, c] of CATEGORIES.entries()) {
    const iconUrl = await upload(cloud, `demo/categories/${c.id}.svg`, iconSvg(c.name, c.color));
    images++;
    categories.push({ _id: c.id, name: c.name, parentId: null, level: 1, sort: i, iconUrl, status: 'active', path: [c.id] });
    for (const [j, ch] of c.children.entries()) {
      const childIcon = await upload(cloud, `demo/categories/${ch.id}.svg`, iconSvg(ch.name, c.color));
      images++;
      categories.push({ _id: ch.id, name: ch.name, parentId: c.id, level: 2, sort: j, iconUrl: childIcon, status: 'active', path: [c.id, ch.id] });
    }
  }
  log(`categories: ${categories.length}`);

  const shops: ShopDoc[] = [];
  for (const [i, s] of SHOPS.entries()) {
    const logoUrl = await upload(cloud, `demo/shops/${s.id}.svg`, logoSvg(s.name, s.color));
    images++;
    shops.push({ _id: s.id, name: s.name, logoUrl, description: s.description, ownerOpenid: demoOwnerOf(i), status: 'active', shipping: { feeFen: s.feeFen, freeThresholdFen: s.freeThresholdFen }, createdAt: T0, updatedAt: T0 });
  }

  const goods: GoodsDoc[] = [];
  const skus: SkuDoc[] = [];
  for (const [i, g] of GOODS.entries()) {
    const color = SHOPS.find((s) => s.id === g.shopId)!.color;
    const cover = await upload(cloud, `demo/goods/${goodsId(i)}.svg`, goodsSvg(g.title, g.subtitle, color, i));
    images++;
    const built = buildGoods(g, i, cover);
    goods.push(built.goods);
    skus.push(...built.skus);
  }
  log(`goods: ${goods.length}, skus: ${skus.length}`);

  const banners: BannerDoc[] = [];
  for (const [i, b] of BANNERS.entries()) {
    const imageUrl = await upload(cloud, `demo/banners/${b.id}.svg`, bannerSvg(b.title, b.color));
    images++;
    banners.push({ _id: b.id, title: b.title, imageUrl, link: b.link, sort: i, status: 'active', createdAt: T0, updatedAt: T0 });
  }

  const coupons = couponTemplates();
  await insertAll(db, 'categories', categories);
  await insertAll(db, 'goods', goods);
  await insertAll(db, 'skus', skus);
  await insertAll(db, 'banners', banners);
  await insertAll(db, 'coupon_templates', coupons);
  // shops last: their presence marks the demo as loaded
  await insertAll(db, 'shops', shops);
  const people = await seedPeople(db, cloud, log);
  return { skipped: false, shops: shops.length, categories: categories.length, goods: goods.length, skus: skus.length, coupons: coupons.length, banners: banners.length, images: images + people.images, roles: people.roles, applications: people.applications };
}
