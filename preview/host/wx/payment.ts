/**
 * `wx.requestPayment` in local mode: instead of WeChat's cashier, a "模拟支付" sheet. On confirm the
 * emulator plays the shopper paying (`POST /_emulator/pay/simulate {outTradeNo, wait: true}`, see
 * emulator/docs/wxapi.md), which delivers the payment notification to the cloud function before
 * the call resolves; on cancel it fails with `requestPayment:fail cancel`, as WeChat does.
 */
import type { OverlayState } from '../overlays';
import { asyncApi } from './async-api';

interface RequestPaymentOptions {
  package?: string;
}

interface EmulatorPayOrder {
  outTradeNo: string;
  prepayId: string;
  body: string;
  totalFee: number;
}

/** The unpaid WeChat Pay order behind a `prepay_id` (the payment id is its outTradeNo). */
async function findPayOrder(emulatorUrl: string, prepayId: string): Promise<EmulatorPayOrder> {
  const response = await fetch(`${emulatorUrl}/_emulator/pay/orders?state=NOTPAY&limit=1000`);
  if (!response.ok) throw new Error(`the emulator's pay orders answered HTTP ${response.status}`);
  const { orders } = (await response.json()) as { orders: EmulatorPayOrder[] };
  const order = orders.find((candidate) => candidate.prepayId === prepayId);
  if (!order) throw new Error(`no unpaid WeChat Pay order with prepay_id ${prepayId} in the emulator`);
  return order;
}

async function simulatePayment(emulatorUrl: string, outTradeNo: string): Promise<void> {
  const response = await fetch(`${emulatorUrl}/_emulator/pay/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outTradeNo, wait: true }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new Error(`${body.error?.code ?? response.status} ${body.error?.message ?? ''}`.trim());
  }
}

export function paymentApi(overlays: OverlayState, emulatorUrl: () => string): Record<string, unknown> {
  return {
    requestPayment: asyncApi<RequestPaymentOptions>('requestPayment', async (options) => {
      const prepayId = /prepay_id=([^&]+)/.exec(options.package ?? '')?.[1];
      if (!prepayId) throw new Error(`package must be "prepay_id=...", got "${options.package ?? ''}"`);
      const order = await findPayOrder(emulatorUrl(), prepayId);
      const confirmed = await overlays.askPayment({ outTradeNo: order.outTradeNo, totalFee: order.totalFee, description: order.body, paying: false });
      if (!confirmed) {
        overlays.updatePayment(null);
        throw new Error('cancel');
      }
      overlays.updatePayment({ paying: true });
      try {
        await simulatePayment(emulatorUrl(), order.outTradeNo);
      } finally {
        overlays.updatePayment(null);
      }
    }),
  };
}
