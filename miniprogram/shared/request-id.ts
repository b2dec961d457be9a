/**
 * A client id for one checkout attempt (`order.create`'s `requestId`): made once when the checkout
 * page loads and sent again on every retry, so a retried submit returns the orders the first one
 * created instead of creating more. Unique enough per shopper: time plus 64 random bits.
 */
export function newRequestId(): string {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(36);
  return `chk-${Date.now().toString(36)}-${random()}${random()}`;
}
