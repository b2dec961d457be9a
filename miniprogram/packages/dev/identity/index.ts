/**
 * Local development only: choose the dev openid the emulator treats as the caller. The choice is
 * stored in wx storage (see config/env.ts) and applies to the next cloud function call.
 */
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
  },

  methods: {
    onLoad() {
      this.refresh();
    },

    refresh() {
      const env = resolveEnv();
      this.setData({ devOpenid: env.devOpenid, localBaseUrl: env.localBaseUrl });
    },

    onIdentityChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      saveDevOverride({ devOpenid: event.detail.value });
      this.refresh();
      void wx.showToast({ title: '身份已切换', icon: 'success' });
    },

    onReset() {
      clearDevOverride();
      this.refresh();
      void wx.showToast({ title: '已恢复默认', icon: 'success' });
    },
  },
});
