import type BetterSqlite3 from 'better-sqlite3';

export type NotificationKind = 'payment' | 'refund';
/**
 * `pending`: the first copy has not been acknowledged yet (retrying); `duplicating`: acknowledged,
 * extra copies still to send; `delivered`: done; `exhausted`: every attempt failed.
 */
export type NotificationState = 'pending' | 'duplicating' | 'delivered' | 'exhausted';

/** One asynchronous notification to a callback function, with its retry bookkeeping. */
export interface PayNotification {
  id: number;
  kind: NotificationKind;
  subMchId: string;
  outTradeNo: string;
  outRefundNo: string | null;
  functionName: string;
  openid: string | null;
  event: Record<string, unknown>;
  duplicates: number;
  parallel: boolean;
  state: NotificationState;
  attempts: number;
  duplicatesSent: number;
  createdAt: number;
  finishedAt: number | null;
}

/** One call of the callback function (first copy attempts and extra copies alike). */
export interface PayDelivery {
  id: number;
  notificationId: number;
  kind: NotificationKind;
  outTradeNo: string;
  outRefundNo: string | null;
  functionName: string;
  /** 1-based attempt number of the first copy; 0 for extra copies. */
  attempt: number;
  /** 0 for the first copy, 1..n for the extra (duplicate) copies. */
  copy: number;
  ok: boolean;
  result: unknown;
  error: string | null;
  startedAt: number;
  durationMs: number;
}

export type NewNotification = Omit<PayNotification, 'id' | 'state' | 'attempts' | 'duplicatesSent' | 'finishedAt'>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pay_notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  sub_mch_id TEXT NOT NULL,
  out_trade_no TEXT NOT NULL,
  out_refund_no TEXT,
  function_name TEXT NOT NULL,
  openid TEXT,
  event_json TEXT NOT NULL,
  duplicates INTEGER NOT NULL,
  parallel INTEGER NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  duplicates_sent INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE TABLE IF NOT EXISTS pay_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id INTEGER NOT NULL REFERENCES pay_notifications (id),
  kind TEXT NOT NULL,
  out_trade_no TEXT NOT NULL,
  out_refund_no TEXT,
  function_name TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  copy INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  result_json TEXT,
  error TEXT,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS pay_deliveries_trade ON pay_deliveries (out_trade_no);
`;

type Row = Record<string, unknown>;

function toNotification(r: Row): PayNotification {
  return {
    id: Number(r.id),
    kind: String(r.kind) as NotificationKind,
    subMchId: String(r.sub_mch_id),
    outTradeNo: String(r.out_trade_no),
    outRefundNo: r.out_refund_no === null ? null : String(r.out_refund_no),
    functionName: String(r.function_name),
    openid: r.openid === null ? null : String(r.openid),
    event: JSON.parse(String(r.event_json)) as Record<string, unknown>,
    duplicates: Number(r.duplicates),
    parallel: Number(r.parallel) === 1,
    state: String(r.state) as NotificationState,
    attempts: Number(r.attempts),
    duplicatesSent: Number(r.duplicates_sent),
    createdAt: Number(r.created_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  };
}

function toDelivery(r: Row): PayDelivery {
  return {
    id: Number(r.id),
    notificationId: Number(r.notification_id),
    kind: String(r.kind) as NotificationKind,
    outTradeNo: String(r.out_trade_no),
    outRefundNo: r.out_refund_no === null ? null : String(r.out_refund_no),
    functionName: String(r.function_name),
    attempt: Number(r.attempt),
    copy: Number(r.copy),
    ok: Number(r.ok) === 1,
    result: r.result_json === null ? undefined : (JSON.parse(String(r.result_json)) as unknown),
    error: r.error === null ? null : String(r.error),
    startedAt: Number(r.started_at),
    durationMs: Number(r.duration_ms),
  };
}

/** Tables `pay_notifications` and `pay_deliveries`. */
export class NotificationStore {
  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(SCHEMA);
  }

  insert(n: NewNotification): number {
    const info = this.db
      .prepare(
        `INSERT INTO pay_notifications (kind, sub_mch_id, out_trade_no, out_refund_no, function_name, openid, event_json, duplicates, parallel, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
      )
      .run(n.kind, n.subMchId, n.outTradeNo, n.outRefundNo, n.functionName, n.openid, JSON.stringify(n.event), n.duplicates, n.parallel ? 1 : 0, n.createdAt);
    return Number(info.lastInsertRowid);
  }

  get(id: number): PayNotification | undefined {
    const r = this.db.prepare('SELECT * FROM pay_notifications WHERE id = ?').get(id) as Row | undefined;
    return r && toNotification(r);
  }

  unfinished(): PayNotification[] {
    return (this.db.prepare(`SELECT * FROM pay_notifications WHERE state IN ('pending', 'duplicating') ORDER BY id`).all() as Row[]).map(toNotification);
  }

  list(filter: { outTradeNo?: string; outRefundNo?: string; kind?: string }, limit: number): PayNotification[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM pay_notifications WHERE (@outTradeNo IS NULL OR out_trade_no = @outTradeNo)
         AND (@outRefundNo IS NULL OR out_refund_no = @outRefundNo) AND (@kind IS NULL OR kind = @kind) ORDER BY id LIMIT @limit`,
      )
      .all({ outTradeNo: filter.outTradeNo ?? null, outRefundNo: filter.outRefundNo ?? null, kind: filter.kind ?? null, limit }) as Row[];
    return rows.map(toNotification);
  }

  setProgress(id: number, p: { state: NotificationState; attempts?: number; duplicatesSent?: number; finishedAt?: number | null }): void {
    this.db
      .prepare(
        `UPDATE pay_notifications SET state = @state, attempts = COALESCE(@attempts, attempts),
         duplicates_sent = COALESCE(@duplicatesSent, duplicates_sent), finished_at = COALESCE(@finishedAt, finished_at) WHERE id = @id`,
      )
      .run({ id, state: p.state, attempts: p.attempts ?? null, duplicatesSent: p.duplicatesSent ?? null, finishedAt: p.finishedAt ?? null });
  }

  addDelivery(d: Omit<PayDelivery, 'id'>): void {
    const resultJson = d.result === undefined ? null : JSON.stringify(d.result).slice(0, 4000);
    this.db
      .prepare(
        `INSERT INTO pay_deliveries (notification_id, kind, out_trade_no, out_refund_no, function_name, attempt, copy, ok, result_json, error, started_at, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.notificationId, d.kind, d.outTradeNo, d.outRefundNo, d.functionName, d.attempt, d.copy, d.ok ? 1 : 0, safeJson(resultJson), d.error, d.startedAt, d.durationMs);
  }

  deliveries(filter: { outTradeNo?: string; outRefundNo?: string; kind?: string; notificationId?: number }, limit: number): PayDelivery[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM pay_deliveries WHERE (@outTradeNo IS NULL OR out_trade_no = @outTradeNo) AND (@outRefundNo IS NULL OR out_refund_no = @outRefundNo)
         AND (@kind IS NULL OR kind = @kind) AND (@notificationId IS NULL OR notification_id = @notificationId) ORDER BY id LIMIT @limit`,
      )
      .all({
        outTradeNo: filter.outTradeNo ?? null,
        outRefundNo: filter.outRefundNo ?? null,
        kind: filter.kind ?? null,
        notificationId: filter.notificationId ?? null,
        limit,
      }) as Row[];
    return rows.map(toDelivery);
  }
}

/** A result cut at 4000 characters is no longer JSON; keep it readable as a JSON string instead. */
function safeJson(text: string | null): string | null {
  if (text === null) return null;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return JSON.stringify(text);
  }
}
