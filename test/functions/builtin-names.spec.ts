/**
 * Issue 9 §4: an action or timer trigger named like a member of Object.prototype (`constructor`,
 * `__proto__`, `toString`, ...) is an unknown action of every function, answered with the error
 * envelope, never a crash (it used to find Object's own members in the action maps and fail with
 * `-504002 validate is not a function`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { validatePatch } from '../../server/validation';
import { FUNCTIONS_DIR, type Mall, startMall } from '../support/mall';

/** Every member name a plain object inherits, plus `prototype`. */
const BUILTIN_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
const FUNCTIONS = fs
  .readdirSync(FUNCTIONS_DIR)
  .filter((f) => fs.existsSync(path.join(FUNCTIONS_DIR, f, 'config.json')))
  .sort();

let mall: Mall;
beforeAll(async () => {
  mall = await startMall({ workers: 2 });
});
afterAll(() => mall.stop());

test('the names cover every function and the usual suspects', () => {
  expect(FUNCTIONS.length).toBeGreaterThanOrEqual(14);
  expect(BUILTIN_NAMES).toEqual(expect.arrayContaining(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']));
});

test('a patch path named like an Object member is no field of the schema', () => {
  for (const name of BUILTIN_NAMES) {
    for (const path of [name, `shipping.${name}`]) {
      let error: { code?: string; message?: string } = {};
      try {
        validatePatch('shops', { [path]: 1 });
      } catch (e) {
        error = e as typeof error;
      }
      expect({ path, code: error.code, message: error.message }).toEqual({ path, code: 'INTERNAL', message: `shops: no field ${path} in the schema` });
    }
  }
});

describe.each(FUNCTIONS)('%s', (fn) => {
  test('a shopper calling a built-in member name as the action gets INVALID_ARGUMENT', async () => {
    for (const action of BUILTIN_NAMES) {
      const r = await mall.raw('builtin-shopper', fn, { action });
      expect({ action, r }).toEqual({ action, r: { ok: false, error: { code: 'INVALID_ARGUMENT', message: `unknown action ${JSON.stringify(action)}` } } });
    }
  });

  test('another function (SOURCE scf) calling a built-in member name gets INVALID_ARGUMENT', async () => {
    for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const r = await mall.cloud.callFunction({ name: fn, data: { action } });
      expect({ action, r: r.result }).toMatchObject({ action, r: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
    }
  });

  test('a timer trigger named like a built-in member is refused, not run', async () => {
    for (const trigger of BUILTIN_NAMES) {
      const fired = await mall.fireTimer(fn, trigger);
      expect({ trigger, fired: { ok: fired.ok, result: fired.result } }).toEqual({ trigger, fired: { ok: true, result: { ok: false, error: { code: 'FORBIDDEN', message: 'not a timer of this function' } } } });
    }
  });
});
