import type BetterSqlite3 from 'better-sqlite3';

/** A subscription message the emulator "sent" (WeChat would have pushed it to the user). */
export interface OutboxMessage {
  id: number;
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, unknown>;
  miniprogramState: string;
  lang: string;
  sentAt: number;
}

/** How many more messages of a template a user accepted to receive (one per acceptance). */
export interface SubscriptionCredit {
  openid: string;
  templateId: string;
  credits: number;
  updatedAt: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS openapi_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  touser TEXT NOT NULL,
  template_id TEXT NOT NULL,
  page TEXT,
  data_json TEXT NOT NULL,
  miniprogram_state TEXT NOT NULL,
  lang TEXT NOT NULL,
  sent_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS openapi_outbox_touser ON openapi_outbox (touser);
CREATE TABLE IF NOT EXISTS openapi_subscriptions (
  openid TEXT NOT NULL,
  template_id TEXT NOT NULL,
  credits INTEGER NOT NULL CHECK (credits >= 0),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (openid, template_id)
);
`;

type Row = Record<string, unknown>;

function toMessage(r: Row): OutboxMessage {
  return {
    id: Number(r.id),
    touser: String(r.touser),
    templateId: String(r.template_id),
    page: r.page === null ? null : String(r.page),
    data: JSON.parse(String(r.data_json)) as Record<string, unknown>,
    miniprogramState: String(r.miniprogram_state),
    lang: String(r.lang),
    sentAt: Number(r.sent_at),
  };
}

function toCredit(r: Row): SubscriptionCredit {
  return { openid: String(r.openid), templateId: String(r.template_id), credits: Number(r.credits), updatedAt: Number(r.updated_at) };
}

/** Tables `openapi_outbox` and `openapi_subscriptions`. */
export class OpenApiStore {
  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(SCHEMA);
  }

  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Takes one credit; false when the user has none left for this template. */
  consumeCredit(openid: string, templateId: string, at: number): boolean {
    const info = this.db
      .prepare('UPDATE openapi_subscriptions SET credits = credits - 1, updated_at = ? WHERE openid = ? AND template_id = ? AND credits > 0')
      .run(at, openid, templateId);
    return info.changes === 1;
  }

  grantCredits(openid: string, templateId: string, count: number, at: number): SubscriptionCredit {
    this.db
      .prepare(
        `INSERT INTO openapi_subscriptions (openid, template_id, credits, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (openid, template_id) DO UPDATE SET credits = credits + excluded.credits, updated_at = excluded.updated_at`,
      )
      .run(openid, templateId, count, at);
    return toCredit(this.db.prepare('SELECT * FROM openapi_subscriptions WHERE openid = ? AND template_id = ?').get(openid, templateId) as Row);
  }

  credits(openid: string | undefined): SubscriptionCredit[] {
    const rows = this.db.prepare('SELECT * FROM openapi_subscriptions WHERE (@openid IS NULL OR openid = @openid) ORDER BY openid, template_id').all({ openid: openid ?? null }) as Row[];
    return rows.map(toCredit);
  }

  appendOutbox(m: Omit<OutboxMessage, 'id'>): number {
    const info = this.db
      .prepare('INSERT INTO openapi_outbox (touser, template_id, page, data_json, miniprogram_state, lang, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(m.touser, m.templateId, m.page, JSON.stringify(m.data), m.miniprogramState, m.lang, m.sentAt);
    return Number(info.lastInsertRowid);
  }

  outbox(filter: { touser?: string; templateId?: string }, limit: number): OutboxMessage[] {
    const rows = this.db
      .prepare('SELECT * FROM openapi_outbox WHERE (@touser IS NULL OR touser = @touser) AND (@templateId IS NULL OR template_id = @templateId) ORDER BY id LIMIT @limit')
      .all({ touser: filter.touser ?? null, templateId: filter.templateId ?? null, limit }) as Row[];
    return rows.map(toMessage);
  }
}
