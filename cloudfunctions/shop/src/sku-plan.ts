/**
 * Plans how a saved goods form changes the SKUs, before anything is written:
 * - a SKU is recognised by its spec values (whatever the order of the dimensions), so an unchanged
 *   combination keeps its id, which carts and orders refer to;
 * - combinations no longer sent are removed (carts then show them as gone and checkout refuses
 *   them; orders keep their own copy of title, spec text and price);
 * - stock is changed by a difference: `stock - baseStock`, where `baseStock` is what the form
 *   showed, so pieces sold while the form was open stay sold. A decrease larger than the live
 *   stock (sold meanwhile) is refused with CONFLICT and the live figure.
 */
import type { SkuInput, SpecDimension } from '../../../miniprogram/contracts';
import { expandSkus, fieldNameProblem, specProblems } from '../../../domain/catalog/sku-matrix';
import { fail } from '../../../server/failure';
import type { SkuDoc } from '../../../server/model';

/** The same key for the same spec values, whatever order the dimensions come in. */
export function comboKey(specValues: Record<string, string>): string {
  return Object.keys(specValues)
    .sort()
    .map((name) => `${name}:${specValues[name]}`)
    .join(';');
}

export interface SkuPlan {
  create: Array<{ key: string; input: SkuInput }>;
  update: Array<{ sku: SkuDoc; input: SkuInput; delta: number }>;
  remove: SkuDoc[];
}

/** Checks the specs and the SKU rows against each other; throws INVALID_ARGUMENT. */
export function checkMatrix(specs: SpecDimension[], inputs: SkuInput[]): void {
  const problems = specProblems(specs);
  // a spec name becomes a field name of every SKU's specValues: say plainly which names cannot
  const unusable = specs.find((s) => typeof s.name === 'string' && fieldNameProblem(s.name.trim()) !== null);
  if (unusable) fail('INVALID_ARGUMENT', `规格名称「${unusable.name}」不能使用：不能是 __proto__、constructor、prototype 等保留名，不能含「.」，也不能以「$」开头`, { problems });
  if (problems.length > 0) fail('INVALID_ARGUMENT', '规格设置有误', { problems });
  const combos = new Set(expandSkus(specs).map((c) => comboKey(c.specValues)));
  const seen = new Set<string>();
  const names = specs.map((s) => s.name).sort().join(';');
  for (const input of inputs) {
    const key = comboKey(input.specValues);
    if (Object.keys(input.specValues).sort().join(';') !== names || !combos.has(key)) fail('INVALID_ARGUMENT', '规格组合与规格设置不符', { specValues: input.specValues });
    if (seen.has(key)) fail('INVALID_ARGUMENT', '规格组合重复', { specValues: input.specValues });
    seen.add(key);
  }
}

/** Matches the rows to the existing SKUs. Throws CONFLICT when the form is out of date. */
export function planSkus(inputs: SkuInput[], existing: SkuDoc[]): SkuPlan {
  const byKey = new Map(existing.map((s) => [comboKey(s.specValues), s]));
  const plan: SkuPlan = { create: [], update: [], remove: [] };
  const kept = new Set<string>();
  for (const input of inputs) {
    const key = comboKey(input.specValues);
    const sku = byKey.get(key);
    if (!sku) {
      plan.create.push({ key, input });
      continue;
    }
    kept.add(sku._id);
    const base = input.baseStock;
    if (base === undefined) return fail('CONFLICT', '该规格已被他人添加，请刷新后再编辑', { skuId: sku._id, stock: sku.stock });
    const delta = input.stock - base;
    if (sku.stock + delta < 0) fail('CONFLICT', `规格「${sku.specText || '默认'}」的库存已变为${sku.stock}，请刷新后再改`, { skuId: sku._id, stock: sku.stock });
    plan.update.push({ sku, input, delta });
  }
  plan.remove = existing.filter((s) => !kept.has(s._id));
  return plan;
}
