/**
 * `wx.switchTab` cannot carry a query, so a page that opens the category tab on a given
 * category leaves its id here and the category tab takes it on show. Module state is shared by
 * all pages of the running mini-program.
 */
let pendingCategoryId: string | null = null;

export function openCategoryTab(categoryId: string): void {
  pendingCategoryId = categoryId;
  void wx.switchTab({ url: '/pages/category/index' });
}

/** Returns the id left by {@link openCategoryTab} once, then forgets it. */
export function takePendingCategoryId(): string | null {
  const id = pendingCategoryId;
  pendingCategoryId = null;
  return id;
}
