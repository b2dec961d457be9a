import type BetterSqlite3 from 'better-sqlite3';
import type { RefundOutcome, RefundStatus, TradeState } from './trade-state';

/** One payment order, keyed like WeChat Pay by (sub-merchant, out_trade_no). Amounts in fen. */
export interface PayOrder {
  subMchId: string;
  outTradeNo: string;
  transactionId: string | null;
  prepayId: string;
  prepayCreatedAt: number;
  body: string;
  attach: string | null;
  totalFee: number;
  feeType: string;
  tradeType: string;
  spbillCreateIp: string;
  envId: string;
  functionName: string;
  /** The payer's mini-program openid: known at unifiedOrder (caller or `openid` param) or at payment. */
  payerOpenid: string | null;
  timeExpire: string | null;
  /** Canonical JSON of the parameters that must match when unifiedOrder is repeated. */
  paramsKey: string;
  state: TradeState;
  createdAt: number;
  paidAt: number | null;
  timeEnd: string | null;
  closedAt: number | null;
}

export interface PayRefund {
  subMchId: string;
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  totalFee: number;
  refundFee: number;
  refundDesc: string | null;
  envId: string | null;
  functionName: string | null;
  status: RefundStatus;
  createdAt: number;
  settledAt: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pay_orders (
  sub_mch_id TEXT NOT NULL,
  out_trade_no TEXT NOT NULL,
  transaction_id TEXT UNIQUE,
  prepay_id TEXT NOT NULL,
  prepay_created_at INTEGER NOT NULL,
  body TEXT NOT NULL,
  attach TEXT,
  total_fee INTEGER NOT NULL CHECK (total_fee > 0),
  fee_type TEXT NOT NULL,
  trade_type TEXT NOT NULL,
  spbill_create_ip TEXT NOT NULL,
  env_id TEXT NOT NULL,
  function_name TEXT NOT NULL,
  payer_openid TEXT,
  time_expire TEXT,
  params_key TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  paid_at INTEGER,
  time_end TEXT,
  closed_at INTEGER,
  PRIMARY KEY (sub_mch_id, out_trade_no)
);
CREATE INDEX IF NOT EXISTS pay_orders_out_trade_no ON pay_orders (out_trade_no);
CREATE TABLE IF NOT EXISTS pay_refunds (
  sub_mch_id TEXT NOT NULL,
  out_refund_no TEXT NOT NULL,
  out_trade_no TEXT NOT NULL,
  refund_id TEXT NOT NULL UNIQUE,
  total_fee INTEGER NOT NULL,
  refund_fee INTEGER NOT NULL CHECK (refund_fee > 0),
  refund_desc TEXT,
  env_id TEXT,
  function_name TEXT,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  settled_at INTEGER,
  PRIMARY KEY (sub_mch_id, out_refund_no)
);
CREATE INDEX IF NOT EXISTS pay_refunds_order ON pay_refunds (sub_mch_id, out_trade_no);
`;

type Row = Record<string, unknown>;

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toOrder(r: Row): PayOrder {
  return {
    subMchId: str(r.sub_mch_id),
    outTradeNo: str(r.out_trade_no),
    transactionId: strOrNull(r.transaction_id),
    prepayId: str(r.prepay_id),
    prepayCreatedAt: Number(r.prepay_created_at),
    body: str(r.body),
    attach: strOrNull(r.attach),
    totalFee: Number(r.total_fee),
    feeType: str(r.fee_type),
    tradeType: str(r.trade_type),
    spbillCreateIp: str(r.spbill_create_ip),
    envId: str(r.env_id),
    functionName: str(r.function_name),
    payerOpenid: strOrNull(r.payer_openid),
    timeExpire: strOrNull(r.time_expire),
    paramsKey: str(r.params_key),
    state: str(r.state) as TradeState,
    createdAt: Number(r.created_at),
    paidAt: numOrNull(r.paid_at),
    timeEnd: strOrNull(r.time_end),
    closedAt: numOrNull(r.closed_at),
  };
}

function toRefund(r: Row): PayRefund {
  return {
    subMchId: str(r.sub_mch_id),
    outRefundNo: str(r.out_refund_no),
    outTradeNo: str(r.out_trade_no),
    refundId: str(r.refund_id),
    totalFee: Number(r.total_fee),
    refundFee: Number(r.refund_fee),
    refundDesc: strOrNull(r.refund_desc),
    envId: strOrNull(r.env_id),
    functionName: strOrNull(r.function_name),
    status: str(r.status) as RefundStatus,
    createdAt: Number(r.created_at),
    settledAt: numOrNull(r.settled_at),
  };
}

/** Durable cloudPay state in the emulator's sqlite database (tables `pay_orders`, `pay_refunds`). */
export class PayStore {
  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(SCHEMA);
  }

  /** Runs `fn` in one sqlite transaction (better-sqlite3 is synchronous, so this is atomic). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getOrder(subMchId: string, outTradeNo: string): PayOrder | undefined {
    const r = this.db.prepare('SELECT * FROM pay_orders WHERE sub_mch_id = ? AND out_trade_no = ?').get(subMchId, outTradeNo) as Row | undefined;
    return r && toOrder(r);
  }

  getOrderByTransactionId(transactionId: string): PayOrder | undefined {
    const r = this.db.prepare('SELECT * FROM pay_orders WHERE transaction_id = ?').get(transactionId) as Row | undefined;
    return r && toOrder(r);
  }

  /** Orders with this out_trade_no under any sub-merchant (the control API may omit the merchant). */
  findOrdersByOutTradeNo(outTradeNo: string): PayOrder[] {
    return (this.db.prepare('SELECT * FROM pay_orders WHERE out_trade_no = ?').all(outTradeNo) as Row[]).map(toOrder);
  }

  listOrders(filter: { outTradeNo?: string; state?: string }, limit: number): PayOrder[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM pay_orders WHERE (@outTradeNo IS NULL OR out_trade_no = @outTradeNo) AND (@state IS NULL OR state = @state)
         ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
      )
      .all({ outTradeNo: filter.outTradeNo ?? null, state: filter.state ?? null, limit }) as Row[];
    return rows.map(toOrder);
  }

  insertOrder(o: PayOrder): void {
    this.db
      .prepare(
        `INSERT INTO pay_orders VALUES (@subMchId, @outTradeNo, @transactionId, @prepayId, @prepayCreatedAt, @body, @attach,
         @totalFee, @feeType, @tradeType, @spbillCreateIp, @envId, @functionName, @payerOpenid, @timeExpire, @paramsKey,
         @state, @createdAt, @paidAt, @timeEnd, @closedAt)`,
      )
      .run(o);
  }

  renewPrepay(o: PayOrder, prepayId: string, at: number): void {
    this.db.prepare('UPDATE pay_orders SET prepay_id = ?, prepay_created_at = ? WHERE sub_mch_id = ? AND out_trade_no = ?').run(prepayId, at, o.subMchId, o.outTradeNo);
  }

  markPaid(o: PayOrder, p: { transactionId: string; payerOpenid: string; paidAt: number; timeEnd: string }): void {
    this.db
      .prepare(`UPDATE pay_orders SET state = 'SUCCESS', transaction_id = ?, payer_openid = ?, paid_at = ?, time_end = ? WHERE sub_mch_id = ? AND out_trade_no = ? AND state = 'NOTPAY'`)
      .run(p.transactionId, p.payerOpenid, p.paidAt, p.timeEnd, o.subMchId, o.outTradeNo);
  }

  setOrderState(o: PayOrder, state: TradeState, closedAt: number | null = o.closedAt): void {
    this.db.prepare('UPDATE pay_orders SET state = ?, closed_at = ? WHERE sub_mch_id = ? AND out_trade_no = ?').run(state, closedAt, o.subMchId, o.outTradeNo);
  }

  getRefund(subMchId: string, outRefundNo: string): PayRefund | undefined {
    const r = this.db.prepare('SELECT * FROM pay_refunds WHERE sub_mch_id = ? AND out_refund_no = ?').get(subMchId, outRefundNo) as Row | undefined;
    return r && toRefund(r);
  }

  getRefundById(refundId: string): PayRefund | undefined {
    const r = this.db.prepare('SELECT * FROM pay_refunds WHERE refund_id = ?').get(refundId) as Row | undefined;
    return r && toRefund(r);
  }

  /** Refunds with this out_refund_no under any sub-merchant. */
  findRefundsByOutRefundNo(outRefundNo: string): PayRefund[] {
    return (this.db.prepare('SELECT * FROM pay_refunds WHERE out_refund_no = ?').all(outRefundNo) as Row[]).map(toRefund);
  }

  refundsOfOrder(subMchId: string, outTradeNo: string): PayRefund[] {
    const rows = this.db.prepare('SELECT * FROM pay_refunds WHERE sub_mch_id = ? AND out_trade_no = ? ORDER BY created_at, rowid').all(subMchId, outTradeNo) as Row[];
    return rows.map(toRefund);
  }

  listRefunds(filter: { outTradeNo?: string }, limit: number): PayRefund[] {
    const rows = this.db
      .prepare('SELECT * FROM pay_refunds WHERE (@outTradeNo IS NULL OR out_trade_no = @outTradeNo) ORDER BY created_at DESC, rowid DESC LIMIT @limit')
      .all({ outTradeNo: filter.outTradeNo ?? null, limit }) as Row[];
    return rows.map(toRefund);
  }

  /** Refunds still PROCESSING (resumed at start-up when refunds settle automatically). */
  processingRefunds(): PayRefund[] {
    return (this.db.prepare(`SELECT * FROM pay_refunds WHERE status = 'PROCESSING' ORDER BY created_at, rowid`).all() as Row[]).map(toRefund);
  }

  insertRefund(r: PayRefund): void {
    this.db
      .prepare(
        `INSERT INTO pay_refunds VALUES (@subMchId, @outRefundNo, @outTradeNo, @refundId, @totalFee, @refundFee, @refundDesc,
         @envId, @functionName, @status, @createdAt, @settledAt)`,
      )
      .run(r);
  }

  /** Moves a PROCESSING refund to its outcome; returns false if it was no longer PROCESSING. */
  settleRefund(r: PayRefund, status: RefundOutcome, at: number): boolean {
    const info = this.db
      .prepare(`UPDATE pay_refunds SET status = ?, settled_at = ? WHERE sub_mch_id = ? AND out_refund_no = ? AND status = 'PROCESSING'`)
      .run(status, at, r.subMchId, r.outRefundNo);
    return info.changes === 1;
  }
}
