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
  /** The lock of server/user-lock.ts: its holder's token and when its lease ends. */
  lockToken?: string;
  lockUntil?: Date;
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
  /** Shown on the shop's home page. */
  announcement?: string;
  bannerUrl?: string;
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
  rating?: GoodsRating;
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
  /** The part of `discountFen` funded by platform coupons (missing on older orders: 0). */
  platformDiscountFen?: number;
  /** Commission rate frozen when the payment succeeded (finance); missing: the default at settlement. */
  commissionBps?: number;
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
  /** When the finance timer settled the order into the shop's balance (guards settling twice). */
  settledAt?: Date;
  /** Refunds of this order already recorded in the ledger (finance). */
  ledgerRefundIds?: string[];
  /** The shop's own note on the order (shoporder.note); never shown to the shopper. */
  merchantNote?: string;
  /** What after-sale requests in progress or done hold of each line (see domain/aftersale). */
  afterSaleClaims?: AfterSaleClaimDoc[];
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
  /** When the finance sweep recorded the succeeded refund in the ledger. */
  ledgerAt?: Date;
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

/** A one-time staff invitation; `_id` is the code (see cloudfunctions/shop). */
export interface ShopInviteDoc {
  _id: string;
  shopId: string;
  role: 'staff';
  createdBy: string;
  status: 'open' | 'used';
  usedBy?: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt?: Date;
}

export interface AfterSaleClaimDoc {
  afterSaleId: string;
  lineIndex: number;
  quantity: number;
  amountFen: number;
}

export type AfterSaleStatus = 'requested' | 'awaiting_return' | 'returning' | 'refunding' | 'refunded' | 'rejected' | 'cancelled';

/** A shopper's after-sale request on lines of one order (cloudfunctions/aftersale). */
export interface AfterSaleDoc {
  _id: string;
  orderId: string;
  paymentId: string;
  shopId: string;
  openid: string;
  type: 'refund_only' | 'return_refund';
  lines: Array<{ lineIndex: number; skuId: string; goodsId?: string; title?: string; specText?: string; coverUrl?: string; quantity: number; amountFen: number }>;
  /** Shipping refunded with this request (only when it empties an unshipped order). */
  shippingFen: number;
  amountFen: number;
  reason: string;
  description: string;
  photos: string[];
  status: AfterSaleStatus;
  rejectReason?: string;
  shopNote?: string;
  returnLogistics?: { carrier: string; trackingNo: string };
  refundId?: string;
  /** Whether the stock of the lines goes back on refund (set on approval or confirmed return). */
  restocked?: boolean;
  /** Set once the stock went back (guards the put-back). */
  restockedAt?: Date;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
  refundedAt?: Date;
}

/** One immutable ledger entry (domain/ledger/ledger-entry.ts); `_id` is the entry's deterministic id. */
export interface LedgerEntryDoc {
  _id: string;
  kind: 'order_settled' | 'refund' | 'withdrawal_requested' | 'withdrawal_paid' | 'withdrawal_rejected';
  account: 'shop_available' | 'shop_withdrawing' | 'shop_paid_out' | 'platform_commission' | 'platform_subsidy' | 'shopper_refund';
  shopId: string;
  paymentId?: string;
  orderId?: string;
  refundId?: string;
  withdrawalId?: string;
  amountFen: number;
  at: Date;
}

/** A shop's balances (`_id` = shopId), kept in step with its ledger entries in one transaction. */
export interface ShopAccountDoc {
  _id: string;
  availableFen: number;
  withdrawingFen: number;
  paidOutFen: number;
  updatedAt: Date;
}

export interface WithdrawalDoc {
  _id: string;
  shopId: string;
  amountFen: number;
  status: 'requested' | 'approved' | 'paid' | 'rejected';
  requestedBy: string;
  createdAt: Date;
  updatedAt: Date;
  approvedAt?: Date;
  approvedBy?: string;
  rejectedAt?: Date;
  rejectedBy?: string;
  reason?: string;
  paidAt?: Date;
  paidBy?: string;
  reference?: string;
}

/** The commission rates (`_id` 'current'). */
export interface CommissionRatesDoc {
  _id: string;
  defaultBps: number;
  categories: Array<{ categoryId: string; bps: number }>;
  updatedAt: Date;
  updatedBy?: string;
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
  ledger_entries: LedgerEntryDoc;
  shop_accounts: ShopAccountDoc;
  withdrawals: WithdrawalDoc;
  commission_rates: CommissionRatesDoc;
  after_sales: AfterSaleDoc;
  shop_invites: ShopInviteDoc;
  favorites: FavoriteDoc;
  browse_history: BrowseHistoryDoc;
  reviews: ReviewDoc;
  timer_runs: TimerRunDoc;
}

/** The last run of one timer trigger as the function saw it (server/doctor.ts). */
export interface TimerRunDoc {
  _id: string;
  function: string;
  trigger: string;
  source: string;
  contextKeys: string[];
  at: Date;
}

export interface FavoriteDoc {
  _id: string;
  openid: string;
  goodsId: string;
  shopId: string;
  createdAt: Date;
}

export interface BrowseHistoryDoc {
  _id: string;
  openid: string;
  goodsId: string;
  viewedAt: Date;
}

export interface ReviewDoc {
  _id: string;
  orderId: string;
  lineIndex: number;
  goodsId: string;
  skuId: string;
  specText: string;
  shopId: string;
  openid: string;
  displayName: string;
  anonymous: boolean;
  stars: number;
  text: string;
  photos: string[];
  hasPhotos: boolean;
  reply?: { text: string; by: string; at: Date };
  createdAt: Date;
}

/** Review counters on a goods item (`stars[0]` counts 1-star reviews). */
export interface GoodsRating {
  count: number;
  sum: number;
  stars: [number, number, number, number, number];
  withPhotos: number;
}
