import { currentDevIdentityText } from '../../shared/dev-identity';

export const DEV_MENU_URL = '/packages/dev/identity/index';

Component({
  data: {
    /** Shown only in local mode, where the dev menu can switch it. */
    devIdentityText: '',
  },

  methods: {
    onShow() {
      this.setData({ devIdentityText: currentDevIdentityText() });
    },

    onOpenDevMenu() {
      void wx.navigateTo({ url: DEV_MENU_URL });
    },
  },
});
