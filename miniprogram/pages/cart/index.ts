import { fetchCart } from '../../services/cart';
import { formatFen } from '../../services/format';
import type { PageStatus } from '../../shared/page-status';
import { toCartLineView, type CartLineView } from './view-model';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    lines: [] as CartLineView[],
    totalText: '',
  },

  methods: {
    /** A tab page stays alive: reload on every show, the cart may have changed elsewhere. */
    onShow() {
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onGoShopping() {
      void wx.switchTab({ url: '/pages/home/index' });
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading' });
      const result = await fetchCart();
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const { lines, totalFen } = result.data;
      this.setData({
        status: lines.length ? 'ready' : 'empty',
        errorMessage: '',
        lines: lines.map(toCartLineView),
        totalText: formatFen(totalFen),
      });
    },
  },
});
