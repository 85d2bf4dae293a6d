import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, CHECKPOINT_EVERY, type AuditInput } from '../../server/audit/audit-log.ts';
import { openStateDb } from '../../server/auth/state-db.ts';
import { securityApp } from './security-app.ts';

/** Issue finding "the chain has no key or external anchor": each attack below verified on the unkeyed chain. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'voorraad-audit-'));
  dirs.push(d);
  return d;
}

const entry = (i: number): AuditInput => ({
  actor: 'gemeente',
  role: 'gemeente',
  via: 'cli',
  action: 'export',
  object: `o${i}`,
  result: 'ok',
  origin: 'cli@test',
});

function filled(n: number): { dir: string; db: Database.Database; log: AuditLog } {
  const dir = stateDir();
  const db = openStateDb(dir);
  const log = new AuditLog(db);
  for (let i = 0; i < n; i++) log.append(entry(i));
  return { dir, db, log };
}

/** What an attacker with write access to the database but not the key does: change a row and recompute a SHA-256 chain. */
function rewriteWithSha256(db: Database.Database, seq: number): void {
  db.exec('DROP TRIGGER audit_log_no_update');
  db.prepare("UPDATE audit_log SET actor = 'iemand-anders' WHERE seq = ?").run(seq);
  let prev = db.prepare('SELECT prev_hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string;
  for (const r of db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as Record<
    string,
    string
  >[]) {
    const hash = createHash('sha256')
      .update(JSON.stringify([prev, r.at, r.actor, r.role, r.via, r.action, r.object, r.result, r.origin, r.detail]))
      .digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
}

describe('keyed, anchored audit chain', () => {
  it('keeps its key outside the database, readable by the owner only', () => {
    const { dir, db, log } = filled(2);
    const key = join(dir, 'audit.key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(log.verify()).toMatchObject({ ok: true, entries: 2 });
    db.close();
  });

  it('detects a row rewritten and the chain recomputed without the key', () => {
    const { db, log } = filled(5);
    rewriteWithSha256(db, 3);
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 3 });
    db.close();
  });

  it('detects the newest entries deleted (truncation), through the signed head', () => {
    const { db, log } = filled(5);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq > 3').run();
    expect(log.verify()).toMatchObject({ ok: false, code: 'audit.truncated' });
    db.close();
  });

  it('detects an entry deleted from the middle, and a forged head file', () => {
    const { dir, db, log } = filled(5);
    writeFileSync(join(dir, 'audit.head.json'), JSON.stringify({ seq: 5, hash: 'x', mac: 'y' }));
    expect(log.verify()).toMatchObject({ ok: false, code: 'audit.head.forged' });
    log.append(entry(6));
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 3, code: 'audit.chain.broken' });
    db.close();
  });

  it('writes signed checkpoints; deleting entries and the head file together is still caught by a checkpoint', () => {
    const { dir, db, log } = filled(CHECKPOINT_EVERY + 5);
    expect(log.checkpoints().map((c) => c.seq)).toEqual([CHECKPOINT_EVERY]);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(CHECKPOINT_EVERY - 10);
    rmSync(join(dir, 'audit.head.json'));
    expect(log.verify()).toMatchObject({ ok: false, code: 'audit.truncated' });
    db.close();
  });

  it('detects a forged checkpoint', () => {
    const { db, log } = filled(3);
    log.checkpoint();
    db.prepare("INSERT INTO audit_checkpoint (seq, hash, at, prev_mac, mac) VALUES (3, 'h', 'now', 'p', 'm')").run();
    expect(log.verify()).toMatchObject({ ok: false, code: 'audit.checkpoint.forged' });
    db.close();
  });

  it('checks incrementally from the last checkpoint, in bounded steps', () => {
    const { db, log } = filled(CHECKPOINT_EVERY + 300);
    const first = log.verifyIncremental(100);
    expect(first).toEqual({ intact: true, entries: CHECKPOINT_EVERY + 100, brokenAt: null, pending: 200 });
    expect(log.verifyIncremental(1_000)).toEqual({
      intact: true,
      entries: CHECKPOINT_EVERY + 300,
      brokenAt: null,
      pending: 0,
    });
    log.append(entry(0));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = ?").run(CHECKPOINT_EVERY + 301);
    expect(log.verifyIncremental(1_000)).toMatchObject({ intact: false, brokenAt: CHECKPOINT_EVERY + 301 });
    db.close();
  });
});

describe('refused requests are counted, not written one synced row each', () => {
  it('a viewer looping a 403 on a restricted route gives one audit entry with the count', async () => {
    const { as, ctx } = await securityApp();
    for (let i = 0; i < 100; i++) expect((await as('viewer')('/api/signals')).status).toBe(403);
    const before = ctx.security.audit.list({ limit: 500, action: 'access.denied' });
    expect(before).toHaveLength(0);
    const res = await as('gemeente')('/api/audit?action=access.denied');
    const body = (await res.json()) as {
      entries: { actor: string; object: string; detail: { count: number } }[];
      chain: { intact: boolean };
    };
    expect(body.entries.map((e) => [e.actor, e.object, e.detail.count])).toEqual([
      ['test-viewer', 'GET /api/signals', 100],
    ]);
    expect(body.chain.intact).toBe(true);
  });
});
