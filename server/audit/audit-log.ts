import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { auditFiles, loadAuditKey, mac, writeAtomic } from './audit-key.ts';
import { statementCache, type Prepared } from '../statement-cache.ts';

/**
 * The audit log (BIO 8.15.01): every export, every read of restricted data, sign-ins and refusals (refusals
 * counted per actor, route and minute: server/audit/denied-tally.ts) — who, what, which object, the result, the
 * origin and when. What makes it evidence:
 * - append-only: triggers abort any UPDATE or DELETE on `audit_log` and `audit_checkpoint`;
 * - a keyed chain: each entry's hash is an HMAC-SHA256 (key in `<state dir>/audit.key`, outside the database) over
 *   the previous hash and the entry, so a row changed behind the product's back cannot be re-chained without the key;
 * - signed checkpoints: every CHECKPOINT_EVERY entries (and when the server stops or on its timer) the last sequence
 *   number and hash are recorded with an HMAC chained over the previous checkpoint, so deleting entries a
 *   checkpoint covers is detected;
 * - a signed head file (`audit.head.json`) outside the database: deleting the newest entries (truncation) leaves the
 *   head pointing past the end. By default it is rewritten after every append (CLI); a server passes `headLagMs`,
 *   and the head then follows at most that long behind the log (one write per interval instead of a synchronous
 *   write + rename per request, which cost 7 % of the event loop in the soak test), and at `close()`. Truncation of
 *   only the entries of that last interval after the last checkpoint is therefore not detected.
 * - the request path (`record`) never waits for the disk on the event loop: the server hands entries to a writer
 *   thread (server/audit/audit-writer.ts), which commits what arrived meanwhile in ONE transaction (one fsync of the
 *   write-ahead log for many requests); without one (tests, in-memory databases) entries queued within
 *   `groupCommitMs` are committed together here. Either way the caller's promise resolves after the commit, so a
 *   restricted answer is sent only once its entry is durable.
 * `verify()` checks all of it (`voorraad audit verify`); `verifyIncremental()` checks only what is new since the
 * last checkpoint, in bounded steps, for GET /api/audit. Entries written before the chain was keyed (`keyed` = 0)
 * are checked with plain SHA-256 and only as a prefix: an unkeyed entry after a keyed one is a break.
 */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  'token.issue',
  'token.revoke',
  'user.change',
  'signals.read',
  'acquisition.read',
  'export',
  'audit.read',
  'access.denied',
  // Batch plans (server/plans): saving a plan, a re-plan, a dwelling's status change.
  'plan.create',
  'plan.replan',
  'plan.status',
  // A plan read with its per-address statuses (GET /api/plans/:id): restricted, so audited like the other reads.
  'plan.read',
  // Programme monitor (server/monitor): money entries and status steps recorded in the app, the CLI or by an import.
  'monitor.money',
  'monitor.status',
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

