/**
 * Development only (left out of uploads by project.config.json `packOptions.ignore`): choose the
 * dev openid the emulator treats as the caller, and, when a cloud env id is configured, whether
 * DevTools talks to the local emulator instead. The choice is stored in wx storage (see
 * config/env.ts) and applies to the next cloud function call.
 */
import { CLOUD_ENV_ID } from '../../../config/cloud-env';
import { clearDevOverride, DEV_IDENTITIES, resolveEnv, saveDevOverride } from '../../../config/env';
import { describeDevIdentity } from '../../../shared/dev-identity';

const IDENTITY_OPTIONS = DEV_IDENTITIES.map((identity) => ({
  value: identity.openid,
  label: describeDevIdentity(identity.openid),
}));

Component({
  data: {
    options: IDENTITY_OPTIONS,
    devOpenid: '',
    localBaseUrl: '',
    /** A cloud env id is configured, so local mode is a choice (otherwise DevTools is always local). */
    canChooseBackend: CLOUD_ENV_ID !== '',
    local: false,
  },

  methods: {
    onLoad() {
      this.refresh();
    },

    refresh() {
      const env = resolveEnv();
      this.setData({ devOpenid: env.devOpenid, localBaseUrl: env.localBaseUrl, local: env.mode === 'local' });
    },

    onIdentityChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      saveDevOverride({ devOpenid: event.detail.value });
      this.refresh();
      void wx.showToast({ title: '身份已切换', icon: 'success' });
    },

    onLocalChange(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      saveDevOverride({ local: event.detail.value === true });
      this.refresh();
    },

    onReset() {
      clearDevOverride();
      this.refresh();
      void wx.showToast({ title: '已恢复默认', icon: 'success' });
    },
  },
});
