import type Database from 'better-sqlite3';
import { newSecret, secretHash } from './secret.ts';

/**
 * Browser sessions: an opaque random id in an HttpOnly, SameSite=Strict cookie; only its SHA-256 is stored.
 * A session ends after 30 minutes without requests or 10 hours after sign-in (a working day), or at sign-out.
 */
export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000 };
/** last_seen is written at most this often, so tile bursts do not each write to the database. */
const TOUCH_EVERY_MS = 60_000;

interface SessionRow {
  hash: string;
  user: string;
  created_at: number;
  last_seen: number;
  expires_at: number;
}

export class SessionStore {
  private readonly get: Database.Statement<[string], SessionRow>;
  private readonly touch: Database.Statement<[number, string]>;
  private readonly remove: Database.Statement<[string]>;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {
    this.get = db.prepare('SELECT * FROM sessions WHERE hash = ?');
    this.touch = db.prepare('UPDATE sessions SET last_seen = ? WHERE hash = ?');
    this.remove = db.prepare('DELETE FROM sessions WHERE hash = ?');
  }

  /** Starts a session for a user; returns the session id for the cookie (never stored). */
  create(user: string): string {
    const id = newSecret('');
    const now = this.now();
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?').run(now, now - this.limits.idleMs);
    this.db
      .prepare('INSERT INTO sessions (hash, user, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(secretHash(id), user, now, now, now + this.limits.absoluteMs);
    return id;
  }

  /** The user of a live session (and refreshes its idle timer), or null. */
  resolve(id: string): string | null {
    if (id.length === 0 || id.length > 100) return null;
    const hash = secretHash(id);
    const row = this.get.get(hash);
    if (!row) return null;
    const now = this.now();
    if (row.expires_at <= now || row.last_seen + this.limits.idleMs <= now) {
      this.remove.run(hash);
      return null;
    }
    if (now - row.last_seen >= TOUCH_EVERY_MS) this.touch.run(now, hash);
    return row.user;
  }

  end(id: string): void {
    this.remove.run(secretHash(id));
  }

  /** Ends every session of a user (password changed, account disabled); returns how many. */
  endAllFor(user: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE user = ?').run(user).changes;
  }
}
