import { describe, expect, it } from 'vitest';
import { toColumns } from '../dwelling-table.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { createRetrofitSession } from './session.ts';
import { retrofitContext } from './stock.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

function setup() {
  const ds = smallDataset();
  let table = toColumns(ds.dwellings);
  let clock = 0;
  const session = createRetrofitSession({ table: () => table, now: () => (clock += 1) });
  return {
    ds,
    session,
    ctx: retrofitContext(ds, table.buurtCodes),
    reload: () => {
      table = toColumns(ds.dwellings);
    },
  };
}

describe("retrofit session (the worker's state)", () => {
  it('answers not-loaded before the context is attached, and after the table is replaced', () => {
    const { session, ctx, reload } = setup();
    expect(session.scores({})).toMatchObject({ ok: false, issues: [{ code: 'retrofit.not-loaded' }] });
    expect(session.loadContext(ctx)).toEqual({ ok: true, value: { count: 6 }, warnings: [] });
    expect(session.scores({}).ok).toBe(true);
    reload();
    expect(session.scores({})).toMatchObject({ ok: false, issues: [{ code: 'retrofit.not-loaded' }] });
  });

  it('rejects a context of another size', () => {
    const { session, ctx } = setup();
    expect(session.loadContext({ ...ctx, count: 5 })).toMatchObject({
      ok: false,
      issues: [{ code: 'retrofit.context-mismatch' }],
    });
  });

  it('filters by buurt, ownership and type', () => {
    const { session, ctx } = setup();
    session.loadContext(ctx);
    const r = session.scores({ buurt: ['BU16740300'], ownership: ['corporatie'] });
    expect(r.ok && r.value.dwellings.map((d) => d.type)).toEqual(['galerij']);
    expect(r.ok && r.value.total).toBe(6);
    expect(session.scores({ type: ['vrijstaand'] })).toMatchObject({ ok: true, value: { count: 0 } });
  });

  it('re-applies factor weights in place, and rescores fully when energy-poverty parameters change', () => {
    const { session, ctx } = setup();
    session.loadContext(ctx);
    const base = session.scores({});
    const onlyLabel = {
      ...DEFAULT_WEIGHTS,
      factors: { energyPoverty: 0, labelGap: 1, gasSaving: 0, costEffectiveness: 0, ecologyEase: 0 },
    };
    expect(session.rescore(onlyLabel)).toMatchObject({ ok: true, value: { count: 6, ms: 1 } });
    const labelOnly = session.scores({ weights: onlyLabel });
    if (!labelOnly.ok || !base.ok) throw new Error('not scored');
    for (const d of labelOnly.value.dwellings) expect(d.priority).toBeCloseTo(d.breakdown.labelGap, 6);
    // A lower point of full income share raises the energy-poverty factor of buurten below it.
    const richer = {
      ...DEFAULT_WEIGHTS,
      energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, lowIncomeShareFull: 0.05 },
    };
    const r = session.scores({ weights: richer });
    if (!r.ok) throw new Error('not scored');
    expect(r.value.lowIncomeShareDefaulted).toEqual([]);
    const kalsdonk = (x: typeof r) =>
      x.ok ? x.value.dwellings.filter((d) => d.buurtcode === 'BU16740202').map((d) => d.breakdown.energyPoverty) : [];
    kalsdonk(r).forEach((v, i) => expect(v).toBeGreaterThan(kalsdonk(base)[i]!));
    // Back to the defaults gives the first scores again.
    expect(session.scores({})).toEqual(base);
  });

  it("gives a dwelling's detail, or a coded error for an unknown dwelling or date", () => {
    const { ds, session, ctx } = setup();
    session.loadContext(ctx);
    const d = session.dwelling(ds.dwellings[1]!.vboId, '2025-03-01');
    expect(d.ok && d.value.ecology).toMatchObject({ route: 'pre-smp' });
    expect(session.dwelling('0000000000000000', '2025-03-01')).toMatchObject({
      ok: false,
      issues: [{ code: 'dwelling.unknown' }],
    });
    expect(session.dwelling(ds.dwellings[1]!.vboId, '1-3-2025')).toMatchObject({
      ok: false,
      issues: [{ code: 'retrofit.date.invalid' }],
    });
  });
});

describe('retrofit session: calibration to imported CBS gas use', () => {
  it('without CBS rows every dwelling says "none"; with them, the dwelling\'s row and source, and gas use meets it per type', () => {
    const { ds, session, ctx } = setup();
    session.loadContext(ctx);
    const first = ds.dwellings[0]!;
    const before = session.dwelling(first.vboId, '2026-01-01');
    expect(before.ok && before.value.measuredUse).toEqual({ source: 'none', gasM3: null });

    const withRows = {
      ...ds,
      measuredGasUse: [
        {
          regionCode: `GM${first.buurtcode.slice(2, 6)}`,
          characteristic: 'appartement' as const,
          gasM3: 700,
          year: 2023,
          table: '85999NED',
          dataDate: '2023-12-31',
        },
        {
          regionCode: first.buurtcode,
          characteristic: 'tussenwoning' as const,
          gasM3: 1200,
          year: 2023,
          table: '85999NED',
          dataDate: '2023-12-31',
        },
      ],
    };
    const table = toColumns(withRows.dwellings);
    const c2 = createRetrofitSession({ table: () => table, now: () => 0 });
    expect(c2.loadContext(retrofitContext(withRows, table.buurtCodes)).ok).toBe(true);
    const all = c2.scores({});
    if (!all.ok) throw new Error('scores failed');
    for (const d of ds.dwellings) {
      const det = c2.dwelling(d.vboId, '2026-01-01');
      if (!det.ok) throw new Error('detail failed');
      const flat = ['portiek', 'galerij', 'maisonnette', 'overig'].includes(d.type);
      if (flat) expect(det.value.measuredUse).toEqual({ source: 'gemeente', gasM3: 700 });
      else if (d.type === 'tussenwoning' && d.buurtcode === first.buurtcode)
        expect(det.value.measuredUse).toEqual({ source: 'buurt', gasM3: 1200 });
      else expect(det.value.measuredUse.source).toBe('regional-proxy');
    }
    const flats = all.value.dwellings.filter((d) => ['portiek', 'galerij', 'maisonnette', 'overig'].includes(d.type));
    const byType = new Map<string, number[]>();
    for (const d of flats) byType.set(d.type, [...(byType.get(d.type) ?? []), d.gasUseM3PerYear]);
    expect(byType.size).toBeGreaterThan(0);
    // Rounded per dwelling: the mean meets the measured figure within half a m³.
    for (const [, gas] of byType) expect(Math.abs(gas.reduce((a, b) => a + b, 0) / gas.length - 700)).toBeLessThan(0.5);
  });
});
