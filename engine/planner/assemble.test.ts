import { describe, expect, it } from 'vitest';
import { handModel } from '../test-fixtures/plan-model.ts';
import { assemblePlan, seasonKey } from './assemble.ts';
import { SHIPPED_CALENDARS } from '../retrofit/natuurkalender.ts';
import { parsePlanInput } from './plan-input.ts';

describe('assemblePlan', () => {
  it('orders seasons voorjaar before najaar, years ascending', () => {
    expect(['2027-voorjaar', '2026-najaar', '2026-voorjaar'].sort((a, b) => seasonKey(a) - seasonKey(b))).toEqual([
      '2026-voorjaar',
      '2026-najaar',
      '2027-voorjaar',
    ]);
  });

  it('reports the gap only for a MIP plan and the unspent budget as budget minus contributions', () => {
    const input = parsePlanInput({ runDate: '2025-07-01', budgetEur: 100, capacity: { perSeason: { dwellings: 10 } } });
    if (!input.ok) throw new Error('input');
    const m = handModel({ seasons: 2, budget: 100, units: [] });
    const meta = { name: 'test', synthetic: true, seed: 1, generator: null, dataDate: '2025-01-01', attribution: [] };
    const solve = {
      requested: 'mip' as const,
      used: 'mip' as const,
      status: 'Optimal',
      objective: 100,
      greedyObjective: 90,
      bound: 100.5,
      candidates: { dwellings: 0, units: 0 },
    };
    const p = assemblePlan(meta, input.value, SHIPPED_CALENDARS.landelijk!, m, [], [], solve, null, []);
    expect(p.meta.mipGap).toBeCloseTo(0.005, 9);
    expect(p.unspent.eur).toBe(100);
    expect(p.totals.bySeason.map((s) => s.season)).toEqual(m.seasons.map((s) => s.id));
    const g = assemblePlan(
      meta,
      input.value,
      SHIPPED_CALENDARS.landelijk!,
      m,
      [],
      [],
      { ...solve, used: 'greedy' },
      null,
      [],
    );
    expect(g.meta.mipGap).toBeNull();
    expect(g.meta.bound).toBeNull();
  });
});
