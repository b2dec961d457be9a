/**
 * A shop's home page header: name, logo, announcement, banner and how much it sells. Its goods come
 * from `search` with `shopId`. A suspended shop is NOT_FOUND here (店铺已暂停营业), as its goods are
 * gone from every list while it is suspended.
 */
import type { ShopHome } from '../../../miniprogram/contracts';
import { fail, notFound } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import { repo } from '../../../server/repo';

/** Far above a small shop's range; the header sums sales over at most this many goods. */
const MAX_GOODS = 1000;

export const shop: ActionDef<{ shopId: string }, ShopHome> = {
  input: obj({ shopId: id }, ['shopId']),
  async run(input) {
    const doc = (await repo.get('shops', input.shopId)) ?? notFound('店铺');
    if (doc.status !== 'active') fail('NOT_FOUND', '店铺已暂停营业');
    const goods = await repo.find('goods', { shopId: doc._id, status: 'on_shelf' }, { fields: { sales: true }, limit: MAX_GOODS });
    return {
      id: doc._id,
      name: doc.name,
      logoUrl: doc.logoUrl,
      description: doc.description ?? '',
      announcement: doc.announcement ?? '',
      bannerUrl: doc.bannerUrl ?? '',
      goodsCount: goods.length,
      sales: goods.reduce((sum, g) => sum + (g.sales ?? 0), 0),
    };
  },
};
