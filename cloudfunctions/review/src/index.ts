import { defineFunction } from '../../../server/handler';
import { reply, shopList } from './shop';
import { create, listForGoods, mineForOrder, summary } from './shopper';

export const main = defineFunction('review', { create, mineForOrder, listForGoods, summary, shopList, reply });
