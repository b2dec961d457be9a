import { resolveEnv } from './config/env';

App({
  onLaunch() {
    const env = resolveEnv();
    if (env.mode !== 'cloud') {
      console.info(`[app] 本地模式：云函数调用发往 ${env.localBaseUrl}，身份 ${env.devOpenid}`);
      return;
    }
    if (!env.cloudEnvId) console.warn('[app] config/cloud-env.ts 未设置 CLOUD_ENV_ID（npm run deploy 会写入），使用默认云环境');
    wx.cloud.init(env.cloudEnvId ? { env: env.cloudEnvId, traceUser: true } : { traceUser: true });
  },
});
