import type { ShopBalanceView } from '../../../services/contracts';
import { fetchShopBalance, fetchShopWithdrawals, fetchStatements, requestWithdrawal } from '../../../services/finance';
import { formatYuan, parseYuanToFen } from '../../../services/format';
import type { DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { balanceCards, FINANCE_TABS, type FinanceRow, type FinanceTab, isFinanceTab, statementRow, withdrawalRow, type BalanceCards } from './view-model';

const EMPTY_TEXT: Record<FinanceTab, string> = { statements: '还没有账单明细', withdrawals: '还没有提现记录' };

Component({
  data: {
    ...initialListState<FinanceRow>(),
    shopId: '',
    pageStatus: 'loading' as PageStatus,
    pageError: '',
    cards: null as BalanceCards | null,
    availableFen: 0,
    canWithdraw: false,
    tabs: FINANCE_TABS,
    activeTab: 'statements' as FinanceTab,
    emptyText: EMPTY_TEXT.statements,
    dialogVisible: false,
    amountText: '',
    submitting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ shopId: query.shopId ?? '' });
      void this.loadAll();
    },

    onPullDownRefresh() {
      void Promise.all([this.loadBalance(true), loadFirstPage(this, this.pageFetcher(), this.toRow(), 'refresh')]).then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), this.toRow());
    },

    onRetry() {
      if (this.data.pageStatus !== 'ready') void this.loadAll();
      else void this.reloadList();
    },

    async loadAll(): Promise<void> {
      this.setData({ pageStatus: 'loading', pageError: '' });
      if (await this.loadBalance(false)) await this.reloadList();
    },

    /** Loads the balance cards; a refresh keeps the old ones on failure and says why. */
    async loadBalance(keepOnScreen: boolean): Promise<boolean> {
      const result = await fetchShopBalance(this.data.shopId);
      if (!result.ok) {
        if (keepOnScreen && this.data.pageStatus === 'ready') void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ pageStatus: 'error', pageError: result.error.message });
        return false;
      }
      this.showBalance(result.data);
      return true;
    },

    showBalance(balance: ShopBalanceView) {
      this.setData({ pageStatus: 'ready', cards: balanceCards(balance), availableFen: balance.availableFen, canWithdraw: balance.canWithdraw });
    },

    reloadList(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), this.toRow());
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const { value } = event.detail;
      if (!isFinanceTab(value) || value === this.data.activeTab) return;
      this.setData({ activeTab: value, emptyText: EMPTY_TEXT[value] });
      void this.reloadList();
    },

    pageFetcher(): FetchPage<never> {
      const { shopId, activeTab } = this.data;
      return ((cursor: string | null) => (activeTab === 'statements' ? fetchStatements(shopId, cursor, PAGE_SIZE) : fetchShopWithdrawals(shopId, cursor, PAGE_SIZE))) as FetchPage<never>;
    },

    toRow(): (item: never) => FinanceRow {
      return (this.data.activeTab === 'statements' ? statementRow : withdrawalRow) as (item: never) => FinanceRow;
    },

    onOpenWithdraw() {
      if (this.data.availableFen <= 0) {
        void wx.showToast({ title: '暂无可提现余额', icon: 'none' });
        return;
      }
      this.setData({ dialogVisible: true, amountText: '' });
    },

    onAmountInput(event: DetailEvent<{ value: string }>) {
      this.setData({ amountText: event.detail.value });
    },

    onWithdrawAll() {
      this.setData({ amountText: formatYuan(Math.max(0, this.data.availableFen)) });
    },

    onWithdrawCancel() {
      this.setData({ dialogVisible: false });
    },

    async onWithdrawConfirm(): Promise<void> {
      if (this.data.submitting) return;
      const amountFen = parseYuanToFen(this.data.amountText);
      if (amountFen === null || amountFen < 1) {
        void wx.showToast({ title: '请输入正确的金额', icon: 'none' });
        return;
      }
      if (amountFen > this.data.availableFen) {
        void wx.showToast({ title: '超出可提现余额', icon: 'none' });
        return;
      }
      this.setData({ submitting: true });
      const result = await requestWithdrawal(this.data.shopId, amountFen);
      this.setData({ submitting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        if (result.error.code === 'INSUFFICIENT_BALANCE') void this.loadBalance(true);
        return;
      }
      this.setData({ dialogVisible: false, amountText: '' });
      this.showBalance(result.data.balance);
      void wx.showToast({ title: '已提交，等待平台审核', icon: 'none' });
      void this.reloadList();
    },
  },
});
