import type { FunctionInvoker, InvocationContext, InvokeResult } from '../../../src/types';

/** One invocation the emulator made of a (fake) cloud function. */
export interface RecordedCall {
  name: string;
  event: Record<string, unknown>;
  ctx: InvocationContext;
  at: number;
}

type Behaviour = (event: Record<string, unknown>, ctx: InvocationContext) => unknown;

/**
 * A FunctionInvoker standing in for the function runtime: records every call, answers with a
 * defined behaviour (default `{errcode: 0, errmsg: 'ok'}`), and can be told to fail the next N
 * calls of a function, by throwing or by answering something other than `{errcode: 0}`.
 */
export class FakeFunctions implements FunctionInvoker {
  readonly calls: RecordedCall[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly failures = new Map<string, { left: number; mode: 'throw' | 'errcode' }>();
  private readonly watchers: Array<() => void> = [];

  constructor(private readonly names: string[]) {}

  has(name: string): boolean {
    return this.names.includes(name);
  }

  define(name: string, behaviour: Behaviour): void {
    if (!this.names.includes(name)) this.names.push(name);
    this.behaviours.set(name, behaviour);
  }

  failNext(name: string, times: number, mode: 'throw' | 'errcode' = 'errcode'): void {
    this.failures.set(name, { left: times, mode });
  }

  callsOf(name: string): RecordedCall[] {
    return this.calls.filter((c) => c.name === name);
  }

  async invoke(name: string, event: unknown, ctx: InvocationContext): Promise<InvokeResult> {
    const started = Date.now();
    this.calls.push({ name, event: event as Record<string, unknown>, ctx, at: started });
    for (const w of this.watchers.splice(0)) w();
    if (!this.has(name)) return { error: { message: `function ${name} not found` }, durationMs: 0 };
    const failure = this.failures.get(name);
    if (failure && failure.left > 0) {
      failure.left--;
      if (failure.mode === 'throw') return { error: { message: 'simulated crash in callback' }, durationMs: Date.now() - started };
      return { result: { errcode: 1, errmsg: 'simulated failure' }, durationMs: Date.now() - started };
    }
    try {
      const behaviour = this.behaviours.get(name);
      const result = behaviour ? await behaviour(event as Record<string, unknown>, ctx) : { errcode: 0, errmsg: 'ok' };
      return { result, durationMs: Date.now() - started };
    } catch (e) {
      return { error: { message: (e as Error).message }, durationMs: Date.now() - started };
    }
  }

  /** Resolves once `name` has been called `count` times in total (rejects after `timeoutMs`). */
  async waitForCalls(name: string, count: number, timeoutMs = 5000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsOf(name).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} calls of ${name}, saw ${this.callsOf(name).length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.watchers.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.callsOf(name);
  }
}
