import { defineFunction } from '../../../server/handler';
import * as applications from './applications';
import * as review from './review';
import * as shopList from './shop-list';
import * as shops from './shops';

export const main = defineFunction('merchant', {
  apply: applications.apply,
  myApplication: applications.mine,
  listApplications: applications.list,
  approve: review.approve,
  reject: review.reject,
  suspendShop: shops.suspend,
  reinstateShop: shops.reinstate,
  myShops: shops.mine,
  listShops: shopList.listShops,
  shopDetail: shopList.shopDetail,
});
