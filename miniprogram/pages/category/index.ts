import type { CategoryNode } from '../../services/contracts';
import { fetchCategories } from '../../services/catalog';
import { takePendingCategoryId } from '../../shared/category-intent';
import type { PageStatus } from '../../shared/page-status';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    categories: [] as CategoryNode[],
    activeId: '',
    activeChildren: [] as CategoryNode['children'],
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onShow() {
      const pendingId = takePendingCategoryId();
      if (pendingId) this.select(pendingId);
    },

    onRetry() {
      void this.load();
    },

    onSideBarChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.select(event.detail.value);
    },

    /** Selects a category; an unknown id (e.g. from before a reload) falls back to the first. */
    select(categoryId: string) {
      const { categories } = this.data;
      const active = categories.find((category) => category.id === categoryId) ?? categories[0];
      if (active) this.setData({ activeId: active.id, activeChildren: active.children });
      else this.setData({ activeId: categoryId, activeChildren: [] });
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      const result = await fetchCategories();
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const { categories } = result.data;
      this.setData({ status: categories.length ? 'ready' : 'empty', errorMessage: '', categories });
      this.select(this.data.activeId);
    },
  },
});
