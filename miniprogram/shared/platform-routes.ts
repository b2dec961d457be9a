/** URLs of the platform admin subpackage and of merchant onboarding. */
export const PLATFORM_ROUTES = {
  home: () => '/packages/platform/home/index',
  applications: () => '/packages/platform/applications/index',
  shops: () => '/packages/platform/shops/index',
  categories: () => '/packages/platform/categories/index',
  banners: () => '/packages/platform/banners/index',
  finance: () => '/packages/platform/finance/index',
  commission: () => '/packages/platform/commission/index',
  /** A shopper's application to open a shop (in the shop subpackage). */
  shopApply: () => '/packages/shop/apply/index',
} as const;
