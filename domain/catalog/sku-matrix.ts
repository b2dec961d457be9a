/**
 * The SKU matrix of a goods item: its spec dimensions (颜色, 尺码, ...) and the SKUs made by
 * combining one value of each.
 *
 * Rules: at most {@link MAX_SPEC_DIMENSIONS} dimensions and {@link MAX_SKUS} combinations; names
 * unique, values unique within a dimension, all non-blank and free of `:` and `;` (they separate
 * the parts of a SKU key such as `颜色:红;尺码:M`). A spec name becomes a field name (of
 * `specValues`, in the database and in plain objects), so it must also be one a CloudBase field
 * can hold and an object keeps as data: not a member of `Object.prototype` (`__proto__`,
 * `constructor`, `toString`, ...) nor `prototype`, no `.` inside, no `$` first. A goods item without dimensions has exactly
 * one SKU, whose key is the empty string. Keys and texts always follow the order of the
 * dimensions, never the key order of a `specValues` object.
 */
import { fail, ok, Outcome } from '../result';

/** The most spec dimensions a goods item can have. */
export const MAX_SPEC_DIMENSIONS = 3;

/** The most SKUs (combinations) a goods item can have. */
export const MAX_SKUS = 100;

/** One spec dimension, such as `{name: '颜色', values: ['红', '蓝']}`. */
export interface SpecDimension {
  readonly name: string;
  readonly values: readonly string[];
}

/** The chosen value of each dimension, by dimension name. */
export type SpecValues = Readonly<Record<string, string>>;

/** One combination of spec values and its key. */
export interface SkuCombination {
  readonly specValues: SpecValues;
  /** `name:value` pairs joined by `;` in dimension order, e.g. `颜色:红;尺码:M`. */
  readonly key: string;
}

/** A SKU with its stock, as the SKU picker sees it. */
export interface StockedSku {
  readonly specValues: SpecValues;
  readonly stock: number;
}

/** The failure code of {@link validateSpecs}. */
export type SpecCode = 'SPEC_INVALID';

const RESERVED = /[:;]/;

/**
 * Names a plain object does not keep as its own data, or that stand for something else when read
 * back (`__proto__` sets the prototype; `constructor`, `toString`, ... are inherited).
 */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Why `name` cannot be a field name built from user text, or null: CloudBase field names cannot
 * hold `.` (a path separator) or start with `$` (an operator), and members of `Object.prototype`
 * are not data keys of a plain object.
 */
export function fieldNameProblem(name: string): string | null {
  if (OBJECT_MEMBER_NAMES.has(name)) return `${name} is reserved`;
  if (name.includes('.')) return `${name} must not contain '.'`;
  if (name.startsWith('$')) return `${name} must not start with '$'`;
  return null;
}

function textProblem(label: string, text: unknown): string | null {
  if (typeof text !== 'string' || text.trim() === '') return `${label} must not be blank`;
  if (text !== text.trim()) return `${label} must not start or end with spaces`;
  if (RESERVED.test(text)) return `${label} must not contain ':' or ';'`;
  return null;
}

/** Returns every rule the dimensions break; empty when they are valid. */
export function specProblems(specs: readonly SpecDimension[]): string[] {
  const problems: string[] = [];
  if (specs.length > MAX_SPEC_DIMENSIONS) problems.push(`at most ${MAX_SPEC_DIMENSIONS} spec dimensions are allowed`);
  const names = new Set<string>();
  specs.forEach((spec, i) => {
    const fieldProblem = typeof spec.name === 'string' ? fieldNameProblem(spec.name) : null;
    const nameProblem = textProblem(`spec ${i + 1} name`, spec.name) ?? (fieldProblem && `spec name ${fieldProblem}`);
    if (nameProblem) problems.push(nameProblem);
    else if (names.has(spec.name)) problems.push(`spec name ${spec.name} is repeated`);
    names.add(spec.name);
    if (!Array.isArray(spec.values) || spec.values.length === 0) {
      problems.push(`spec ${spec.name} needs at least one value`);
      return;
    }
    const values = new Set<string>();
    spec.values.forEach((value, j) => {
      const valueProblem = textProblem(`spec ${spec.name} value ${j + 1}`, value);
      if (valueProblem) problems.push(valueProblem);
      else if (values.has(value)) problems.push(`spec ${spec.name} value ${value} is repeated`);
      values.add(value);
    });
  });
  const count = specs.reduce((n, s) => n * (Array.isArray(s.values) ? s.values.length : 0), 1);
  if (count > MAX_SKUS) problems.push(`the specs make ${count} SKUs; at most ${MAX_SKUS} are allowed`);
  return problems;
}

