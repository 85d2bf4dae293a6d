import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStateDb } from '../auth/state-db.ts';
import { AuditLog, type AuditInput } from './audit-log.ts';
import { startAuditWriter } from './audit-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-auditwriter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (i: number): AuditInput => ({
  actor: 'alwel',
  role: 'alwel',
  via: 'session',
  action: 'acquisition.read',
  object: `acquisition:candidates?budget=${i}`,
  result: 'ok',
  origin: '127.0.0.1',
});

describe('audit writer thread', () => {
  it('commits recorded entries in its own thread, interleaved with direct appends, as one intact chain', async () => {
    const db = openStateDb(dir);
    const log = new AuditLog(db, Date.now, { headLagMs: 60_000 });
    const writer = await startAuditWriter(log, dir, 60_000);
    const recorded = await Promise.all(Array.from({ length: 30 }, (_, i) => log.record(read(i))));
    log.append({ ...read(99), action: 'sign-in', object: 'session' });
    const more = await log.record(read(100));
    // Each promise resolved with its committed entry, in order; this thread neither committed nor wrote the head.
    expect(recorded.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(more.seq).toBe(32);
    expect(log.groupCommits).toBe(0);
    await writer.close();
    log.close();
    // The writer wrote the head at close; the chain verifies with it.
    expect(JSON.parse(readFileSync(join(dir, 'audit.head.json'), 'utf8'))).toMatchObject({ seq: 32 });
    expect(log.verify()).toMatchObject({ ok: true, entries: 32 });
    // After close() records are committed in this thread again.
    expect((await log.record(read(101))).seq).toBe(33);
    db.close();
  }, 30_000);
});
