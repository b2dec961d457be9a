/**
 * The goods edit form as plain data: spec dimensions, the SKU rows they generate, and turning the
 * form into a `saveGoods` payload. Rows are generated like domain/catalog/sku-matrix.ts's
 * `expandSkus` (first dimension slowest; test/miniprogram/shop-goods-edit.spec.ts checks they
 * agree) and keyed by their spec values whatever the dimension order, as the server matches them,
 * so editing the specs keeps what was typed into rows that remain.
 */
import { GOODS_LIMITS, type GoodsInput, type ShopGoodsDetail, type SkuInput, DEFAULT_LOW_STOCK_THRESHOLD } from '../../../services/contracts';
import { formatYuan, parseYuanToFen } from '../../../services/format';
import { specNameProblem } from '../../../shared/sku-matrix';

export interface SpecDraft {
  name: string;
  values: string[];
  /** The value being typed. */
  input: string;
}

export interface SkuRow {
  key: string;
  specValues: Record<string, string>;
  specText: string;
  price: string;
  stock: string;
  code: string;
  threshold: string;
  /** The stock the server had when the form loaded; absent for new combinations. */
  baseStock?: number;
  /** Sold as a SKU; a combination switched off is not sent, and an existing SKU for it is removed. */
  enabled: boolean;
}

export interface GoodsForm {
  title: string;
  subtitle: string;
  images: string[];
  categoryId: string;
  categoryText: string;
  specs: SpecDraft[];
  rows: SkuRow[];
  onShelf: boolean;
}

export function comboKey(specValues: Record<string, string>): string {
  return Object.keys(specValues)
    .sort()
    .map((name) => `${name}:${specValues[name]}`)
    .join(';');
}

/** Dimensions that are complete enough to generate rows: named, with at least one value. */
export function usableSpecs(specs: SpecDraft[]): Array<{ name: string; values: string[] }> {
  return specs.filter((s) => s.name.trim() && s.values.length > 0).map((s) => ({ name: s.name.trim(), values: s.values }));
}

/** Every combination, first dimension slowest; one empty combination without dimensions. */
export function combinations(specs: Array<{ name: string; values: string[] }>): Array<Record<string, string>> {
  let combos: Array<Record<string, string>> = [{}];
  for (const spec of specs) combos = combos.flatMap((c) => spec.values.map((v) => ({ ...c, [spec.name]: v })));
  return combos;
}

function blankRow(specValues: Record<string, string>, specs: Array<{ name: string }>): SkuRow {
  return { key: comboKey(specValues), specValues, specText: specs.map((s) => specValues[s.name]).join(' / '), price: '', stock: '', code: '', threshold: String(DEFAULT_LOW_STOCK_THRESHOLD), enabled: true };
}

/**
 * The rows for the current specs, keeping what was entered in rows that remain. New combinations
 * are sold unless `newEnabled` is false (a loaded goods item that lacks some combinations).
 */
export function regenerateRows(specs: SpecDraft[], previous: SkuRow[], newEnabled = true): SkuRow[] {
  const usable = usableSpecs(specs);
  const byKey = new Map(previous.map((r) => [r.key, r]));
  return combinations(usable).map((specValues) => {
    const fresh = blankRow(specValues, usable);
    const old = byKey.get(fresh.key);
    return old ? { ...old, specValues, specText: fresh.specText } : { ...fresh, enabled: newEnabled };
  });
}

export function emptyForm(): GoodsForm {
  return { title: '', subtitle: '', images: [], categoryId: '', categoryText: '', specs: [], rows: regenerateRows([], []), onShelf: true };
}