/** Returns the dimensions when valid, or `SPEC_INVALID` with `details.problems`. */
export function validateSpecs(specs: readonly SpecDimension[]): Outcome<readonly SpecDimension[], SpecCode> {
  const problems = specProblems(specs);
  if (problems.length === 0) return ok(specs);
  return fail('SPEC_INVALID', `the specs are invalid: ${problems.join('; ')}`, { problems });
}

/** Returns the key of a full selection, in dimension order; throws when a dimension has no value. */
export function skuKey(specs: readonly SpecDimension[], specValues: SpecValues): string {
  return specs
    .map((spec) => {
      const value = specValues[spec.name];
      if (value === undefined) throw new Error(`no value chosen for spec ${spec.name}`);
      return `${spec.name}:${value}`;
    })
    .join(';');
}

/**
 * Returns every combination of one value per dimension, the first dimension varying slowest
 * (`红/M, 红/L, 蓝/M, 蓝/L`). Throws on invalid specs: validate them first.
 */
export function expandSkus(specs: readonly SpecDimension[]): SkuCombination[] {
  const problems = specProblems(specs);
  if (problems.length > 0) throw new Error(`invalid specs: ${problems.join('; ')}`);
  let combos: Array<Record<string, string>> = [{}];
  for (const spec of specs) {
    combos = combos.flatMap((combo) => spec.values.map((value) => ({ ...combo, [spec.name]: value })));
  }
  return combos.map((specValues) => ({ specValues, key: skuKey(specs, specValues) }));
}

/**
 * Returns the text shown for a SKU, values joined by ` / ` (`红 / M`). Pass the dimensions to fix
 * the order; without them the object's key order is used.
 */
export function specText(specValues: SpecValues, specs?: readonly SpecDimension[]): string {
  const values = specs ? specs.map((s) => specValues[s.name]).filter((v): v is string => v !== undefined) : Object.values(specValues);
  return values.join(' / ');
}

function matches(sku: StockedSku, selected: Partial<SpecValues>, ignore: string): boolean {
  return Object.entries(selected).every(([name, value]) => name === ignore || value === undefined || sku.specValues[name] === value);
}

/**
 * Returns, for each dimension, the values the SKU picker can still offer given a partial
 * selection: a value is selectable when some SKU in stock has it and agrees with the selection on
 * every other dimension (the dimension's own selection is ignored, so the shopper can switch
 * values). Dimensions and values are listed in order of first appearance among `skus`; values of
 * SKUs without stock are left out, so the picker greys them out.
 */
export function availableValues(skus: readonly StockedSku[], selected: Partial<SpecValues>): Record<string, string[]> {
  const allValues = new Map<string, string[]>();
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.specValues)) {
      const values = allValues.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      allValues.set(name, values);
    }
  }
  const inStock = skus.filter((sku) => sku.stock > 0);
  // keyed by spec names (user text): an object without a prototype keeps any name as data
  const result: Record<string, string[]> = Object.create(null);
  for (const [name, values] of allValues) {
    result[name] = values.filter((value) =>
      inStock.some((sku) => sku.specValues[name] === value && matches(sku, selected, name)),
    );
  }
  return result;
}

/**
 * Returns the SKU whose spec values all equal the selection, whatever its stock, or undefined
 * while the selection is incomplete or matches nothing.
 */
export function findSku<T extends StockedSku>(skus: readonly T[], selected: Partial<SpecValues>): T | undefined {
  return skus.find((sku) => Object.keys(sku.specValues).every((name) => selected[name] === sku.specValues[name]));
}
