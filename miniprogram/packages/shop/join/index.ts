import { acceptStaffInvite } from '../../../services/shop';
import type { DetailEvent } from '../../../shared/events';
import { SHOP_ROUTES } from '../../../shared/shop-routes';

/** The invitee enters (or opens a shared link with) an invite code and joins the shop as staff. */
Component({
  data: {
    code: '',
    joining: false,
    errorMessage: '',
    joinedShopId: '',
    joinedShopName: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const code = query.code ? decodeURIComponent(query.code) : '';
      this.setData({ code: code.toUpperCase() });
    },

    onCodeChange(e: DetailEvent<{ value: string }>) {
      this.setData({ code: e.detail.value.toUpperCase(), errorMessage: '' });
    },

    async onJoin(): Promise<void> {
      const code = this.data.code.trim();
      if (this.data.joining) return;
      if (!code) {
        this.setData({ errorMessage: '请输入邀请码' });
        return;
      }
      this.setData({ joining: true, errorMessage: '' });
      const result = await acceptStaffInvite(code);
      this.setData({ joining: false });
      if (!result.ok) {
        this.setData({ errorMessage: result.error.message });
        return;
      }
      this.setData({ joinedShopId: result.data.shop.id, joinedShopName: result.data.shop.name });
    },

    onOpenShop() {
      void wx.redirectTo({ url: SHOP_ROUTES.overview(this.data.joinedShopId) });
    },
  },
});
