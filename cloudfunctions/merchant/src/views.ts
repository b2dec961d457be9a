import type { MyShop, ShopApplication, ShopRole, ShopSummary } from '../../../miniprogram/contracts';
import type { ShopApplicationDoc, ShopDoc } from '../../../server/model';
import { tempUrls } from '../../../server/private-files';

/** Callers must be the applicant or a platform admin: the view carries a temp link to the private licence. */
export async function applicationViews(docs: ShopApplicationDoc[]): Promise<ShopApplication[]> {
  const urls = await tempUrls(docs.map((d) => d.licenseFileId));
  return docs.map((d) => applicationView(d, urls.get(d.licenseFileId) ?? ''));
}

export async function applicationViewOf(d: ShopApplicationDoc): Promise<ShopApplication> {
  return (await applicationViews([d]))[0]!;
}

function applicationView(d: ShopApplicationDoc, licenseUrl: string): ShopApplication {
  const v: ShopApplication = {
    id: d._id,
    openid: d.openid,
    shopName: d.shopName,
    contactName: d.contactName,
    phone: d.phone,
    licenseFileId: d.licenseFileId,
    licenseUrl,
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
