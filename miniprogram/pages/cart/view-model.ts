import type { CartLine } from '../../services/contracts';
import { formatFen } from '../../services/format';

export interface CartLineView extends CartLine {
  priceText: string;
}

export function toCartLineView(line: CartLine): CartLineView {
  return { ...line, priceText: formatFen(line.priceFen) };
}
