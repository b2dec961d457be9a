import type { Banner, GoodsCard, HomeFeed } from '../../services/contracts';
import { formatFen } from '../../services/format';

export interface BannerSlide {
  value: string;
  ariaLabel: string;
}

export interface GoodsCardView extends GoodsCard {
  priceText: string;
  originalPriceText: string;
}

export function toBannerSlides(banners: Banner[]): BannerSlide[] {
  return banners.map((banner) => ({ value: banner.imageUrl, ariaLabel: banner.title }));
}

export function toGoodsCardView(goods: GoodsCard): GoodsCardView {
  const original = goods.originalPriceFen;
  return {
    ...goods,
    priceText: formatFen(goods.priceFen),
    originalPriceText: original !== undefined && original > goods.priceFen ? formatFen(original) : '',
  };
}

/** A feed with nothing at all to show renders the empty state. */
export function isEmptyFeed(feed: HomeFeed): boolean {
  return feed.banners.length === 0 && feed.categories.length === 0 && feed.goods.length === 0;
}
