import type { Clock } from '../../clock';
import type { WxApiOptions } from '../options';
import type { PayNotifier } from './pay-notifier';
import type { PayOrder, PayStore } from './pay-store';

/** What the cloudPay services share. */
export interface PayContext {
  store: PayStore;
  notifier: PayNotifier;
  clock: Clock;
  options: WxApiOptions;
  /** The emulator's environment id (`env_id` of an order may name another one). */
  env: string;
  log(event: string, detail?: Record<string, unknown>): void;
}

/** A control-API request the emulated shopper or bank cannot carry out (answered with `status`). */
export interface Refusal {
  refused: true;
  status: number;
  code: string;
  message: string;
}

export function refuse(status: number, code: string, message: string): Refusal {
  return { refused: true, status, code, message };
}

export function isRefusal(v: unknown): v is Refusal {
  return typeof v === 'object' && v !== null && (v as Refusal).refused === true;
}

/** Finds an order by out_trade_no for the control API, where the sub-merchant may be omitted. */
export function findOrderForControl(store: PayStore, outTradeNo: string, subMchId?: string): PayOrder | Refusal {
  if (subMchId !== undefined) {
    return store.getOrder(subMchId, outTradeNo) ?? refuse(404, 'ORDER_NOT_FOUND', `no order ${outTradeNo} for sub_mch_id ${subMchId}`);
  }
  const found = store.findOrdersByOutTradeNo(outTradeNo);
  if (found.length === 0) return refuse(404, 'ORDER_NOT_FOUND', `no order with out_trade_no ${outTradeNo}`);
  if (found.length > 1) return refuse(409, 'AMBIGUOUS_ORDER', `${found.length} sub-merchants have an order ${outTradeNo}; pass subMchId`);
  return found[0]!;
}
