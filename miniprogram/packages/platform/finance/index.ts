import type { WithdrawalStatus, WithdrawalView } from '../../../services/contracts';
import { approveWithdrawal, fetchFinanceOverview, fetchWithdrawalQueue, markWithdrawalPaid, rejectWithdrawal } from '../../../services/finance';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { EMPTY_TEXT, type Figure, isWithdrawalStatus, overviewFigures, QUEUE_TABS, queueRow, type QueueRow } from './view-model';

type DialogMode = 'reject' | 'paid';

const DIALOG: Record<DialogMode, { title: string; placeholder: string; confirm: string }> = {
  reject: { title: '驳回提现', placeholder: '请填写驳回原因', confirm: '驳回' },
  paid: { title: '标记已打款', placeholder: '填写转账单号（微信支付或银行流水号）', confirm: '确认已打款' },
};

Component({
  data: {
    ...initialListState<QueueRow>(),
    pageStatus: 'loading' as PageStatus,
    pageError: '',
    figures: [] as Figure[],
    tabs: QUEUE_TABS,
    activeTab: 'requested' as WithdrawalStatus,
    emptyText: EMPTY_TEXT.requested,
    dialogMode: 'reject' as DialogMode,
    dialog: DIALOG.reject,
    dialogVisible: false,
    dialogText: '',
    targetId: '',
    busyId: '',
  },

  methods: {
    onLoad() {
      void this.loadAll();
    },

    onPullDownRefresh() {
      void Promise.all([this.loadOverview(true), loadFirstPage(this, this.pageFetcher(), queueRow, 'refresh')]).then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), queueRow);
    },

    onRetry() {
      if (this.data.pageStatus !== 'ready') void this.loadAll();
      else void this.reloadList();
    },

    async loadAll(): Promise<void> {
      this.setData({ pageStatus: 'loading', pageError: '' });
      if (await this.loadOverview(false)) await this.reloadList();
    },

    async loadOverview(keepOnScreen: boolean): Promise<boolean> {
      const result = await fetchFinanceOverview();
      if (!result.ok) {
        if (keepOnScreen && this.data.pageStatus === 'ready') void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ pageStatus: 'error', pageError: result.error.message });
        return false;
      }
      this.setData({ pageStatus: 'ready', figures: overviewFigures(result.data) });
      return true;
    },

    reloadList(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), queueRow);
    },

    pageFetcher(): FetchPage<WithdrawalView> {
      const status = this.data.activeTab;
      return (cursor) => fetchWithdrawalQueue(status, cursor, PAGE_SIZE);
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const { value } = event.detail;
      if (!isWithdrawalStatus(value) || value === this.data.activeTab) return;
      this.setData({ activeTab: value, emptyText: EMPTY_TEXT[value] });
      void this.reloadList();
    },

    async onApprove(event: DatasetEvent<{ id?: string }>): Promise<void> {
      const { id } = event.currentTarget.dataset;
      if (!id || this.data.busyId) return;
      this.setData({ busyId: id });
      const result = await approveWithdrawal(id);
      this.setData({ busyId: '' });
      this.afterAction(id, result.ok ? null : result.error.message, '已通过，请尽快打款');
    },

    onAskReject(event: DatasetEvent<{ id?: string }>) {
      this.openDialog('reject', event.currentTarget.dataset.id);
    },

    onAskPaid(event: DatasetEvent<{ id?: string }>) {
      this.openDialog('paid', event.currentTarget.dataset.id);
    },

    openDialog(mode: DialogMode, id: string | undefined) {
      if (!id) return;
      this.setData({ dialogMode: mode, dialog: DIALOG[mode], dialogVisible: true, dialogText: '', targetId: id });
    },

    onDialogInput(event: DetailEvent<{ value: string }>) {
      this.setData({ dialogText: event.detail.value });
    },

    onDialogCancel() {
      this.setData({ dialogVisible: false, targetId: '' });
    },

    async onDialogConfirm(): Promise<void> {
      const { dialogMode, targetId, busyId } = this.data;
      const text = this.data.dialogText.trim();
      if (!targetId || busyId) return;
      if (!text) {
        void wx.showToast({ title: dialogMode === 'reject' ? '请填写驳回原因' : '请填写转账单号', icon: 'none' });
        return;
      }
      if (dialogMode === 'paid' && !/^[0-9A-Za-z_-]{1,64}$/.test(text)) {
        void wx.showToast({ title: '转账单号只能包含字母和数字', icon: 'none' });
        return;
      }
      this.setData({ busyId: targetId });
      const result = dialogMode === 'reject' ? await rejectWithdrawal(targetId, text) : await markWithdrawalPaid(targetId, text);
      this.setData({ busyId: '', dialogVisible: false, targetId: '' });
      this.afterAction(targetId, result.ok ? null : result.error.message, dialogMode === 'reject' ? '已驳回，金额退回商家余额' : '已标记打款');
    },

    /** A handled withdrawal leaves this tab's list; the figures are read again. */
    afterAction(id: string, error: string | null, done: string) {
      if (error) {
        void wx.showToast({ title: error, icon: 'none' });
        void this.reloadList();
        return;
      }
      void wx.showToast({ title: done, icon: 'none' });
      const items = this.data.items.filter((i) => i.id !== id);
      this.setData({ items, ...(items.length === 0 && !this.data.nextCursor ? { status: 'empty' } : {}) });
      void this.loadOverview(true);
    },
  },
});
