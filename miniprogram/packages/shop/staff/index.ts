import { createStaffInvite, listShopStaff, removeShopStaff } from '../../../services/shop';
import type { DatasetEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { inviteView, memberView, type InviteView, type MemberView } from './view-model';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    shopId: '',
    isOwner: false,
    members: [] as MemberView[],
    invite: null as InviteView | null,
    inviting: false,
    removingId: '',
    dialogVisible: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ shopId: query.shopId ?? '' });
      void this.load();
    },

    onPullDownRefresh() {
      void this.load(true).then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    async load(keepOnScreen = false): Promise<void> {
      if (!keepOnScreen) this.setData({ status: 'loading', errorMessage: '' });
      const result = await listShopStaff(this.data.shopId);
      if (!result.ok) {
        if (keepOnScreen && this.data.status === 'ready') void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const isOwner = result.data.role === 'owner';
      this.setData({ status: 'ready', isOwner, members: result.data.members.map((m) => memberView(m, isOwner)) });
    },

    async onCreateInvite(): Promise<void> {
      if (this.data.inviting) return;
      this.setData({ inviting: true });
      const result = await createStaffInvite(this.data.shopId);
      this.setData({ inviting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ invite: inviteView(result.data) });
    },

    onCopyInvite() {
      const invite = this.data.invite;
      if (invite) void wx.setClipboardData({ data: invite.code });
    },

    /** The share button sends the join page with the code filled in. */
    onShareAppMessage() {
      const invite = this.data.invite;
      return invite ? { title: '邀请你成为店员', path: invite.path } : { title: '店员管理' };
    },

    onAskRemove(event: DatasetEvent<{ openid?: string }>) {
      const { openid } = event.currentTarget.dataset;
      if (openid) this.setData({ removingId: openid, dialogVisible: true });
    },

    onRemoveCancel() {
      this.setData({ removingId: '', dialogVisible: false });
    },

    async onRemoveConfirm(): Promise<void> {
      const openid = this.data.removingId;
      this.setData({ removingId: '', dialogVisible: false });
      if (!openid) return;
      const result = await removeShopStaff(this.data.shopId, openid);
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      void wx.showToast({ title: '已移除', icon: 'success' });
      this.setData({ members: this.data.members.filter((m) => m.openid !== openid) });
    },
  },
});
