import { describe, expect, it } from 'vitest';
import type { StatusEvent } from '../../engine/monitor/monitor-records.ts';
import { TEST_PLAN, moneyEntry, vbo } from '../../engine/monitor/monitor-test-plan.ts';
import { computeProgressFigures } from '../../engine/monitor/progress-figures.ts';
import { storedProgressFigures } from './monitor-figures.ts';
import { VHF_ACTOR, storesWithPlan } from './monitor-test-stores.ts';

const entry = moneyEntry;
const at = <T>(record: T, i: number) => ({ record, path: ['money', i] });
const step = (n: number, status: StatusEvent['status'], date: string) => ({
  record: { vboId: vbo(n), status, date },
  path: ['statuses', n],
});

describe('monitor store', () => {
  it('records entries with an audit entry and reads them back in recording order', () => {
    const s = storesWithPlan(TEST_PLAN);
    const r = s.store.recordMoney(
      [at(entry('A'), 0), at(entry('B', { corrects: 'A', amountEur: 90 }), 1)],
      VHF_ACTOR,
      'app',
    );
    expect(r).toEqual({ ok: true, value: { recorded: 2 }, warnings: [] });
    expect(s.store.money().map((m) => [m.reference, m.corrects, m.amountEur])).toEqual([
      ['A', null, 100],
      ['B', 'A', 90],
    ]);
    const audit = s.audit.list({ limit: 10, action: 'monitor.money' });
    expect(audit).toMatchObject([{ actor: 'vhf', object: 'monitor:app', detail: { records: 2 } }]);
    expect(s.audit.verify().ok).toBe(true);
    s.close();
  });

  it('refuses a whole batch when one record is bad, leaving nothing and no audit entry behind', () => {
    const s = storesWithPlan(TEST_PLAN);
    const auditBefore = s.audit.list({ limit: 100 }).length;
    const r = s.store.recordMoney(
      [at(entry('A'), 0), at(entry('B', { amountEur: -1 }), 1), at(entry('A'), 2)],
      VHF_ACTOR,
      'import:x.csv',
    );
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ['monitor.money.negative', ['money', 1, 'amountEur']],
      ['monitor.money.duplicate-reference', ['money', 2, 'reference']],
    ]);
    expect(s.store.money()).toEqual([]);
    expect(auditBefore).toBeGreaterThan(0);
    expect(s.audit.list({ limit: 100 })).toHaveLength(auditBefore);
    const st = s.store.recordStatuses(
      [step(1, 'uitgenodigd', '2026-05-01'), step(2, 'akkoord', '2026-05-01')],
      VHF_ACTOR,
      'app',
    );
    expect(st.ok ? null : st.issues[0]).toMatchObject({ code: 'monitor.status.skip', path: ['statuses', 2, 'status'] });
    expect(s.store.statuses()).toEqual([]);
    s.close();
  });

  it('keeps the tables append-only', () => {
    const s = storesWithPlan(TEST_PLAN);
    s.store.recordMoney([at(entry('A'), 0)], VHF_ACTOR, 'app');
    s.store.recordStatuses([step(1, 'uitgenodigd', '2026-05-01')], VHF_ACTOR, 'app');
    expect(() => s.db.prepare('UPDATE monitor_money SET amount_eur = 1').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM monitor_money').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM monitor_status').run()).toThrow(/append-only/);
    s.close();
  });

  it('gives the figures of the stored plan and records, equal to the engine on the same records', () => {
    const s = storesWithPlan(TEST_PLAN);
    s.store.recordStatuses([step(1, 'uitgenodigd', '2026-05-01'), step(1, 'akkoord', '2026-06-01')], VHF_ACTOR, 'app');
    s.store.recordMoney([at(entry('A', { kind: 'toegezegd', date: '2026-06-01' }), 0)], VHF_ACTOR, 'app');
    const r = storedProgressFigures(s.plans, s.store, '2026Q4');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.plan).toEqual({ id: s.planId, version: 1 });
    expect(r.value.total.realised.accepted).toBe(1);
    expect(r.value.total.money.committedEur).toBe(100);
    const direct = computeProgressFigures({
      quarter: '2026Q4',
      settings: s.store.settings,
      plan: { id: s.planId, version: 1, batches: TEST_PLAN.batches },
      statuses: s.store.statuses(),
      money: s.store.money(),
    });
    expect(direct.ok && direct.value.total).toEqual(r.value.total);
    // A status set in the plan panel counts for a dwelling the monitor has no steps for.
    expect(s.plans.setStatus(s.planId, vbo(4), 'onderzoek', 'eigenaar akkoord', VHF_ACTOR).ok).toBe(true);
    const withPanel = storedProgressFigures(s.plans, s.store, '2026Q4');
    expect(withPanel.ok && withPanel.value.total.realised).toMatchObject({ invited: 2, accepted: 2 });
    expect(storedProgressFigures(s.plans, s.store, '2026Q4', 999)).toMatchObject({
      ok: false,
      issues: [{ code: 'monitor.plan.none' }],
    });
    s.close();
  });
});
