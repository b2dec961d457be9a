import type { Banner, HomeFeed } from '../../services/contracts';
import { ROUTES } from '../../shared/routes';

export interface BannerSlide {
  value: string;
  ariaLabel: string;
}

export function toBannerSlides(banners: Banner[]): BannerSlide[] {
  return banners.map((banner) => ({ value: banner.imageUrl, ariaLabel: banner.title }));
}

/** Where a banner leads, as a page URL; null for a banner that leads nowhere. */
export function bannerTarget(link: Banner['link']): string | null {
  switch (link.type) {
    case 'goods':
      return ROUTES.goodsDetail(link.goodsId);
    case 'category':
      return ROUTES.search({ categoryId: link.categoryId });
    case 'search':
      return ROUTES.search({ keyword: link.keyword });
    default:
      return null;
  }
}

/** A feed with nothing at all to show renders the empty state. */
export function isEmptyFeed(feed: HomeFeed): boolean {
  return feed.banners.length === 0 && feed.categories.length === 0 && feed.recommended.length === 0 && feed.hot.length === 0;
}
