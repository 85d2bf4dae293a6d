import { accessSync, constants, statfsSync } from 'node:fs';
import type { MiddlewareHandler } from 'hono';

/**
 * Whether the state store (state.sqlite, audit files) can write. A full or read-only state directory used to give
 * uncoded 500s while /api/health said "ok". Now a write failure answers a coded 503 (`state.unavailable`,
 * Retry-After) and health reports "degraded" for a minute after it — and whenever a cheap probe finds the directory
 * not writable or under 1 MiB free.
 */
const STATE_ERRNOS = new Set(['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EDQUOT', 'EIO']);
const MIN_FREE_BYTES = 1024 * 1024;
const REMEMBER_MS = 60_000;

/** SQLite's (better-sqlite3 SqliteError codes) and the file system's ways of saying "cannot write". */
export function isStateStoreError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|PERM)/.test(code) || STATE_ERRNOS.has(code);
}

export class StateHealth {
  private failedAt: number | null = null;
  private lastProblem = '';

  constructor(
    private readonly dir: string | null,
    private readonly now: () => number = Date.now,
  ) {}

  failed(err: unknown): void {
    this.failedAt = this.now();
    this.lastProblem = `${String((err as { code?: unknown }).code)}: ${(err as Error).message}`.slice(0, 200);
  }

  /** A reason the state store cannot write now, or null. */
  problem(): string | null {
    if (this.failedAt !== null && this.now() - this.failedAt < REMEMBER_MS)
      return `state store write failed: ${this.lastProblem}`;
    if (this.dir === null) return null;
    try {
      accessSync(this.dir, constants.W_OK);
      const fs = statfsSync(this.dir);
      if (fs.bavail * fs.bsize < MIN_FREE_BYTES) return `state directory ${this.dir} has under 1 MiB free`;
    } catch (err) {
      return `state directory ${this.dir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    }
    return null;
  }
}

/** Outermost middleware: a state-store failure anywhere below becomes a coded 503 instead of an uncoded 500. */
export function stateStoreErrors(health: StateHealth): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.error && isStateStoreError(c.error)) {
      health.failed(c.error);
      c.res = Response.json(
        {
          code: 'state.unavailable',
          message: 'the state store (users, sessions, audit log) cannot write; try again later',
        },
        { status: 503, headers: { 'Retry-After': '30', 'Cache-Control': 'no-store' } },
      );
    }
  };
}
