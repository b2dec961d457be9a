import Ajv, { type ValidateFunction } from 'ajv';
import { fail } from './failure';
import { type CollectionName, SCHEMAS } from './schemas';

/**
 * Write validation against database/schema. Documents hold real `Date`s, which JSON Schema cannot
 * describe, so the schemas mark date fields with the custom keyword `isDate` (a Date, or the
 * SDK's `db.serverDate()` placeholder).
 */
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addKeyword({
  keyword: 'isDate',
  schemaType: 'boolean',
  validate: (expected: boolean, data: unknown) => !expected || data instanceof Date || isServerDate(data),
  errors: false,
});

const compiled = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: object): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(key, v);
  }
  return v;
}

function isServerDate(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { constructor?: { name?: string } }).constructor?.name === 'ServerDate';
}

/** An SDK update command (`_.inc(1)`, `_.push(...)`, `_.remove()`...). */
function updateCommand(v: unknown): { operator: string; operands: unknown } | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const c = v as { constructor?: { name?: string }; operator?: unknown; operands?: unknown };
  return c.constructor?.name === 'UpdateCommand' && typeof c.operator === 'string' ? { operator: c.operator, operands: c.operands } : undefined;
}

function describe(v: ValidateFunction): string {
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

/** Checks a whole document about to be inserted (or `set`). Throws INTERNAL: a bug, not user input. */
export function validateDocument(coll: CollectionName, doc: Record<string, unknown>): void {
  const v = validatorFor(coll, SCHEMAS[coll]);
  if (!v(doc)) fail('INTERNAL', `invalid ${coll} document: ${describe(v)}`);
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  isDate?: boolean;
}

function subSchema(coll: CollectionName, path: string): { schema: JsonSchema; required: boolean } {
  let node = SCHEMAS[coll] as unknown as JsonSchema;
  let required = false;
  for (const part of path.split('.')) {
    // own entries only: a path part such as `constructor` is not a field of every schema
    const next = node.properties && Object.prototype.hasOwnProperty.call(node.properties, part) ? node.properties[part] : undefined;
    if (!next) fail('INTERNAL', `${coll}: no field ${path} in the schema`);
    required = (node.required ?? []).includes(part);
    node = next as JsonSchema;
  }
  return { schema: node, required };
}

const NUMERIC_OPS = new Set(['inc', 'mul', 'min', 'max']);
const ARRAY_OPS = new Set(['push', 'pull', 'pullAll', 'pop', 'shift', 'unshift', 'addToSet']);

/**
 * Checks an update patch: each plain value against its field's schema (dotted paths allowed),
 * numeric commands only on numeric fields, array commands only on arrays with valid elements,
 * and `_.remove()` only on optional fields. Throws INTERNAL on a bug.
 */
export function validatePatch(coll: CollectionName, patch: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(patch)) {
    if (path === '_id') fail('INTERNAL', `${coll}: _id cannot be updated`);
    const { schema, required } = subSchema(coll, path);
    const cmd = updateCommand(value);
    const key = `${coll}#${path}`;
    if (!cmd) {
      const v = validatorFor(key, schema);
      if (!v(value)) fail('INTERNAL', `invalid ${coll}.${path}: ${describe(v)}`);
      continue;
    }
    const types = ([] as string[]).concat(schema.type ?? []);
    if (NUMERIC_OPS.has(cmd.operator)) {
      if (!types.includes('integer') && !types.includes('number')) fail('INTERNAL', `${coll}.${path}: _.${cmd.operator} on a non-numeric field`);
      const n = Array.isArray(cmd.operands) ? cmd.operands[0] : cmd.operands;
      if (types.includes('integer') && !Number.isInteger(n)) fail('INTERNAL', `${coll}.${path}: _.${cmd.operator} by a non-integer`);
    } else if (ARRAY_OPS.has(cmd.operator)) {
      if (!types.includes('array') || !schema.items) fail('INTERNAL', `${coll}.${path}: _.${cmd.operator} on a non-array field`);
      if (cmd.operator === 'push' || cmd.operator === 'unshift' || cmd.operator === 'addToSet') {
        const raw = cmd.operands as unknown;
        const each = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { each?: unknown }).each) ? (raw as { each: unknown[] }).each : [raw];
        const v = validatorFor(`${key}[]`, schema.items!);
        for (const item of each) if (!v(item)) fail('INTERNAL', `invalid ${coll}.${path}[]: ${describe(v)}`);
      }
    } else if (cmd.operator === 'remove') {
      if (required) fail('INTERNAL', `${coll}.${path} is required and cannot be removed`);
    } else if (cmd.operator === 'set') {
      const v = validatorFor(key, schema);
      if (!v(cmd.operands)) fail('INTERNAL', `invalid ${coll}.${path}: ${describe(v)}`);
    } else {
      fail('INTERNAL', `${coll}.${path}: update command _.${cmd.operator} is not allowed`);
    }
  }
}
