/** A goods item in 我的收藏 / 浏览记录 as the pages show it. */
import type { KeptGoods, KeptGoodsState } from '../contracts';
import { formatFen } from '../services/format';
import { formatDateTime } from './time-text';

export interface KeptGoodsView {
  id: string;
  title: string;
  coverUrl: string;
  shopName: string;
  priceText: string;
  /** Why it cannot be bought; empty when it can. */
  stateText: string;
  timeText: string;
  /** Tapping opens the goods page (not for removed goods). */
  openable: boolean;
}

const STATE_TEXT: Record<KeptGoodsState, string> = { on_sale: '', sold_out: '已售罄', off_shelf: '已下架', removed: '已删除', shop_closed: '店铺已暂停营业' };

export function toKeptGoodsView(g: KeptGoods): KeptGoodsView {
  return {
    id: g.goodsId,
    title: g.title,
    coverUrl: g.coverUrl,
    shopName: g.shopName,
    priceText: g.state === 'removed' ? '' : formatFen(g.priceFen),
    stateText: STATE_TEXT[g.state],
    timeText: formatDateTime(g.at),
    openable: g.state !== 'removed',
  };
}
