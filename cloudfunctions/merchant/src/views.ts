import type { MyShop, ShopApplication, ShopRole, ShopSummary } from '../../../miniprogram/contracts';
import type { ShopApplicationDoc, ShopDoc } from '../../../server/model';

export function applicationView(d: ShopApplicationDoc): ShopApplication {
  const v: ShopApplication = {
    id: d._id,
    openid: d.openid,
    shopName: d.shopName,
    contactName: d.contactName,
    phone: d.phone,
    licenseFileId: d.licenseFileId,
    status: d.status,
    createdAt: d.createdAt.getTime(),
    updatedAt: d.updatedAt.getTime(),
  };
  if (d.reason !== undefined) v.reason = d.reason;
  if (d.shopId !== undefined) v.shopId = d.shopId;
  if (d.reviewerOpenid !== undefined) v.reviewerOpenid = d.reviewerOpenid;
  if (d.reviewedAt !== undefined) v.reviewedAt = d.reviewedAt.getTime();
  return v;
}

export function shopSummary(d: ShopDoc): ShopSummary {
  return { id: d._id, name: d.name, status: d.status };
}

export function myShopView(d: ShopDoc, role: ShopRole): MyShop {
  return { ...shopSummary(d), role };
}
