/** Order lines and cards as the order pages show them. */
import type { OrderLine, OrderSummary } from '../contracts';
import { formatFen } from '../services/format';
import { ORDER_STATUS_TEXT } from './order-text';

export interface OrderLineView {
  key: string;
  goodsId: string;
  title: string;
  coverUrl: string;
  specText: string;
  priceText: string;
  quantity: number;
}

export interface OrderCardView {
  id: string;
  shopName: string;
  status: OrderSummary['status'];
  statusText: string;
  lines: OrderLineView[];
  totalQuantity: number;
  payText: string;
}

export function toOrderLineView(line: OrderLine, index: number): OrderLineView {
  return {
    key: `${line.skuId}-${index}`,
    goodsId: line.goodsId,
    title: line.title,
    coverUrl: line.coverUrl,
    specText: line.specText,
    priceText: formatFen(line.unitPriceFen),
    quantity: line.quantity,
  };
}

/** A card shows at most this many lines; the count covers the rest. */
const CARD_LINES = 3;

export function toOrderCardView(order: OrderSummary): OrderCardView {
  return {
    id: order.id,
    shopName: order.shopName,
    status: order.status,
    statusText: ORDER_STATUS_TEXT[order.status],
    lines: order.lines.slice(0, CARD_LINES).map(toOrderLineView),
    totalQuantity: order.totalQuantity,
    payText: formatFen(order.payFen),
  };
}
