import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStateDb } from '../auth/state-db.ts';
import { AuditLog, type AuditInput } from './audit-log.ts';

/*
 * The request path must not write a file per request: the signed head used to be rewritten (write + rename,
 * synchronously) after every entry, and every entry was its own synced commit — together 15 % of the event loop in
 * the soak test (bench/soak.ts). These are counted invariants, not timings.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'voorraad-auditlog-'));
  dirs.push(d);
  return d;
}

const read = (i: number): AuditInput => ({
  actor: 'gemeente',
  role: 'gemeente',
  via: 'token',
  action: 'signals.read',
  object: `signals?buurt=BU${i}`,
  result: 'ok',
  origin: '127.0.0.1',
});

const headSeq = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'audit.head.json'), 'utf8')) as { seq: number }).seq;

describe('AuditLog on the request path', () => {
  it('with a head lag, N appends do not rewrite the head file N times; close() writes the newest', () => {
    const dir = stateDir();
    const db = openStateDb(dir);
    const log = new AuditLog(db, Date.now, { headLagMs: 60_000 });
    for (let i = 0; i < 50; i++) log.append(read(i));
    expect(log.headWrites).toBe(0);
    log.close();
    expect(log.headWrites).toBe(1);
    expect(headSeq(dir)).toBe(50);
    expect(log.verify()).toMatchObject({ ok: true, entries: 50 });
    db.close();
  });

  it('GET /api/audit’s queries (list, incremental verification) are prepared once, not per request', () => {
    const dir = stateDir();
    const db = openStateDb(dir);
    const log = new AuditLog(db, Date.now, { headLagMs: 60_000 });
    for (let i = 0; i < 5; i++) log.append(read(i));
    const prepare = vi.spyOn(db, 'prepare');
    const request = () => {
      expect(log.list({ limit: 20 })).toHaveLength(5);
      expect(log.verifyIncremental(2_000)).toMatchObject({ intact: true, entries: 5 });
    };
    request();
    const first = prepare.mock.calls.length;
    for (let i = 0; i < 10; i++) request();
    expect(prepare.mock.calls.length).toBe(first);
    log.close();
    db.close();
  });

  it('without a lag (the CLI) every append still writes the head, so a short-lived process leaves it current', () => {
    const dir = stateDir();
    const db = openStateDb(dir);
    const log = new AuditLog(db);
    for (let i = 0; i < 3; i++) log.append(read(i));
    expect(log.headWrites).toBe(3);
    expect(headSeq(dir)).toBe(3);
    db.close();
  });

  it('records queued together are committed in one transaction, in order, each promise after the commit', async () => {
    const dir = stateDir();
    const db = openStateDb(dir);
    const log = new AuditLog(db, Date.now, { headLagMs: 60_000, groupCommitMs: 1 });
    const entries = await Promise.all(Array.from({ length: 40 }, (_, i) => log.record(read(i))));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(entries[39]!.object).toBe('signals?buurt=BU39');
    expect(log.groupCommits).toBe(1);
    expect(log.headWrites).toBe(0);
    log.close();
    expect(log.verify()).toMatchObject({ ok: true, entries: 40 });
    db.close();
  });

  it('a failed group commit rejects every entry of the group (no answer as if logged)', async () => {
    const db = openStateDb(stateDir());
    const log = new AuditLog(db, Date.now, { groupCommitMs: 1 });
    db.pragma('query_only = ON');
    const results = await Promise.allSettled([log.record(read(1)), log.record(read(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    db.pragma('query_only = OFF');
    expect(log.list({ limit: 10 })).toHaveLength(0);
    db.close();
  });
});
