/**
 * TypeScript shapes of the stored documents; database/schema/*.json is the authority (every
 * write is validated against it) and these types mirror it for the compiler.
 */
import type { OrderStatus, PaymentStatus, UserCouponStatus, CouponKind, ShopApplicationStatus, ShopRole } from '../miniprogram/contracts';

export interface AddressFields {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

export interface UserDoc {
  _id: string;
  nickname: string;
  avatarUrl: string;
  createdAt: Date;
  updatedAt: Date;
  lastSeenAt?: Date;
}

export interface AddressDoc extends AddressFields {
  _id: string;
  openid: string;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ShopDoc {
  _id: string;
  name: string;
  logoUrl: string;
  description?: string;
  ownerOpenid: string;
  status: 'active' | 'suspended';
  shipping: { feeFen: number; freeThresholdFen: number | null };
  createdAt: Date;
  updatedAt: Date;
}

export interface CategoryDoc {
  _id: string;
  name: string;
  parentId: string | null;
  level: 1 | 2 | 3;
  sort: number;
  iconUrl: string;
  status: 'active' | 'hidden';
  path: string[];
}

export interface GoodsDoc {
  _id: string;
  shopId: string;
  title: string;
  subtitle?: string;
  categoryIds: string[];
  coverUrl: string;
  images: string[];
  detailImages?: string[];
  specs: Array<{ name: string; values: string[] }>;
  priceFen: number;
  originalPriceFen?: number;
  sales: number;
  stock: number;
  status: 'on_shelf' | 'off_shelf';
  recommended?: boolean;
  keywords?: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface SkuDoc {
  _id: string;
  goodsId: string;
  shopId: string;
  specValues: Record<string, string>;
  specText: string;
  priceFen: number;
  originalPriceFen?: number;
  stock: number;
  sales: number;
  code?: string;
  lowStockThreshold?: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CartDoc {
  _id: string;
  openid: string;
  skuId: string;
  goodsId: string;
  shopId: string;
  quantity: number;
  selected: boolean;
  addedAt: Date;
  updatedAt: Date;
}

export interface OrderLineDoc {
  skuId: string;
  goodsId: string;
  title: string;
  coverUrl: string;
  specText: string;
  unitPriceFen: number;
  quantity: number;
  goodsFen: number;
  discountFen: number;
  payFen: number;
  categoryIds: string[];
}

export interface HistoryEntry {
  event: string;
  at: Date;
  by?: string;
  note?: string;
}

export interface OrderDoc {
  _id: string;
  paymentId: string;
  openid: string;
  shopId: string;
  shopName?: string;
  status: OrderStatus;
  lines: OrderLineDoc[];
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  payFen: number;
  couponIds: string[];
  address: AddressFields;
  remark: string;
  totalQuantity: number;
  createdAt: Date;
  updatedAt: Date;
  payDeadline: Date;
  paidAt?: Date;
  shippedAt?: Date;
  completedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: string;
  autoConfirmAt?: Date;
  logistics?: { carrier: string; trackingNo: string };
  refundId?: string;
  /** Set once the stock of a cancelled or closed order went back to its SKUs (guards the release). */
  stockReleasedAt?: Date;
  history: HistoryEntry[];
}

export interface PaymentDoc {
  _id: string;
  openid: string;
  requestId: string;
  orderIds: string[];
  totalFen: number;
  status: PaymentStatus;
  couponIds: string[];
  createdAt: Date;
  updatedAt: Date;
  payDeadline: Date;
  prepayAt?: Date;
  paidAt?: Date;
  closedAt?: Date;
  transactionId?: string;
  cashFen?: number;
  params?: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string };
}

export type RefundStatus = 'pending' | 'processing' | 'succeeded' | 'failed';

export interface RefundDoc {
  _id: string;
  paymentId: string;
  orderId?: string;
  openid: string;
  totalFen: number;
  amountFen: number;
  reason: 'late_payment' | 'cancel_paid' | 'after_sale';
  status: RefundStatus;
  attempts: number;
  lastError?: string;
  createdAt: Date;
  updatedAt: Date;
  succeededAt?: Date;
  wxRefundId?: string;
}

export type Issuer = { type: 'platform' } | { type: 'shop'; shopId: string };
export type CouponScope = { type: 'all' } | { type: 'categories'; categoryIds: string[] } | { type: 'goods'; goodsIds: string[] };
export type Validity = { type: 'fixed'; startAt: Date; endAt: Date } | { type: 'relative'; days: number };

export interface CouponTemplateCore {
  title: string;
  issuer: Issuer;
  kind: CouponKind;
  amountFen?: number;
  thresholdFen?: number;
  percent?: number;
  maxDiscountFen?: number;
  scope: CouponScope;
}

export interface CouponTemplateDoc extends CouponTemplateCore {
  _id: string;
  validity: Validity;
  claimWindow: { startAt: Date; endAt: Date };
  totalQuantity: number;
  perUserLimit: number;
  claimedCount: number;
  usedCount: number;
  status: 'active' | 'paused';
  createdAt: Date;
  updatedAt: Date;
}

export interface UserCouponDoc {
  _id: string;
  templateId: string;
  openid: string;
  status: UserCouponStatus;
  validFrom: Date;
  validTo: Date;
  template: CouponTemplateCore;
  claimedAt: Date;
  lockedBy: string | null;
  usedAt?: Date;
  updatedAt: Date;
}

export interface CouponClaimDoc {
  _id: string;
  templateId: string;
  openid: string;
  count: number;
  updatedAt: Date;
}

export interface BannerDoc {
  _id: string;
  title: string;
  imageUrl: string;
  link: { type: 'goods'; goodsId: string } | { type: 'category'; categoryId: string } | { type: 'search'; keyword: string } | { type: 'none' };
  sort: number;
  status: 'active' | 'hidden';
  createdAt: Date;
  updatedAt: Date;
}

/** What a WeChat user may do besides shopping (keyed by OPENID); see server/auth.ts. */
export interface RolesDoc {
  _id: string;
  platformAdmin: boolean;
  shops: Array<{ shopId: string; role: ShopRole }>;
  updatedAt: Date;
}

export interface ShopApplicationDoc {
  _id: string;
  openid: string;
  shopName: string;
  contactName: string;
  phone: string;
  licenseFileId: string;
  status: ShopApplicationStatus;
  reason?: string;
  reviewerOpenid?: string;
  shopId?: string;
  createdAt: Date;
  updatedAt: Date;
  reviewedAt?: Date;
}

export interface DocTypes {
  users: UserDoc;
  addresses: AddressDoc;
  shops: ShopDoc;
  categories: CategoryDoc;
  goods: GoodsDoc;
  skus: SkuDoc;
  carts: CartDoc;
  orders: OrderDoc;
  payments: PaymentDoc;
  refunds: RefundDoc;
  coupon_templates: CouponTemplateDoc;
  user_coupons: UserCouponDoc;
  coupon_claims: CouponClaimDoc;
  banners: BannerDoc;
  roles: RolesDoc;
  shop_applications: ShopApplicationDoc;
}
