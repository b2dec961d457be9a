/**
 * Which spec values a shopper can still pick on a goods detail page. A value is available when some
 * SKU in stock has it together with the values already picked in the other dimensions; picking only
 * available values therefore always leaves at least one SKU in stock that matches everything picked.
 *
 * The rule is domain/catalog/sku-matrix.ts's (`availableValues`, `findSku`); the mini-program keeps
 * this copy because DevTools compiles only files under miniprogram/, and
 * test/miniprogram/sku-matrix.spec.ts checks that both agree on every partial selection.
 */
import type { SpecDimension } from '../contracts';

/** Names an object does not keep as its own data: every member of Object.prototype, and `prototype`. */
const OBJECT_MEMBER_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Why a spec name cannot be used, in the words the edit form shows, or ''. A spec name becomes a
 * field name of every SKU's spec values, so the server refuses the names domain/catalog/sku-matrix.ts's
 * `fieldNameProblem` names (test/miniprogram/sku-matrix.spec.ts checks both agree).
 */
export function specNameProblem(name: string): string {
  if (OBJECT_MEMBER_NAMES.has(name)) return `规格名称「${name}」是保留名，请换一个`;
  if (name.includes('.')) return '规格名称不能包含 .';
  if (name.startsWith('$')) return '规格名称不能以 $ 开头';
  return '';
}

/** What the matrix needs of a SKU. */
export interface SkuStock {
  specValues: Record<string, string>;
  stock: number;
}

/** Picked value per dimension name; a dimension not yet picked is absent. */
export type SpecSelection = Record<string, string>;

export interface SpecValueState {
  value: string;
  selected: boolean;
  /** No SKU in stock has this value together with the other picks. */
  disabled: boolean;
}

export interface SpecDimensionState {
  name: string;
  values: SpecValueState[];
}

function matches(sku: SkuStock, selection: SpecSelection, ignore?: string): boolean {
  return Object.entries(selection).every(([name, value]) => name === ignore || sku.specValues[name] === value);
}

/** Every dimension with each value's state under the current selection. */
export function specStates(specs: SpecDimension[], skus: SkuStock[], selection: SpecSelection): SpecDimensionState[] {
  const inStock = skus.filter((sku) => sku.stock > 0);
  return specs.map((spec) => ({
    name: spec.name,
    values: spec.values.map((value) => ({
      value,
      selected: selection[spec.name] === value,
      disabled: !inStock.some((sku) => sku.specValues[spec.name] === value && matches(sku, selection, spec.name)),
    })),
  }));
}

/** The SKU the selection names once every dimension is picked, else null. */
export function selectedSku<S extends SkuStock>(specs: SpecDimension[], skus: S[], selection: SpecSelection): S | null {
  if (specs.some((spec) => selection[spec.name] === undefined)) return null;
  return skus.find((sku) => matches(sku, selection)) ?? null;
}

/** Picks `value` in `dimension`, or clears it when it was picked already. */
export function toggleSpec(selection: SpecSelection, dimension: string, value: string): SpecSelection {
  const next = { ...selection };
  if (next[dimension] === value) delete next[dimension];
  else next[dimension] = value;
  return next;
}

/** Pre-picks what leaves no choice: with exactly one SKU in stock, its values. */
export function initialSelection(skus: SkuStock[]): SpecSelection {
  const inStock = skus.filter((sku) => sku.stock > 0);
  const only = inStock.length === 1 ? inStock[0] : undefined;
  return only ? { ...only.specValues } : {};
}
