/**
 * Issue 9 §4: names a caller chooses (an API action, a multipart field, a subscribe-message
 * keyword) are looked up as own entries only, so `constructor`, `__proto__` or `toString` is an
 * unknown name answered with the usual error, never Object's own member or a crash.
 */
import { checkTemplateData } from '../src/wxapi/openapi/subscribe-data-rules';
import { type RunningEmulator, startEmulator } from './support/harness';

const BUILTIN_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ workers: 1 });
});
afterAll(() => emu?.stop());

test('an /admin action named like an Object member is unsupported (JSON body)', async () => {
  for (const action of BUILTIN_NAMES) {
    const res = await fetch(emu.adminUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action }) });
    const body = (await res.json()) as { code?: string; message?: string };
    expect({ action, code: body.code }).toEqual({ action, code: 'INVALID_ACTION' });
  }
});

test('a multipart /admin request with a __proto__ field keeps it as a field and answers the usual error', async () => {
  for (const action of ['constructor', 'toString', '__proto__']) {
    const form = new FormData();
    form.append('__proto__', 'x');
    form.append('action', action);
    const res = await fetch(emu.adminUrl, { method: 'POST', body: form });
    const body = (await res.json()) as { code?: string };
    expect({ action, code: body.code }).toEqual({ action, code: 'INVALID_ACTION' });
  }
  // the emulator still answers afterwards
  expect((await emu.control('/_emulator/health')).ok).toBe(true);
});

test('a subscribe-message keyword named like an Object member has no value rule (and does not crash)', () => {
  for (const name of BUILTIN_NAMES) expect({ name, problem: checkTemplateData({ [`${name}1`]: { value: 'x' } }) }).toEqual({ name, problem: undefined });
  // the real rules still apply
  expect(checkTemplateData({ thing1: { value: 'x'.repeat(21) } })).toMatch(/thing must be at most 20 characters/);
});
