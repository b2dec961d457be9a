import type { SearchRequest, SearchSort } from '../../../miniprogram/contracts';
import { _, db } from '../../../server/cloud';
import { fail } from '../../../server/failure';

/** Longest keyword accepted (the payload schema enforces it too). */
export const MAX_KEYWORD_LENGTH = 30;
/** Whitespace-separated terms beyond this are ignored. */
export const MAX_TERMS = 5;

/** Every sort ends on `_id` so that offset pages neither repeat nor skip goods. */
export const SORTS: Record<SearchSort, Array<[string, 'asc' | 'desc']>> = {
  // recommended goods first, then the best sellers
  default: [['recommended', 'desc'], ['sales', 'desc'], ['_id', 'asc']],
  price_asc: [['priceFen', 'asc'], ['_id', 'asc']],
  price_desc: [['priceFen', 'desc'], ['_id', 'asc']],
  sales: [['sales', 'desc'], ['_id', 'asc']],
  newest: [['createdAt', 'desc'], ['_id', 'asc']],
};

/** Escapes every regular-expression metacharacter, so a keyword always matches literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The keyword's terms: trimmed, split on whitespace, at most {@link MAX_TERMS}. */
export function keywordTerms(keyword: string | undefined): string[] {
  return (keyword ?? '').trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
}

/**
 * The filters of a search, on top of `base` (on shelf, active shops). Each keyword term must
 * appear, case-insensitively, in the title or in one of the goods' keywords.
 */
export function searchQuery(req: SearchRequest, base: Record<string, unknown>): Record<string, unknown> {
  const q: Record<string, unknown> = { ...base };
  if (req.categoryId) q.categoryIds = req.categoryId;
  if (req.shopId) q.shopId = req.shopId;
  const { minPriceFen: min, maxPriceFen: max } = req;
  if (min !== undefined && max !== undefined && min > max) fail('INVALID_ARGUMENT', '最低价不能高于最高价');
  if (min !== undefined && max !== undefined) q.priceFen = _.gte(min).and(_.lte(max));
  else if (min !== undefined) q.priceFen = _.gte(min);
  else if (max !== undefined) q.priceFen = _.lte(max);

  const terms = keywordTerms(req.keyword);
  if (terms.length === 0) return q;
  const matches = terms.map((t) => {
    const re = db.RegExp({ regexp: escapeRegExp(t), options: 'i' });
    return _.or([{ title: re }, { keywords: re }]);
  });
  return _.and([q, ...matches]);
}
