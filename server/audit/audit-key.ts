import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The audit chain's key: 32 random bytes in `<state dir>/audit.key` (mode 0600), outside the database. Without it a
 * row rewritten behind the product's back cannot be given a valid chain again (a plain SHA-256 chain could simply be
 * recomputed). Created on first use; server and CLI processes on the same state directory read the same file.
 */
export const AUDIT_KEY_FILE = 'audit.key';
/** The signed head of the chain (last sequence number and hash), rewritten after every append: see audit-log.ts. */
export const AUDIT_HEAD_FILE = 'audit.head.json';

// One key per process for in-memory databases (tests): several AuditLogs on one in-memory database then agree.
const memoryKey = randomBytes(32);

export function auditFiles(dbFile: string): { key: string; head: string } | null {
  if (dbFile === ':memory:' || dbFile === '') return null;
  const dir = dirname(dbFile);
  return { key: join(dir, AUDIT_KEY_FILE), head: join(dir, AUDIT_HEAD_FILE) };
}

/** The key for the database file `dbFile` (its directory's audit.key, created 0600 when absent). */
export function loadAuditKey(dbFile: string): Buffer {
  const files = auditFiles(dbFile);
  if (!files) return memoryKey;
  // Written whole to a temporary file, then linked into place: link() fails when the key exists, so exactly one
  // process creates it, and a process killed half-way never leaves an empty or partial key behind.
  const tmp = `${files.key}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    linkSync(tmp, files.key);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  const hex = readFileSync(files.key, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${files.key}: not an audit key (64 hex digits expected)`);
  return Buffer.from(hex, 'hex');
}

export function mac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

/** Writes a small file atomically (temporary file, then rename), mode 0600. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}
