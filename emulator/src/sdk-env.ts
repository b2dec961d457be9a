/**
 * The environment that points the real, unmodified wx-server-sdk at an emulator instead of
 * Tencent Cloud (see docs/protocol.md): the endpoint through TCB_CONTEXT_CNFG, dummy secrets (the
 * SDK crashes the process without them), and the SCF variables that stop its metadata look-ups.
 */
export function sdkEnv(adminUrl: string, env = 'local-env'): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: process.env.TENCENTCLOUD_SECRETID || 'local-emulator-secret-id',
    TENCENTCLOUD_SECRETKEY: process.env.TENCENTCLOUD_SECRETKEY || 'local-emulator-secret-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: env,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SOURCE',
    TCB_ENV: env,
  };
}

/**
 * Points this process's wx-server-sdk at the emulator and returns it, initialised. Scripts and
 * tests call it once per process, before anything else requires the SDK.
 */
export function connectSdk(adminUrl: string, opts: { env?: string; openid?: string; source?: string; extraEnv?: Record<string, string> } = {}): any {
  Object.assign(process.env, sdkEnv(adminUrl, opts.env), {
    // no TCB_SOURCE unless asked: a script is no function, so its callees see SOURCE `scf`
    ...(opts.source ? { TCB_SOURCE: opts.source } : {}),
    WX_CONTEXT_KEYS: 'WX_OPENID',
    ...(opts.openid ? { WX_OPENID: opts.openid } : {}),
    ...opts.extraEnv,
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}
