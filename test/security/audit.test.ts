import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../server/audit/audit-log.ts';
import { openStateDb } from '../../server/auth/state-db.ts';
import { securityApp, testPassword } from './security-app.ts';

const json = { 'content-type': 'application/json' };

describe('audit log (BIO 8.15.01)', () => {
  it('records every export and every read of restricted data: who, what, object, result, origin, when', async () => {
    const { as, ctx } = await securityApp();
    const before = Date.now();
    await as('gemeente')('/api/signals?buurt=BU16740202', { headers: { 'user-agent': 'proef/1.0' } });
    await as('gemeente')('/api/acquisition/candidates');
    await as('alwel')('/api/acquisition/export?format=csv&purpose=verwerving');
    await as('vhf')('/api/signals');
    await as('viewer')('/api/acquisition/export?format=xlsx');
    await as('gemeente')('/api/buurten');
    ctx.security.denied.flush();
    const entries = ctx.security.audit.list({ limit: 50 }).reverse();
    expect(entries.map((e) => [e.actor, e.role, e.via, e.action, e.object, e.result])).toEqual([
      ['test-gemeente', 'gemeente', 'token', 'signals.read', 'signals?buurt=BU16740202', 'ok'],
      ['test-gemeente', 'gemeente', 'token', 'acquisition.read', 'acquisition:candidates?budget=1500000', 'ok'],
      ['test-alwel', 'alwel', 'token', 'export', 'acquisition:csv', 'ok'],
      ['test-vhf', 'vhf', 'token', 'access.denied', 'GET /api/signals', 'denied'],
      ['test-viewer', 'viewer', 'token', 'access.denied', 'GET /api/acquisition/export', 'denied'],
    ]);
    expect(entries[0]!.origin).toBe('local (proef/1.0)');
    expect(entries[0]!.detail).toMatchObject({ rows: expect.any(Number), source: 'register' });
    expect(entries[2]!.detail).toMatchObject({
      format: 'csv',
      purpose: 'verwerving',
      signals: false,
      dataset: 'Beveiligingsproefset',
    });
    expect(Date.parse(entries[0]!.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records sign-ins, failed and successful', async () => {
    const { as, ctx } = await securityApp();
    const signIn = (password: string) =>
      as(null)('/api/auth/sign-in', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'vhf', password }),
      });
    await signIn('fout');
    await signIn(testPassword('vhf'));
    expect(
      ctx.security.audit
        .list({ limit: 10, action: 'sign-in' })
        .reverse()
        .map((e) => [e.actor, e.result, e.via]),
    ).toEqual([
      ['vhf', 'failed', 'anonymous'],
      ['vhf', 'ok', 'session'],
    ]);
  });

  it('is readable by gemeente only, newest first, with paging, and the read itself is audited', async () => {
    const { as } = await securityApp();
    await as('gemeente')('/api/signals');
    const res = await as('gemeente')('/api/audit?limit=1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { entries: { seq: number; action: string }[]; chain: { intact: boolean } };
    expect(body.entries.map((e) => e.action)).toEqual(['audit.read']);
    expect(body.chain.intact).toBe(true);
    const older = (await (await as('gemeente')(`/api/audit?before=${body.entries[0]!.seq}`)).json()) as {
      entries: { action: string }[];
    };
    expect(older.entries[0]!.action).toBe('signals.read');
    expect((await as('gemeente')('/api/audit?limit=0')).status).toBe(400);
    expect((await as('gemeente')('/api/audit?action=nope')).status).toBe(400);
    for (const role of ['alwel', 'vhf', 'viewer'] as const) expect((await as(role)('/api/audit')).status).toBe(403);
  });

  it('is append-only: UPDATE and DELETE abort; a change behind its back breaks the hash chain', () => {
    const db = openStateDb(':memory:');
    const log = new AuditLog(db);
    for (let i = 0; i < 3; i++)
      log.append({
        actor: 'a',
        role: 'gemeente',
        via: 'cli',
        action: 'export',
        object: `o${i}`,
        result: 'ok',
        origin: 'cli@test',
      });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(log.verify()).toMatchObject({ ok: true, entries: 3 });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'b' WHERE seq = 2").run();
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 2, code: 'audit.chain.broken' });
  });
});
