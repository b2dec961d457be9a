import type { AdminBanner, BannerLink, SaveBannerInput } from '../../../services/contracts';

export type LinkType = BannerLink['type'];

export const LINK_TYPES: Array<{ value: LinkType; label: string; placeholder: string }> = [
  { value: 'none', label: '不跳转', placeholder: '' },
  { value: 'goods', label: '商品详情', placeholder: '商品 ID' },
  { value: 'category', label: '商品分类', placeholder: '分类 ID' },
  { value: 'search', label: '搜索结果', placeholder: '搜索关键词' },
];

export function linkText(link: BannerLink): string {
  switch (link.type) {
    case 'goods':
      return `商品 ${link.goodsId}`;
    case 'category':
      return `分类 ${link.categoryId}`;
    case 'search':
      return `搜索「${link.keyword}」`;
    default:
      return '不跳转';
  }
}

export interface BannerRow {
  id: string;
  title: string;
  imageUrl: string;
  hidden: boolean;
  meta: string;
}

export function bannerRow(b: AdminBanner): BannerRow {
  return { id: b.id, title: b.title, imageUrl: b.imageUrl, hidden: b.status === 'hidden', meta: `${linkText(b.link)} · 排序 ${b.sort}` };
}

export interface BannerForm {
  id: string;
  title: string;
  imageUrl: string;
  linkIndex: number;
  linkValue: string;
  sort: string;
  active: boolean;
}

export const EMPTY_BANNER_FORM: BannerForm = { id: '', title: '', imageUrl: '', linkIndex: 0, linkValue: '', sort: '0', active: true };

export function formOf(b: AdminBanner): BannerForm {
  const link = b.link;
  const linkValue = link.type === 'goods' ? link.goodsId : link.type === 'category' ? link.categoryId : link.type === 'search' ? link.keyword : '';
  return { id: b.id, title: b.title, imageUrl: b.imageUrl, linkIndex: Math.max(0, LINK_TYPES.findIndex((t) => t.value === link.type)), linkValue, sort: String(b.sort), active: b.status === 'active' };
}

/** The input to save, or the problem to show. */
export function toBannerInput(form: BannerForm): { input: SaveBannerInput } | { problem: string } {
  const title = form.title.trim();
  if (!title) return { problem: '请填写标题' };
  if (!form.imageUrl) return { problem: '请上传图片' };
  const sortText = form.sort.trim() || '0';
  if (!/^-?\d{1,4}$/.test(sortText)) return { problem: '排序请填写 -9999 到 9999 的整数' };
  const type = LINK_TYPES[form.linkIndex]?.value ?? 'none';
  const value = form.linkValue.trim();
  if (type !== 'none' && !value) return { problem: `请填写${LINK_TYPES[form.linkIndex]!.placeholder}` };
  const link: BannerLink = type === 'goods' ? { type, goodsId: value } : type === 'category' ? { type, categoryId: value } : type === 'search' ? { type, keyword: value } : { type: 'none' };
  return { input: { ...(form.id ? { id: form.id } : {}), title, imageUrl: form.imageUrl, link, sort: Number(sortText), status: form.active ? 'active' : 'hidden' } };
}
