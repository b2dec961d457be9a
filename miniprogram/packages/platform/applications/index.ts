import type { ShopApplication, ShopApplicationStatus } from '../../../services/contracts';
import { approveApplication, fetchApplications, rejectApplication } from '../../../services/merchant';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { APPLICATION_TABS, applicationRow, type ApplicationRow, EMPTY_TEXT, isApplicationStatus } from './view-model';

const REASON_MAX = 200;

Component({
  data: {
    ...initialListState<ApplicationRow>(),
    tabs: APPLICATION_TABS,
    activeTab: 'pending' as ShopApplicationStatus,
    emptyText: EMPTY_TEXT.pending,
    busyId: '',
    rejectVisible: false,
    rejectId: '',
    rejectReason: '',
    reasonMax: REASON_MAX,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (isApplicationStatus(query.status)) this.setData({ activeTab: query.status, emptyText: EMPTY_TEXT[query.status] });
      void this.reload();
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.fetcher(), applicationRow, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.fetcher(), applicationRow);
    },

    onRetry() {
      void this.reload();
    },

    reload(): Promise<void> {
      return loadFirstPage(this, this.fetcher(), applicationRow);
    },

    fetcher(): FetchPage<ShopApplication> {
      const status = this.data.activeTab;
      return (cursor) => fetchApplications(status, cursor, PAGE_SIZE);
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const { value } = event.detail;
      if (!isApplicationStatus(value) || value === this.data.activeTab) return;
      this.setData({ activeTab: value, emptyText: EMPTY_TEXT[value] });
      void this.reload();
    },

    onPreviewLicense(event: DatasetEvent<{ url?: string }>) {
      const { url } = event.currentTarget.dataset;
      if (url) void wx.previewImage({ urls: [url], current: url });
    },

    async onApprove(event: DatasetEvent<{ id?: string; name?: string }>): Promise<void> {
      const { id, name } = event.currentTarget.dataset;
      if (!id || this.data.busyId) return;
      const { confirm } = await wx.showModal({ title: '通过开店申请', content: `确认为「${name ?? ''}」开通店铺？申请人将成为店主。`, confirmText: '通过' });
      if (!confirm) return;
      this.setData({ busyId: id });
      const result = await approveApplication(id);
      this.setData({ busyId: '' });
      this.afterReview(id, result.ok ? null : result.error.message, '已通过，店铺已开通');
    },

    onAskReject(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) this.setData({ rejectVisible: true, rejectId: id, rejectReason: '' });
    },

    onReasonInput(event: DetailEvent<{ value: string }>) {
      this.setData({ rejectReason: event.detail.value });
    },

    onRejectCancel() {
      this.setData({ rejectVisible: false, rejectId: '' });
    },

    async onRejectConfirm(): Promise<void> {
      const { rejectId, busyId } = this.data;
      const reason = this.data.rejectReason.trim();
      if (!rejectId || busyId) return;
      if (!reason) {
        void wx.showToast({ title: '请填写驳回原因', icon: 'none' });
        return;
      }
      this.setData({ busyId: rejectId });
      const result = await rejectApplication(rejectId, reason);
      this.setData({ busyId: '', rejectVisible: false, rejectId: '' });
      this.afterReview(rejectId, result.ok ? null : result.error.message, '已驳回');
    },

    /** A reviewed application leaves the pending list; a refusal reloads it (someone else may have reviewed it). */
    afterReview(id: string, error: string | null, done: string) {
      if (error) {
        void wx.showToast({ title: error, icon: 'none' });
        void this.reload();
        return;
      }
      void wx.showToast({ title: done, icon: 'none' });
      const items = this.data.items.filter((i) => i.id !== id);
      this.setData({ items, ...(items.length === 0 && !this.data.nextCursor ? { status: 'empty' } : {}) });
    },
  },
});
