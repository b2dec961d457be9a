/** After-sale requests as the shopper and the shop see them (times in ms), with what each may do now. */
import type { AfterSaleView } from '../../../miniprogram/contracts';
import { afterSaleMachine } from '../../../domain';
import type { AfterSaleDoc, RefundDoc } from '../../../server/model';
import { tempUrls } from '../../../server/private-files';

export type Viewer = 'shopper' | 'shop';

function actionsFor(a: AfterSaleDoc, viewer: Viewer): AfterSaleView['actions'] {
  const can = (e: Parameters<typeof afterSaleMachine.can>[1]) => afterSaleMachine.can(a.status, e);
  if (viewer === 'shopper') return [...(can('cancel') ? (['cancel'] as const) : []), ...(can('submitReturn') ? (['submitReturn'] as const) : [])];
  return [...(can('approveRefund') ? (['approve', 'reject'] as const) : []), ...(can('confirmReturn') ? (['confirmReturn'] as const) : [])];
}

/**
 * The views with their photos (private files) as temp links: call it only with views for the buyer
 * or the shop's staff, after their role checks.
 */
export async function withPhotoLinks<V extends AfterSaleView | AfterSaleView[]>(views: V): Promise<V> {
  const list: AfterSaleView[] = Array.isArray(views) ? views : [views as AfterSaleView];
  const urls = await tempUrls(list.flatMap((v) => v.photos));
  for (const v of list) v.photos = v.photos.map((id) => urls.get(id) ?? '').filter((url) => url !== '');
  return views;
}

export function afterSaleView(a: AfterSaleDoc, viewer: Viewer, refund: RefundDoc | null = null): AfterSaleView {
  const v: AfterSaleView = {
    id: a._id,
    orderId: a.orderId,
    shopId: a.shopId,
    type: a.type,
    status: a.status,
    lines: a.lines.map((l) => ({ lineIndex: l.lineIndex, skuId: l.skuId, goodsId: l.goodsId ?? '', title: l.title ?? '', specText: l.specText ?? '', coverUrl: l.coverUrl ?? '', quantity: l.quantity, amountFen: l.amountFen })),
    shippingFen: a.shippingFen,
    amountFen: a.amountFen,
    reason: a.reason,
    description: a.description,
    photos: [...a.photos],
    history: a.history.map((h) => ({ event: h.event, at: h.at.getTime(), ...(h.note ? { note: h.note } : {}) })),
    createdAt: a.createdAt.getTime(),
    updatedAt: a.updatedAt.getTime(),
    actions: actionsFor(a, viewer),
  };
  if (a.rejectReason) v.rejectReason = a.rejectReason;
  if (a.shopNote) v.shopNote = a.shopNote;
  if (a.returnLogistics) v.returnLogistics = { ...a.returnLogistics };
  if (refund) v.refund = { status: refund.status };
  return v;
}
