import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../audit/audit-log.ts';
import { stateFiles } from '../auth/state-db.ts';
import { openPlanDb } from './plan-db.ts';
import { PlanStore, checkPlanStore, openPlanStore, savePlan, type NewPlan, type PlanActor } from './plan-store.ts';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const clock = () => {
  let t = T0;
  return () => (t += 1000);
};
const vhf: PlanActor = { name: 'vhf', role: 'vhf', via: 'session', origin: 'local' };

function newPlan(batches: Record<string, string[]>, name = 'Seizoenen 2026–2033'): NewPlan {
  const dwellings = Object.entries(batches).flatMap(([batchId, ids]) => ids.map((vboId) => ({ vboId, batchId })));
  return {
    name,
    input: { budgetEur: 8_400_000 },
    plan: { kind: 'voorraad-plan', batches: Object.keys(batches) },
    dataset: { name: 'synthetisch', sha256: 'a'.repeat(64), synthetic: true },
    solver: 'mip',
    objective: 1234.5,
    gap: 0.004,
    greedyObjective: 1200,
    dwellings,
    batches: Object.keys(batches).length,
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'voorraad-plans-'));
  dirs.push(d);
  return d;
};

describe('plan store', () => {
  it('prepares the plan list’s queries once, not on every GET /api/plans', () => {
    const db = openPlanDb(':memory:');
    const store = new PlanStore(db, new AuditLog(db, clock()), clock());
    store.create(newPlan({ b1: ['0001', '0002'] }), vhf);
    const prepare = vi.spyOn(db, 'prepare');
    expect(store.list()).toHaveLength(1);
    const first = prepare.mock.calls.length;
    for (let i = 0; i < 10; i++) expect(store.list()[0]!.statusCounts).toMatchObject({ voorgesteld: 2 });
    expect(prepare.mock.calls.length).toBe(first);
    db.close();
  });

  it('saves a plan with its facts, every dwelling voorgesteld, a history row and an audit entry', () => {
    const { store, audit, close } = openPlanStore(':memory:', clock());
    const s = store.create(newPlan({ '2026-najaar:b1': ['0001', '0002'], '2027-voorjaar:b2': ['0003'] }), vhf);
    expect(s).toMatchObject({
      id: 1,
      name: 'Seizoenen 2026–2033',
      createdBy: 'vhf',
      createdAt: '2026-11-28T09:00:01.000Z',
      parentId: null,
      rootId: 1,
      version: 1,
      supersededBy: null,
      dataset: { name: 'synthetisch', synthetic: true },
      solver: 'mip',
      objective: 1234.5,
      gap: 0.004,
      greedyObjective: 1200,
      dwellings: 3,
      batches: 2,
    });
    expect(s.statusCounts).toEqual({ voorgesteld: 3, onderzoek: 0, natuurvrij: 0, geïsoleerd: 0, afgezien: 0 });
    const full = store.get(1)!;
    expect(full.input).toEqual({ budgetEur: 8_400_000 });
    expect(full.statuses.map((d) => [d.vboId, d.batchId, d.status])).toEqual([
      ['0001', '2026-najaar:b1', 'voorgesteld'],
      ['0002', '2026-najaar:b1', 'voorgesteld'],
      ['0003', '2027-voorjaar:b2', 'voorgesteld'],
    ]);
    expect(full.history).toMatchObject([{ planId: 1, action: 'create', actor: 'vhf', reason: 'nieuw plan' }]);
    expect(audit.list({ limit: 10 })).toMatchObject([
      { action: 'plan.create', object: 'plan:1', actor: 'vhf', detail: { planId: 1, dwellings: 3 } },
    ]);
    expect(store.get(99)).toBeNull();
    close();
  });

  it('changes statuses along the allowed transitions and refuses the rest with coded issues', () => {
    const { store, audit, close } = openPlanStore(':memory:', clock());
    store.create(newPlan({ b1: ['0001', '0002'] }), vhf);
    const r = store.setStatus(1, '0001', 'onderzoek', 'quickscan besteld', vhf);
    expect(r).toMatchObject({
      ok: true,
      value: { vboId: '0001', from: 'voorgesteld', status: 'onderzoek', updatedBy: 'vhf' },
    });
    expect(store.setStatus(1, '0001', 'geïsoleerd', '', vhf)).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.status.transition', path: ['status'] }],
    });
    expect(store.setStatus(1, '0009', 'onderzoek', '', vhf)).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.dwelling.not-found', path: ['vboId'] }],
    });
    expect(store.setStatus(7, '0001', 'onderzoek', '', vhf)).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.not-found' }],
    });
    expect(store.setStatus(1, '0002', 'afgezien', 'eigenaar wil niet', vhf).ok).toBe(true);
    expect(store.setStatus(1, '0002', 'onderzoek', '', vhf)).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.status.transition' }],
    });
    const full = store.get(1)!;
    expect(full.history.map((h) => [h.action, h.vboId, h.from, h.to, h.reason])).toEqual([
      ['create', null, null, null, 'nieuw plan'],
      ['status', '0001', 'voorgesteld', 'onderzoek', 'quickscan besteld'],
      ['status', '0002', 'voorgesteld', 'afgezien', 'eigenaar wil niet'],
    ]);
    // Refused changes leave no trace; accepted ones are in the audit log.
    expect(audit.list({ limit: 10, action: 'plan.status' }).map((e) => e.detail)).toEqual([
      { planId: 1, vboId: '0002', from: 'voorgesteld', to: 'afgezien' },
      { planId: 1, vboId: '0001', from: 'voorgesteld', to: 'onderzoek' },
    ]);
    expect(store.summary(1)!.statusCounts).toMatchObject({ voorgesteld: 0, onderzoek: 1, afgezien: 1 });
    close();
  });

  it('finds started batches and saves a re-plan as a linked version carrying statuses over', () => {
    const { store, close } = openPlanStore(':memory:', clock());
    store.create(newPlan({ b1: ['0001', '0002'], b2: ['0003'], b3: ['0004'] }), vhf);
    store.setStatus(1, '0002', 'onderzoek', '', vhf);
    store.setStatus(1, '0004', 'afgezien', '', vhf);
    expect(store.startedBatches(1).map((b) => [b.batchId, b.dwellings.map((d) => d.status)])).toEqual([
      ['b1', ['voorgesteld', 'onderzoek']],
    ]);
    const seen = store.lastSeq(1);
    const r = store.replan(
      1,
      seen,
      newPlan({ b1: ['0001', '0002'], b9: ['0003', '0005'] }, 'Herplanning'),
      vhf,
      'budget verlaagd',
    );
    if (!r.ok) throw new Error(r.issues[0]!.message);
    expect(r.value).toMatchObject({ id: 2, parentId: 1, rootId: 1, version: 2, supersededBy: null });
    expect(store.summary(1)!.supersededBy).toBe(2);
    const v2 = store.get(2)!;
    expect(v2.statuses.map((d) => [d.vboId, d.batchId, d.status])).toEqual([
      ['0001', 'b1', 'voorgesteld'],
      ['0002', 'b1', 'onderzoek'],
      ['0003', 'b9', 'voorgesteld'],
      ['0005', 'b9', 'voorgesteld'],
    ]);
    expect(v2.history.map((h) => [h.planId, h.action])).toEqual([
      [1, 'create'],
      [1, 'status'],
      [1, 'status'],
      [2, 'replan'],
    ]);
    expect(store.list().map((p) => p.id)).toEqual([2, 1]);
    // The old version is closed for changes and for a second re-plan.
    expect(store.setStatus(1, '0001', 'onderzoek', '', vhf)).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.superseded' }],
    });
    expect(store.replan(1, seen, newPlan({ b1: ['0001', '0002'] }), vhf, '')).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.superseded' }],
    });
    close();
  });

  it('refuses a re-plan that dropped started dwellings or raced a status change', () => {
    const { store, close } = openPlanStore(':memory:', clock());
    store.create(newPlan({ b1: ['0001', '0002'], b2: ['0003'] }), vhf);
    store.setStatus(1, '0001', 'onderzoek', '', vhf);
    const seen = store.lastSeq(1);
    expect(store.replan(1, seen, newPlan({ b2: ['0003'] }), vhf, '')).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.replan.dropped-started' }],
    });
    store.setStatus(1, '0001', 'natuurvrij', '', vhf);
    expect(store.replan(1, seen, newPlan({ b1: ['0001', '0002'] }), vhf, '')).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.changed' }],
    });
    expect(store.replan(5, 0, newPlan({ b1: ['0001'] }), vhf, '')).toMatchObject({
      ok: false,
      issues: [{ code: 'plan.not-found' }],
    });
    expect(store.list()).toHaveLength(1);
    close();
  });

  it('rolls the whole save back when any part fails (no plan without its audit entry)', () => {
    const db = openPlanDb(':memory:');
    const good = new PlanStore(db, new AuditLog(db), clock());
    good.create(newPlan({ b1: ['0001'] }), vhf);
    // Same database, an audit sink that fails after the plan rows were written.
    const failing = new PlanStore(db, {
      append: () => {
        throw new Error('disk full');
      },
      flushHead: () => {},
    });
    expect(() => failing.create(newPlan({ b2: ['0002', '0003'] }), vhf)).toThrow('disk full');
    expect(() => failing.setStatus(1, '0001', 'onderzoek', '', vhf)).toThrow('disk full');
    expect(good.list().map((p) => p.id)).toEqual([1]);
    expect(db.prepare('SELECT COUNT(*) FROM plan_dwellings').pluck().get()).toBe(1);
    expect(good.summary(1)!.statusCounts.voorgesteld).toBe(1);
    db.close();
  });

  it('keeps plans and history immutable at the database level', () => {
    const db = openPlanDb(':memory:');
    new PlanStore(db, new AuditLog(db)).create(newPlan({ b1: ['0001'] }), vhf);
    expect(() => db.prepare("UPDATE plans SET name = 'x'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM plans').run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE plan_history SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM plan_history').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE plan_dwellings SET status = 'klaar'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('savePlan writes into the state directory in one go, and checkPlanStore verifies it', () => {
    const dir = tempDir();
    const a = savePlan(dir, newPlan({ b1: ['0001', '0002'] }), vhf, clock());
    const b = savePlan(dir, newPlan({ b2: ['0003'] }));
    expect([a, b]).toEqual([1, 2]);
    expect(checkPlanStore(dir)).toEqual({ ok: true, plans: 2, problems: [] });
    // The plans share state.sqlite with the audit log: the entries are in the same hash chain.
    const db = new Database(stateFiles(dir).db, { readonly: true });
    expect(db.prepare("SELECT object FROM audit_log WHERE action = 'plan.create' ORDER BY seq").pluck().all()).toEqual([
      'plan:1',
      'plan:2',
    ]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('checkPlanStore reports a plan whose rows do not add up', () => {
    const dir = tempDir();
    savePlan(dir, newPlan({ b1: ['0001', '0002'] }));
    const db = new Database(stateFiles(dir).db);
    db.prepare("DELETE FROM plan_dwellings WHERE vbo_id = '0002'").run();
    db.close();
    const r = checkPlanStore(dir);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(['plan 1: 1 dwelling rows, expected 2']);
  });
});
