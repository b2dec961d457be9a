import { _ } from '../../../server/cloud';
import { repo } from '../../../server/repo';

/**
 * Suspended shops are few (a platform decision, not a daily event), so lists that must page
 * correctly exclude their goods in the query with `shopId: _.nin(...)` rather than by filtering
 * a page after reading it (which would leave holes in pages).
 */
export async function suspendedShopIds(): Promise<string[]> {
  const rows = await repo.find('shops', { status: 'suspended' }, { fields: { _id: true }, limit: 1000 });
  return rows.map((s) => s._id);
}

/** The query part selecting goods a shopper can buy: on shelf, in a shop that is not suspended. */
export function onSaleQuery(suspended: string[]): Record<string, unknown> {
  return suspended.length > 0 ? { status: 'on_shelf', shopId: _.nin(suspended) } : { status: 'on_shelf' };
}
