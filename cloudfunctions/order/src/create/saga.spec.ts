import { runSaga, type SagaStep } from './saga';

describe('runSaga', () => {
  function recorder() {
    const log: string[] = [];
    const step = (name: string, opts: { fail?: boolean; noUndo?: boolean; undoFails?: boolean } = {}): SagaStep<{ log: string[] }> => ({
      name,
      async run(ctx) {
        if (opts.fail) throw new Error(`${name} failed`);
        ctx.log.push(`run ${name}`);
        if (opts.noUndo) return;
        return async () => {
          if (opts.undoFails) throw new Error(`undo ${name} failed`);
          ctx.log.push(`undo ${name}`);
        };
      },
    });
    return { log, step };
  }

  test('runs the steps in order and undoes nothing when all succeed', async () => {
    const { log, step } = recorder();
    await runSaga('t', [step('a'), step('b'), step('c')], { log });
    expect(log).toEqual(['run a', 'run b', 'run c']);
  });

  test('a failing step undoes the completed steps in reverse order and rethrows', async () => {
    const { log, step } = recorder();
    await expect(runSaga('t', [step('a'), step('b', { noUndo: true }), step('c'), step('d', { fail: true }), step('e')], { log })).rejects.toThrow('d failed');
    expect(log).toEqual(['run a', 'run b', 'run c', 'undo c', 'undo a']);
  });

  test('a compensation that fails is logged and the others still run; the original error wins', async () => {
    const { log, step } = recorder();
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(runSaga('t', [step('a'), step('b', { undoFails: true }), step('c', { fail: true })], { log })).rejects.toThrow('c failed');
    expect(log).toEqual(['run a', 'run b', 'undo a']);
    expect(spy.mock.calls.map((c) => JSON.parse(String(c[0])))).toEqual([expect.objectContaining({ event: 'saga_compensation_failed', saga: 't', step: 'b' })]);
    spy.mockRestore();
  });
});
