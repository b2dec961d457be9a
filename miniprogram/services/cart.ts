import { callFunction } from './cloud';
import { CART_ACTIONS, FUNCTIONS, type CartView, type Result } from './contracts';

/** The caller's cart with amounts computed by the server. */
export function fetchCart(): Promise<Result<CartView>> {
  return callFunction(FUNCTIONS.cart, CART_ACTIONS.view, {});
}
