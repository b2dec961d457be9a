import type { CategoryNode } from '../../services/contracts';
import { fetchCategories } from '../../services/catalog';
import { takePendingCategoryId } from '../../shared/category-intent';
import type { DatasetEvent, DetailEvent } from '../../shared/events';
import type { PageStatus } from '../../shared/page-status';
import { ROUTES } from '../../shared/routes';
import { toSections, type CategorySection } from './view-model';

type CategoryTap = DatasetEvent<{ id?: string; name?: string }>;

/** Top categories only (id and name) go to the view; the active one's children are laid out apart. */
interface TopCategory {
  id: string;
  name: string;
}

/** The full tree stays out of `data`: only what is on screen crosses to the view layer. */
const trees = new WeakMap<object, CategoryNode[]>();

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    categories: [] as TopCategory[],
    activeId: '',
    activeName: '',
    sections: [] as CategorySection[],
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

    onSideBarChange(event: DetailEvent<{ value: string }>) {
      this.select(event.detail.value);
    },

    /** Opens the search page on a category. */
    onCategoryTap(event: CategoryTap) {
      const { id, name } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: ROUTES.search({ categoryId: id, title: name ?? '' }) });
    },

    /** Selects a category; an unknown id (e.g. from before a reload) falls back to the first. */
    select(categoryId: string) {
      const tree = trees.get(this) ?? [];
      const active = tree.find((category) => category.id === categoryId) ?? tree[0];
      if (active) this.setData({ activeId: active.id, activeName: active.name, sections: toSections(active) });
      else this.setData({ activeId: categoryId, activeName: '', sections: [] });
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      const result = await fetchCategories();
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const { categories } = result.data;
      trees.set(this, categories);
      this.setData({
        status: categories.length ? 'ready' : 'empty',
        errorMessage: '',
        categories: categories.map(({ id, name }) => ({ id, name })),
      });
      this.select(this.data.activeId);
    },
  },
});
