import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';

/**
 * The audit log (BIO 8.15.01): every export, every read of restricted data, sign-ins and refusals — who, what,
 * which object, the result, the origin and when. Append-only: the `audit_log` table has triggers that abort
 * any UPDATE or DELETE, and each entry carries the SHA-256 of the previous one, so a row removed or changed
 * behind the product's back (e.g. with the triggers dropped) breaks the chain that `verify()` checks.
 */
export const AUDIT_ACTIONS = [
  'sign-in', 'sign-out', 'token.issue', 'token.revoke', 'user.change', 'signals.read', 'acquisition.read', 'export', 'audit.read', 'access.denied',
  // Batch plans (server/plans): saving a plan, a re-plan, a dwelling's status change.
  'plan.create', 'plan.replan', 'plan.status',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditInput {
  /** User, token or local account name; 'anonymous' when nobody signed in. */
  actor: string;
  role: string | null;
  via: 'session' | 'token' | 'cli' | 'anonymous';
  action: AuditAction;
  /** What was touched, e.g. `GET /api/signals?buurt=BU16740202` or `acquisition:csv`. */
  object: string;
  result: AuditResult;
  /** Where the request came from: socket address and user agent, or `cli@host`. */
  origin: string;
  /** Small facts (row count, format, purpose, dataset); never restricted values. */
  detail?: Record<string, string | number | boolean | null>;
}

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string().describe('ISO 8601, UTC'),
  actor: z.string(),
  role: z.string().nullable(),
  via: z.enum(['session', 'token', 'cli', 'anonymous']),
  action: z.enum(AUDIT_ACTIONS),
  object: z.string(),
  result: z.enum(AUDIT_RESULTS),
  origin: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  hash: z.string(),
}).meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

interface Row {
  seq: number; at: string; actor: string; role: string | null; via: string; action: string; object: string;
  result: string; origin: string; detail: string; prev_hash: string; hash: string;
}

const GENESIS = '0'.repeat(64);
const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function entryHash(prev: string, r: Omit<Row, 'seq' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([prev, r.at, r.actor, r.role, r.via, r.action, r.object, r.result, r.origin, r.detail]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AuditLog {
  private readonly appendTx: (r: Omit<Row, 'seq' | 'prev_hash' | 'hash'>) => Row;

  constructor(private readonly db: Database.Database, private readonly now: () => number = Date.now) {
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck();
    const insert = db.prepare('INSERT INTO audit_log (at, actor, role, via, action, object, result, origin, detail, prev_hash, hash) VALUES (@at, @actor, @role, @via, @action, @object, @result, @origin, @detail, @prev_hash, @hash)');
    const tx = db.transaction((r: Omit<Row, 'seq' | 'prev_hash' | 'hash'>): Row => {
      const prev = (last.get() as string | undefined) ?? GENESIS;
      const full = { ...r, prev_hash: prev, hash: entryHash(prev, r) };
      const info = insert.run(full);
      return { ...full, seq: Number(info.lastInsertRowid) };
    });
    // IMMEDIATE: the server and a CLI export may append at the same time; the chain needs the true last hash.
    this.appendTx = (r) => tx.immediate(r);
  }

  /** Appends one entry (synchronously committed); returns it as stored. */
  append(e: AuditInput): AuditEntry {
    const row = this.appendTx({
      at: new Date(this.now()).toISOString(), actor: cap(e.actor, 120), role: e.role, via: e.via, action: e.action,
      object: cap(e.object, 300), result: e.result, origin: cap(e.origin, 300), detail: JSON.stringify(e.detail ?? {}),
    });
    return toEntry(row);
  }

  /** Newest first; `before` pages by sequence number. */
  list(q: { limit: number; before?: number; action?: AuditAction; actor?: string }): AuditEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.before !== undefined) { where.push('seq < ?'); args.push(q.before); }
    if (q.action !== undefined) { where.push('action = ?'); args.push(q.action); }
    if (q.actor !== undefined) { where.push('actor = ?'); args.push(q.actor); }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as Row[]).map(toEntry);
  }

  /** Recomputes the hash chain; the first broken sequence number, or null when intact. */
  verify(): { ok: true; entries: number } | { ok: false; brokenAt: number } {
    let prev = GENESIS;
    let n = 0;
    for (const r of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
      if (r.prev_hash !== prev || entryHash(prev, r) !== r.hash) return { ok: false, brokenAt: r.seq };
      prev = r.hash;
      n++;
    }
    return { ok: true, entries: n };
  }
}

function toEntry(r: Row): AuditEntry {
  return {
    seq: r.seq, at: r.at, actor: r.actor, role: r.role, via: r.via as AuditEntry['via'], action: r.action as AuditAction,
    object: r.object, result: r.result as AuditResult, origin: r.origin, detail: JSON.parse(r.detail) as AuditEntry['detail'], hash: r.hash,
  };
}