export const AuditEntry = z
  .object({
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
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

interface Row {
  seq: number;
  at: string;
  actor: string;
  role: string | null;
  via: string;
  action: string;
  object: string;
  result: string;
  origin: string;
  detail: string;
  prev_hash: string;
  hash: string;
  keyed: number;
}

interface CheckpointRow {
  id: number;
  seq: number;
  hash: string;
  at: string;
  prev_mac: string;
  mac: string;
}

/** A signed statement "the chain had entry `seq` with hash `hash`", as stored and as exported. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
  prevMac: string;
  mac: string;
}

type RowFields = Omit<Row, 'seq' | 'prev_hash' | 'hash' | 'keyed'>;
/** An entry as it is chained and stored, before it has a sequence number (what `record` hands a writer thread). */
export type AuditFields = RowFields;

/** Commits entries elsewhere (server/audit/audit-writer.ts: a thread of its own), resolving once committed. */
export interface AuditWriter {
  commit(fields: AuditFields): Promise<AuditEntry>;
}

const GENESIS = '0'.repeat(64);
/** A signed checkpoint at least every this many entries. */
export const CHECKPOINT_EVERY = 1_000;
const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function canonical(prev: string, r: RowFields): string {
  return JSON.stringify([prev, r.at, r.actor, r.role, r.via, r.action, r.object, r.result, r.origin, r.detail]);
}

function entryHash(key: Buffer, keyed: boolean, prev: string, r: RowFields): string {
  return keyed ? mac(key, canonical(prev, r)) : createHash('sha256').update(canonical(prev, r)).digest('hex');
}

const checkpointMac = (key: Buffer, prevMac: string, seq: number, hash: string, at: string) =>
  mac(key, JSON.stringify(['checkpoint', prevMac, seq, hash, at]));
const headMac = (key: Buffer, seq: number, hash: string) => mac(key, JSON.stringify(['head', seq, hash]));

export type AuditProblem =
  | 'audit.chain.broken'
  | 'audit.chain.unkeyed-after-keyed'
  | 'audit.checkpoint.forged'
  | 'audit.checkpoint.mismatch'
  | 'audit.truncated'
  | 'audit.head.forged'
  | 'audit.head.missing';

export type VerifyResult =
  | { ok: true; entries: number; legacy: number; checkpoints: number }
  | { ok: false; brokenAt: number; code: AuditProblem; message: string };

/** The state of the incremental check GET /api/audit reports. */
export interface ChainStatus {
  intact: boolean;
  /** Entries verified so far (through this sequence number). */
  entries: number;
  brokenAt: number | null;
  /** Newer entries not yet verified (the next calls continue). */
  pending: number;
}

export interface AuditLogOptions {
  /**
   * How long the signed head file may lag behind the log (ms); 0 (default) rewrites it after every append. The server
   * uses HEAD_LAG_MS: one head write per interval, and one at close().
   */
  headLagMs?: number;
  /** How long `record` collects entries before committing them together (ms); default GROUP_COMMIT_MS. */
  groupCommitMs?: number;
}

/** The server's head lag: truncation of entries younger than this (and newer than the last checkpoint) is undetected. */
export const HEAD_LAG_MS = 1_000;
/** The request path's group-commit window: a restricted answer waits at most this long for its entry's commit. */
export const GROUP_COMMIT_MS = 5;

interface Queued {
  fields: RowFields;
  resolve: (e: AuditEntry) => void;
  reject: (err: unknown) => void;
}

export class AuditLog {
  private readonly appendTx: (r: RowFields) => Row;
  private readonly appendManyTx: (rs: readonly RowFields[]) => Row[];
  private readonly key: Buffer;
  private readonly files: { key: string; head: string } | null;
  private incremental: { seq: number; hash: string; keyedSeen: boolean; brokenAt: number | null } | null = null;
  private readonly headLagMs: number;
  private readonly groupCommitMs: number;
  /** The newest committed entry whose head is not written yet (lagged head), and the timer that writes it. */
  private headDue: { seq: number; hash: string } | null = null;
  private headTimer: NodeJS.Timeout | null = null;
  private queue: Queued[] = [];
  private commitTimer: NodeJS.Timeout | null = null;
  private writer: AuditWriter | null = null;
  /** Head files written by this log (a regression guard counts them: not one per request). */
  headWrites = 0;
  /** Transactions `record` committed (one per group, not one per entry). */
  groupCommits = 0;
  /** The queries of GET /api/audit (list, incremental verification), prepared once. */
  private readonly sql: Prepared;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
    options: AuditLogOptions = {},
  ) {
    this.sql = statementCache(db);
    this.headLagMs = options.headLagMs ?? 0;
    this.groupCommitMs = options.groupCommitMs ?? GROUP_COMMIT_MS;
    this.key = loadAuditKey(db.name);
    this.files = auditFiles(db.name);
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck();
    const insert = db.prepare(
      'INSERT INTO audit_log (at, actor, role, via, action, object, result, origin, detail, prev_hash, hash, keyed) VALUES (@at, @actor, @role, @via, @action, @object, @result, @origin, @detail, @prev_hash, @hash, 1)',
    );
    const insertAll = (rs: readonly RowFields[]): Row[] => {
      let prev = (last.get() as string | undefined) ?? GENESIS;
      return rs.map((r) => {
        const full = { ...r, prev_hash: prev, hash: entryHash(this.key, true, prev, r), keyed: 1 };
        prev = full.hash;
        return { ...full, seq: Number(insert.run(full).lastInsertRowid) };
      });
    };
    const tx = db.transaction(insertAll);
    // IMMEDIATE: the server and a CLI export may append at the same time; the chain needs the true last hash.
    this.appendManyTx = (rs) => tx.immediate(rs);
    this.appendTx = (r) => this.appendManyTx([r])[0]!;
  }

  private fields(e: AuditInput): RowFields {
    return {
      at: new Date(this.now()).toISOString(),
      actor: cap(e.actor, 120),
      role: e.role,
      via: e.via,
      action: e.action,
      object: cap(e.object, 300),
      result: e.result,
      origin: cap(e.origin, 300),
      detail: JSON.stringify(e.detail ?? {}),
    };
  }

  /** Appends one entry (synchronously committed); returns it as stored. */
  append(e: AuditInput): AuditEntry {
    const row = this.appendTx(this.fields(e));
    // Inside a caller's transaction (a plan save appends with its plan rows) the entry is not committed yet: a head
    // written now could point past the end of the log after a crash before the commit. The caller flushes it after.
    if (!this.db.inTransaction) this.headAfterCommit(row.seq, row.hash);
    if (row.seq - this.lastCheckpoint().seq >= CHECKPOINT_EVERY) this.checkpoint();
    return toEntry(row);
  }

  /**
   * Appends one entry with group commit (the request path): entries recorded within `groupCommitMs` of each other
   * are committed in one transaction. Resolves with the entry once it is committed; rejects if the commit fails
   * (every entry of that group), so the caller never answers as if it had been logged.
   */
  record(e: AuditInput): Promise<AuditEntry> {
    const fields = this.fields(e);
    if (this.writer) return this.writer.commit(fields);
    return new Promise<AuditEntry>((resolve, reject) => {
      this.queue.push({ fields, resolve, reject });
      this.commitTimer ??= setTimeout(() => this.commitQueued(), this.groupCommitMs);
    });
  }

  /** Hands `record`'s entries to a writer (a thread of its own), or back to this log (null). */
  useWriter(writer: AuditWriter | null): void {
    this.writer = writer;
  }

  /**
   * Commits prepared entries (from `record`, possibly in another thread) in ONE transaction, then moves the head and
   * records a due checkpoint. A failed head or checkpoint write (a full disk) does not undo the committed entries:
   * the next commit or close() tries again.
   */
  appendPrepared(group: readonly AuditFields[]): AuditEntry[] {
    const rows = this.appendManyTx(group);
    const newest = rows[rows.length - 1];
    if (newest) {
      try {
        this.headAfterCommit(newest.seq, newest.hash);
        if (newest.seq - this.lastCheckpoint().seq >= CHECKPOINT_EVERY) this.checkpoint();
      } catch {
        if (!this.headDue || newest.seq > this.headDue.seq) this.headDue = newest;
      }
    }
    return rows.map(toEntry);
  }

  /** Commits what `record` queued now (also at close()). */
  commitQueued(): void {
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.commitTimer = null;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let entries: AuditEntry[];
    try {
      entries = this.appendPrepared(group.map((q) => q.fields));
    } catch (err) {
      for (const q of group) q.reject(err);
      return;
    }
    this.groupCommits++;
    entries.forEach((e, i) => group[i]!.resolve(e));
  }

  /** Writes the signed head for the newest committed entry; call after a transaction that appended entries. */
  flushHead(): void {
    if (this.db.inTransaction) throw new Error('AuditLog.flushHead inside a transaction: call it after the commit');
    const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    if (last) this.headAfterCommit(last.seq, last.hash);
  }

  /**
   * Commits queued entries and writes a lagging head now; call before closing the database (server shutdown).
   * Idempotent.
   */
  close(): void {
    this.commitQueued();
    if (this.headTimer) clearTimeout(this.headTimer);
    this.headTimer = null;
    const due = this.headDue;
    this.headDue = null;
    if (due) this.writeHead(due.seq, due.hash);
  }

  /** The head for a committed entry: written now (no lag), or by the lag timer (the newest entry by then). */
  private headAfterCommit(seq: number, hash: string): void {
    if (this.headLagMs <= 0) {
      this.writeHead(seq, hash);
      return;
    }
    if (!this.headDue || seq > this.headDue.seq) this.headDue = { seq, hash };
    if (this.headTimer) return;
    this.headTimer = setTimeout(() => {
      this.headTimer = null;
      const due = this.headDue;
      this.headDue = null;
      try {
        if (due) this.writeHead(due.seq, due.hash);
      } catch {
        // Kept for the next commit or close(); a timer must not crash the server over a full disk.
        this.headDue = due;
      }
    }, this.headLagMs);
    // A pending head write must not keep a process alive; servers call close() at shutdown.
    this.headTimer.unref();
  }

  /** Newest first; `before` pages by sequence number. */
  list(q: { limit: number; before?: number; action?: AuditAction; actor?: string }): AuditEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.before !== undefined) {
      where.push('seq < ?');
      args.push(q.before);
    }
    if (q.action !== undefined) {
      where.push('action = ?');
      args.push(q.action);
    }
    if (q.actor !== undefined) {
      where.push('actor = ?');
      args.push(q.actor);
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.sql(sql).all(...args, q.limit) as Row[]).map(toEntry);
  }

  /** Entries with seq > `after`, oldest first, at most `limit` (export for retention). */
  range(after: number, limit: number): AuditEntry[] {
    return (
      this.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit) as Row[]
    ).map(toEntry);
  }

  checkpoints(): AuditCheckpoint[] {
    return (this.db.prepare('SELECT * FROM audit_checkpoint ORDER BY id').all() as CheckpointRow[]).map((c) => ({
      seq: c.seq,
      hash: c.hash,
      at: c.at,
      prevMac: c.prev_mac,
      mac: c.mac,
    }));
  }

  /** Records a signed checkpoint at the newest entry (nothing when it already has one); returns it or null. */
  checkpoint(): AuditCheckpoint | null {
    const tx = this.db.transaction((): AuditCheckpoint | null => {
      const head = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
        { seq: number; hash: string } | undefined;
      const last = this.db.prepare('SELECT * FROM audit_checkpoint ORDER BY id DESC LIMIT 1').get() as
        CheckpointRow | undefined;
      if (!head || last?.seq === head.seq) return null;
      const at = new Date(this.now()).toISOString();
      const prevMac = last?.mac ?? GENESIS;
      const m = checkpointMac(this.key, prevMac, head.seq, head.hash, at);
      this.db
        .prepare('INSERT INTO audit_checkpoint (seq, hash, at, prev_mac, mac) VALUES (?, ?, ?, ?, ?)')
        .run(head.seq, head.hash, at, prevMac, m);
      return { seq: head.seq, hash: head.hash, at, prevMac, mac: m };
    });
    return tx.immediate();
  }

  /**
   * Full check: the keyed chain from the first entry, every checkpoint's signature and entry, and the head file.
   * Detects a rewritten entry (hash), a deleted one (chain), deleted newest entries (checkpoints, head) and forged
   * checkpoints or head.
   */
  verify(): VerifyResult {
    const cps = this.checkpoints();
    let prevMac = GENESIS;
    for (const c of cps) {
      if (c.prevMac !== prevMac || checkpointMac(this.key, c.prevMac, c.seq, c.hash, c.at) !== c.mac) {
        return {
          ok: false,
          brokenAt: c.seq,
          code: 'audit.checkpoint.forged',
          message: `checkpoint at entry ${c.seq} does not carry a valid signature`,
        };
      }
      prevMac = c.mac;
    }
    const wanted = new Map(cps.map((c) => [c.seq, c.hash]));
    const head = this.readHead();
    if (head === 'forged')
      return {
        ok: false,
        brokenAt: 0,
        code: 'audit.head.forged',
        message: `${this.files!.head} does not carry a valid signature`,
      };
    if (head) wanted.set(head.seq, head.hash);
    let prev = GENESIS,
      n = 0,
      legacy = 0,
      keyedSeen = false,
      lastSeq = 0;
    for (const r of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
      if (r.keyed === 0 && keyedSeen)
        return {
          ok: false,
          brokenAt: r.seq,
          code: 'audit.chain.unkeyed-after-keyed',
          message: `entry ${r.seq} is unkeyed after keyed entries`,
        };
      keyedSeen ||= r.keyed === 1;
      if (r.prev_hash !== prev || entryHash(this.key, r.keyed === 1, prev, r) !== r.hash) {
        return {
          ok: false,
          brokenAt: r.seq,
          code: 'audit.chain.broken',
          message: `entry ${r.seq} does not follow from the one before it (changed, inserted or an entry before it deleted)`,
        };
      }
      const w = wanted.get(r.seq);
      if (w !== undefined && w !== r.hash)
        return {
          ok: false,
          brokenAt: r.seq,
          code: 'audit.checkpoint.mismatch',
          message: `entry ${r.seq} differs from what a signed checkpoint recorded`,
        };
      prev = r.hash;
      lastSeq = r.seq;
      n++;
      if (r.keyed === 0) legacy++;
    }
    const furthest = Math.max(0, ...wanted.keys());
    if (furthest > lastSeq)
      return {
        ok: false,
        brokenAt: lastSeq + 1,
        code: 'audit.truncated',
        message: `the log ends at entry ${lastSeq}, but a signed checkpoint or the head recorded entry ${furthest}`,
      };
    if (this.files && head === null && n > legacy)
      return {
        ok: false,
        brokenAt: 0,
        code: 'audit.head.missing',
        message: `${this.files.head} is missing although the log has keyed entries`,
      };
    return { ok: true, entries: n, legacy, checkpoints: cps.length };
  }

  /**
   * Checks at most `maxRows` entries not checked before by this process, starting from the newest checkpoint whose
   * signature holds (instead of from the first entry: 7 s at 300k rows stalled every request).
   */
  verifyIncremental(maxRows: number): ChainStatus {
    const total = this.sql('SELECT COALESCE(MAX(seq), 0) FROM audit_log').pluck().get() as number;
    if (this.incremental === null) {
      const c = this.db.prepare('SELECT * FROM audit_checkpoint ORDER BY id DESC LIMIT 1').get() as
        CheckpointRow | undefined;
      const row = c
        ? (this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(c.seq) as string | undefined)
        : undefined;
      if (c && (checkpointMac(this.key, c.prev_mac, c.seq, c.hash, c.at) !== c.mac || row !== c.hash)) {
        this.incremental = { seq: c.seq, hash: c.hash, keyedSeen: true, brokenAt: c.seq };
      } else {
        this.incremental = c
          ? { seq: c.seq, hash: c.hash, keyedSeen: true, brokenAt: null }
          : { seq: 0, hash: GENESIS, keyedSeen: false, brokenAt: null };
      }
    }
    const st = this.incremental;
    if (st.brokenAt === null) {
      const rows = this.sql('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(st.seq, maxRows) as Row[];
      for (const r of rows) {
        const bad =
          (r.keyed === 0 && st.keyedSeen) ||
          r.prev_hash !== st.hash ||
          entryHash(this.key, r.keyed === 1, st.hash, r) !== r.hash;
        if (bad) {
          st.brokenAt = r.seq;
          break;
        }
        st.keyedSeen ||= r.keyed === 1;
        st.seq = r.seq;
        st.hash = r.hash;
      }
    }
    return {
      intact: st.brokenAt === null,
      entries: st.seq,
      brokenAt: st.brokenAt,
      pending: Math.max(0, total - st.seq),
    };
  }

  private lastCheckpoint(): { seq: number } {
    return (
      (this.db.prepare('SELECT seq FROM audit_checkpoint ORDER BY id DESC LIMIT 1').get() as
        { seq: number } | undefined) ?? { seq: 0 }
    );
  }

  private readHead(): { seq: number; hash: string } | null | 'forged' {
    if (!this.files || !existsSync(this.files.head)) return null;
    try {
      const h = JSON.parse(readFileSync(this.files.head, 'utf8')) as { seq: number; hash: string; mac: string };
      return headMac(this.key, h.seq, h.hash) === h.mac ? { seq: h.seq, hash: h.hash } : 'forged';
    } catch {
      return 'forged';
    }
  }

  private writeHead(seq: number, hash: string): void {
    if (!this.files) return;
    // Another process may have appended after us: the head only moves forward.
    const current = this.readHead();
    if (current !== null && current !== 'forged' && current.seq > seq) return;
    writeAtomic(this.files.head, `${JSON.stringify({ seq, hash, mac: headMac(this.key, seq, hash) })}\n`);
    this.headWrites++;
  }
}

function toEntry(r: Row): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    role: r.role,
    via: r.via as AuditEntry['via'],
    action: r.action as AuditAction,
    object: r.object,
    result: r.result as AuditResult,
    origin: r.origin,
    detail: JSON.parse(r.detail) as AuditEntry['detail'],
    hash: r.hash,
  };
}
