import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type CartView, type Result } from './contracts';

/** The caller's cart, grouped by shop, with amounts computed by the server. */
export function fetchCart(): Promise<Result<CartView>> {
  return callFunction(FUNCTIONS.cart, ACTIONS.cart.view, {});
}

export function addToCart(skuId: string, quantity: number): Promise<Result<CartView>> {
  return callFunction(FUNCTIONS.cart, ACTIONS.cart.add, { skuId, quantity });
}

export function setCartQuantity(lineId: string, quantity: number): Promise<Result<CartView>> {
  return callFunction(FUNCTIONS.cart, ACTIONS.cart.setQuantity, { lineId, quantity });
}

export function removeCartLines(lineIds: string[]): Promise<Result<CartView>> {
  return callFunction(FUNCTIONS.cart, ACTIONS.cart.remove, { lineIds });
}

/** Selects or clears lines; `'all'` means every line of the cart. */
export function selectCartLines(lineIds: string[] | 'all', selected: boolean): Promise<Result<CartView>> {
  return callFunction(FUNCTIONS.cart, ACTIONS.cart.select, { lineIds, selected });
}