export function formOf(d: ShopGoodsDetail): GoodsForm {
  const rows: SkuRow[] = d.skus.map((s) => ({
    key: comboKey(s.specValues),
    specValues: s.specValues,
    specText: s.specText,
    price: formatYuan(s.priceFen),
    stock: String(s.stock),
    code: s.code,
    threshold: String(s.lowStockThreshold),
    baseStock: s.stock,
    enabled: true,
  }));
  const specs = d.specs.map((s) => ({ name: s.name, values: [...s.values], input: '' }));
  return {
    title: d.title,
    subtitle: d.subtitle,
    images: [...d.images],
    categoryId: d.categoryId,
    categoryText: d.categoryNames.filter(Boolean).join(' / '),
    specs,
    // combinations the goods does not sell are shown switched off; existing ones keep their figures
    rows: regenerateRows(specs, rows, false),
    onShelf: d.status === 'on_shelf',
  };
}

/** Why a spec value cannot be added, or ''. */
export function specValueProblem(spec: SpecDraft, value: string): string {
  if (!value) return '请输入规格值';
  if (/[:;]/.test(value)) return '规格值不能包含 : 或 ;';
  if (value.length > GOODS_LIMITS.specValueMax) return `规格值最多${GOODS_LIMITS.specValueMax}个字`;
  if (spec.values.includes(value)) return '规格值重复';
  if (spec.values.length >= GOODS_LIMITS.specValuesMax) return `每个规格最多${GOODS_LIMITS.specValuesMax}个值`;
  return '';
}

const INT = /^\d{1,7}$/;

/** The payload, or the first problem to show. */
export function toGoodsInput(form: GoodsForm, shopId: string, goodsId: string): { input: GoodsInput } | { problem: string } {
  if (!form.title.trim()) return { problem: '请填写商品标题' };
  if (form.images.length === 0) return { problem: '请至少上传一张商品图片' };
  if (!form.categoryId) return { problem: '请选择商品分类' };
  const specs = form.specs.map((s) => ({ name: s.name.trim(), values: s.values }));
  if (specs.some((s) => !s.name)) return { problem: '请填写规格名称' };
  if (specs.some((s) => /[:;]/.test(s.name))) return { problem: '规格名称不能包含 : 或 ;' };
  const unusable = specs.map((s) => specNameProblem(s.name)).find((p) => p !== '');
  if (unusable) return { problem: unusable };
  if (new Set(specs.map((s) => s.name)).size !== specs.length) return { problem: '规格名称重复' };
  if (specs.some((s) => s.values.length === 0)) return { problem: `请为规格「${specs.find((s) => s.values.length === 0)!.name}」添加规格值` };
  const sold = form.rows.filter((r) => r.enabled);
  if (sold.length === 0) return { problem: '请至少保留一个在售的规格组合' };
  if (form.rows.length > GOODS_LIMITS.skusMax) return { problem: `规格组合最多${GOODS_LIMITS.skusMax}个` };
  const skus: SkuInput[] = [];
  for (const row of sold) {
    const label = row.specText || '商品';
    const priceFen = parseYuanToFen(row.price);
    if (priceFen === null || priceFen < 1) return { problem: `请填写「${label}」的价格` };
    if (priceFen > GOODS_LIMITS.priceMaxFen) return { problem: `「${label}」的价格过高` };
    if (!INT.test(row.stock.trim()) || Number(row.stock) > GOODS_LIMITS.stockMax) return { problem: `请填写「${label}」的库存（整数）` };
    if (!INT.test(row.threshold.trim()) || Number(row.threshold) > GOODS_LIMITS.thresholdMax) return { problem: `请填写「${label}」的预警库存（整数）` };
    const sku: SkuInput = { specValues: row.specValues, priceFen, stock: Number(row.stock), code: row.code.trim().slice(0, GOODS_LIMITS.codeMax), lowStockThreshold: Number(row.threshold) };
    if (row.baseStock !== undefined) sku.baseStock = row.baseStock;
    skus.push(sku);
  }
  const input: GoodsInput = { shopId, title: form.title.trim(), subtitle: form.subtitle.trim(), images: form.images, categoryId: form.categoryId, specs, skus };
  if (goodsId) input.goodsId = goodsId;
  else input.onShelf = form.onShelf;
  return { input };
}
