import type { Banner, CategorySummary, GoodsCard, HomeFeed } from '../../../miniprogram/contracts';
import type { ActionDef } from '../../../server/handler';
import { empty } from '../../../server/input';
import type { BannerDoc, CategoryDoc, GoodsDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { toGoodsCards } from './goods-cards';

/** Goods per home list. */
export const HOME_LIST_SIZE = 10;
export const HOME_MAX_BANNERS = 10;
export const HOME_MAX_CATEGORIES = 20;

const banner = (b: BannerDoc): Banner => ({ id: b._id, imageUrl: b.imageUrl, title: b.title, link: b.link });
export const categorySummary = (c: CategoryDoc): CategorySummary => ({ id: c._id, name: c.name, iconUrl: c.iconUrl });

/**
 * Reads twice the goods a list shows, so that dropping goods of suspended shops (known only once
 * the shops are read for their names) still leaves a full list; the home screen does not page.
 */
function topGoods(query: Record<string, unknown>): Promise<GoodsDoc[]> {
  return repo.find('goods', { status: 'on_shelf', ...query }, { orderBy: [['sales', 'desc'], ['_id', 'asc']], limit: HOME_LIST_SIZE * 2 });
}

/**
 * The whole home screen in one call: two rounds of parallel reads (banners, top categories and
 * both goods lists; then shops and stock for every card at once).
 */
export const home: ActionDef<Record<string, never>, HomeFeed> = {
  input: empty,
  async run() {
    const [banners, categories, recommended, hot] = await Promise.all([
      repo.find('banners', { status: 'active' }, { orderBy: [['sort', 'asc'], ['_id', 'asc']], limit: HOME_MAX_BANNERS }),
      repo.find('categories', { parentId: null, status: 'active' }, { orderBy: [['sort', 'asc'], ['_id', 'asc']], limit: HOME_MAX_CATEGORIES }),
      topGoods({ recommended: true }),
      topGoods({}),
    ]);
    const all = new Map([...recommended, ...hot].map((g) => [g._id, g]));
    const { cards, shops } = await toGoodsCards([...all.values()]);
    const byId = new Map(cards.map((c) => [c.id, c]));
    const shown = (list: GoodsDoc[]): GoodsCard[] =>
      list
        .filter((g) => shops.get(g.shopId)?.status === 'active')
        .slice(0, HOME_LIST_SIZE)
        .map((g) => byId.get(g._id)!);
    return { banners: banners.map(banner), categories: categories.map(categorySummary), recommended: shown(recommended), hot: shown(hot) };
  },
};
