import type { Doc } from './ejson';

/** An index as declared in database/indexes.json (or created at run time). */
export interface IndexSpec {
  name: string;
  /** Ordered key fields, dotted paths allowed, with direction (1 ascending, -1 descending). */
  keys: Array<{ field: string; direction: 1 | -1 }>;
  unique?: boolean;
  /** A sparse index skips documents that lack every key field (so they never collide). */
  sparse?: boolean;
}

/** Scalar types an index can key on; anything else makes a query fall back to a scan. */
export type IndexableValue = string | number | boolean | null | Date;

const MAX_KEYS_PER_DOC = 64;

/** The canonical key of one value: equal keys for values MongoDB compares equal (5 and 5.0). */
export function keyOf(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  if (typeof value === 'number') return `n:${value}`;
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'boolean') return `b:${value ? 1 : 0}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  return `o:${JSON.stringify(value)}`;
}

export function isIndexable(value: unknown): value is IndexableValue {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value instanceof Date
  );
}

/**
 * Every value a dotted path reaches in a document, expanding arrays as MongoDB's multikey indexes do.
 * A path that reaches nothing yields `null`, the key MongoDB gives a missing field.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const parts = path.split('.');
  let frontier: unknown[] = [doc];
  for (const part of parts) {
    const next: unknown[] = [];
    for (const node of frontier) {
      if (Array.isArray(node)) {
        for (const el of node) if (el && typeof el === 'object' && part in el) next.push((el as Doc)[part]);
        if (/^\d+$/.test(part) && Number(part) < node.length) next.push(node[Number(part)]);
      } else if (node && typeof node === 'object' && !(node instanceof Date) && part in (node as Doc)) {
        next.push((node as Doc)[part]);
      }
    }
    frontier = next;
  }
  const out: unknown[] = [];
  for (const v of frontier) {
    if (Array.isArray(v)) {
      out.push(...v);
      // an array also matches equality on the whole array, and an empty array is keyed as undefined
      if (v.length === 0) out.push(undefined);
    } else out.push(v);
  }
  return out.length ? out : [null];
}

/**
 * In-memory index over one collection: for each key prefix length a hash map from key tuple to ids.
 * Queries with equality (or `$in`) constraints on a prefix of the keys read candidates from it;
 * the full query is still applied to every candidate, so the index only ever narrows.
 */
export class MemIndex {
  /** prefixMaps[i] keys tuples of the first i+1 fields. */
  private readonly prefixMaps: Array<Map<string, Set<string>>>;

  constructor(readonly spec: IndexSpec) {
    this.prefixMaps = spec.keys.map(() => new Map());
  }

  get fields(): string[] {
    return this.spec.keys.map((k) => k.field);
  }

  /** The full-length key tuples of a document (several for multikey), or [] when sparse-skipped. */
  tuples(doc: Doc): string[][] {
    const perField = this.spec.keys.map((k) => [...new Set(valuesAtPath(doc, k.field).map(keyOf))]);
    if (this.spec.sparse && perField.every((keys) => keys.length === 1 && keys[0] === 'z')) return [];
    let acc: string[][] = [[]];
    for (const keys of perField) {
      const next: string[][] = [];
      for (const prefix of acc) for (const k of keys) next.push([...prefix, k]);
      acc = next.slice(0, MAX_KEYS_PER_DOC);
    }
    return acc;
  }

  add(id: string, doc: Doc): void {
    for (const tuple of this.tuples(doc)) {
      for (let i = 0; i < tuple.length; i++) {
        const k = tuple.slice(0, i + 1).join('\u0001');
        let set = this.prefixMaps[i].get(k);
        if (!set) this.prefixMaps[i].set(k, (set = new Set()));
        set.add(id);
      }
    }
  }

  remove(id: string, doc: Doc): void {
    for (const tuple of this.tuples(doc)) {
      for (let i = 0; i < tuple.length; i++) {
        const k = tuple.slice(0, i + 1).join('\u0001');
        const set = this.prefixMaps[i].get(k);
        if (!set) continue;
        set.delete(id);
        if (set.size === 0) this.prefixMaps[i].delete(k);
      }
    }
  }

  /** Ids holding the full key tuple of `doc`, other than `id` itself (for unique checks). */
  conflicts(id: string, doc: Doc): string[] {
    const last = this.prefixMaps.length - 1;
    const out: string[] = [];
    for (const tuple of this.tuples(doc)) {
      const set = this.prefixMaps[last].get(tuple.join('\u0001'));
      if (set) for (const other of set) if (other !== id) out.push(other);
    }
    return out;
  }

  /** Candidate ids for lists of allowed values on the first `values.length` fields. */
  lookup(values: IndexableValue[][]): Set<string> {
    const depth = values.length - 1;
    let tuples: string[][] = [[]];
    for (const list of values) {
      const next: string[][] = [];
      for (const prefix of tuples) for (const v of list) next.push([...prefix, keyOf(v)]);
      tuples = next;
    }
    const out = new Set<string>();
    for (const t of tuples) {
      const set = this.prefixMaps[depth].get(t.join('\u0001'));
      if (set) for (const id of set) out.add(id);
    }
    return out;
  }
}

const MAX_LOOKUP_COMBINATIONS = 256;

/**
 * Equality constraints a query pins down at its top level (`{a: 1}`, `{a: {$eq: 1}}`, `{a: {$in: [...]}}`,
 * inside `$and` too). Only these can use an index; everything else is checked by the full matcher.
 */
export function equalityConstraints(query: Doc | undefined): Map<string, IndexableValue[]> {
  const out = new Map<string, IndexableValue[]>();
  const visit = (q: Doc) => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (sub && typeof sub === 'object') visit(sub as Doc);
        continue;
      }
      if (field.startsWith('$')) continue;
      let values: IndexableValue[] | undefined;
      if (isIndexable(cond) && !(cond === null)) values = [cond];
      else if (cond && typeof cond === 'object' && !(cond instanceof Date) && !(cond instanceof RegExp) && !Array.isArray(cond)) {
        const ops = cond as Doc;
        const keys = Object.keys(ops);
        if (keys.length === 1 && keys[0] === '$eq' && isIndexable(ops.$eq) && ops.$eq !== null) values = [ops.$eq];
        if (keys.length === 1 && keys[0] === '$in' && Array.isArray(ops.$in) && ops.$in.every((v) => isIndexable(v) && v !== null))
          values = ops.$in as IndexableValue[];
      }
      if (values && !out.has(field)) out.set(field, values);
    }
  };
  if (query) visit(query);
  return out;
}

/** Picks the index covering the longest prefix of equality constraints. */
export function chooseIndex(
  indexes: Iterable<MemIndex>,
  constraints: Map<string, IndexableValue[]>,
): { index: MemIndex; values: IndexableValue[][] } | undefined {
  let best: { index: MemIndex; values: IndexableValue[][] } | undefined;
  for (const index of indexes) {
    const values: IndexableValue[][] = [];
    let combos = 1;
    for (const field of index.fields) {
      const v = constraints.get(field);
      if (!v) break;
      combos *= v.length;
      if (combos > MAX_LOOKUP_COMBINATIONS) break;
      values.push(v);
    }
    if (values.length === 0) continue;
    if (!best || values.length > best.values.length || (values.length === best.values.length && index.spec.unique))
      best = { index, values };
  }
  return best;
}
