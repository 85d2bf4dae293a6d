import { describe, expect, it } from 'vitest';
import { compileFixtureScenario } from '../test-fixtures/fixture-scenario.ts';
import { fixtureStock } from '../test-fixtures/housing-stock.ts';
import type { CompiledScenario } from './compiled.ts';
import { METRIC_IDS, N_METRICS, type MetricId } from './metrics.ts';
import { runBatch, runStride } from './simulate.ts';

const stock = fixtureStock();

const compiled = (extra: Record<string, unknown>): CompiledScenario =>
  compileFixtureScenario(stock, { horizon: { start: 2025, end: 2045 }, seed: 11, runs: 8, ...extra }).value;

/** value(run, unit, yearIndex, metric) over a batch. */
function reader(sc: CompiledScenario, values: Float64Array) {
  const stride = runStride(sc),
    Y = sc.years.length;
  return (run: number, unit: number, yi: number, m: MetricId): number =>
    values[run * stride + (unit * Y + yi) * N_METRICS + METRIC_IDS.indexOf(m)]!;
}

const EVERYTHING = {
  allocation: { inflowSteering: [{ area: 'Noord', maxLowIncomeShare: 0.4 }] },
  interventions: [
    { kind: 'sale', area: 'Noord', count: 30, by: 2032, mode: 'on-turnover' },
    { kind: 'liberalisation', area: 'Zuid', count: 20, by: 2035 },
    { kind: 'acquisition', area: 'Zuid', count: 6, by: 2030, then: 'koop' },
    { kind: 'demolition', area: 'BU00000002', count: 24, year: 2029 },
    {
      kind: 'new-build',
      area: 'BU00000002',
      year: 2032,
      dwellings: [
        { count: 10, type: 'tussenwoning', tenure: 'koop' },
        { count: 8, type: 'galerij', tenure: 'middenhuur-corporatie' },
      ],
    },
    { kind: 'split', area: 'Noord', count: 5, tenures: ['sociale-huur', 'koop'], year: 2030 },
    { kind: 'merge', area: 'BU00000003', count: 4, tenures: ['koop', 'sociale-huur', 'particuliere-huur'], year: 2031 },
    { kind: 'retrofit', area: 'Zuid', count: 40, by: 2033 },
  ],
};

describe('simulation invariants over every unit, year and run', () => {
  const sc = compiled(EVERYTHING);
  const runs = 12;
  const v = reader(sc, runBatch(stock, sc, 0, runs));
  const Y = sc.years.length;

  it('changes dwelling counts only by demolition, new-build, splitting and merging', () => {
    for (let r = 0; r < runs; r++) {
      sc.units.forEach((_, u) => {
        const start = v(r, u, 0, 'dwellings');
        for (let yi = 0; yi < Y; yi++) {
          const expected =
            start + v(r, u, yi, 'built') - v(r, u, yi, 'demolished') + v(r, u, yi, 'split') - v(r, u, yi, 'merged');
          expect(v(r, u, yi, 'dwellings')).toBe(expected);
        }
      });
    }
    const all = sc.units.findIndex((u) => u.id === 'BU00000002');
    expect(v(0, all, Y - 1, 'demolished')).toBe(24);
    expect(v(0, all, Y - 1, 'built')).toBe(18);
  });

  it('never has negative counts, more households than dwellings, or shares outside 0–1', () => {
    const bad: string[] = [];
    for (let r = 0; r < runs; r++) {
      sc.units.forEach((unit, u) => {
        for (let yi = 0; yi < Y; yi++) {
          const at = `${unit.id} ${sc.years[yi]} run ${r}`;
          for (const m of METRIC_IDS) {
            const x = v(r, u, yi, m);
            if (x < 0) bad.push(`${m} < 0 in ${at}`);
            const share =
              m.startsWith('share-') || m === 'vacancy' || m === 'corporatiebuurt' || m === 'inflow-low-income';
            if (share && x > 1) bad.push(`${m} > 1 in ${at}`);
          }
          if (v(r, u, yi, 'households') > v(r, u, yi, 'dwellings')) bad.push(`households > dwellings in ${at}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });

  it('does not sell, liberalise or acquire more than asked, and sells exactly that many to tenants', () => {
    const noord = sc.units.findIndex((u) => u.id === 'Noord'),
      zuid = sc.units.findIndex((u) => u.id === 'Zuid');
    for (let r = 0; r < runs; r++) {
      expect(v(r, noord, Y - 1, 'sold')).toBeLessThanOrEqual(30);
      expect(v(r, zuid, Y - 1, 'liberalised')).toBeLessThanOrEqual(20);
      expect(v(r, zuid, Y - 1, 'acquired')).toBe(6);
    }
    const tenants = compiled({
      interventions: [{ kind: 'sale', area: 'Noord', count: 40, from: 2026, by: 2028, mode: 'to-tenants' }],
    });
    const t = reader(tenants, runBatch(stock, tenants, 0, 4));
    const n = tenants.units.findIndex((u) => u.id === 'Noord');
    for (let r = 0; r < 4; r++) expect([1, 2, 3, 4].map((yi) => t(r, n, yi, 'sold'))).toEqual([13, 27, 40, 40]);
  });
});

describe('simulation behaviour', () => {
  it('keeps the dwelling count and corporation share when only tenure and labels change', () => {
    const sc = compiled({
      interventions: [
        { kind: 'liberalisation', area: 'Noord', count: 25, by: 2035 },
        { kind: 'retrofit', area: 'Noord', count: 50, by: 2030 },
      ],
    });
    const v = reader(sc, runBatch(stock, sc, 0, 6));
    const u = sc.units.findIndex((x) => x.id === 'Noord'),
      Y = sc.years.length;
    for (let r = 0; r < 6; r++) {
      expect(v(r, u, Y - 1, 'dwellings')).toBe(v(r, u, 0, 'dwellings'));
      expect(v(r, u, Y - 1, 'share-corporation')).toBe(v(r, u, 0, 'share-corporation'));
      expect(v(r, u, Y - 1, 'share-mid-rent-corporation')).toBeGreaterThan(v(r, u, 0, 'share-mid-rent-corporation'));
      expect(v(r, u, Y - 1, 'average-label')).toBeLessThan(v(r, u, 0, 'average-label'));
      expect(v(r, u, Y - 1, 'energy-cost')).toBeLessThan(v(r, u, 0, 'energy-cost'));
    }
  });

  it('keeps regular low-income inflow within the steering quota when nobody is exempt', () => {
    const sc = compiled({
      allocation: { urgentShare: 0, label55Plus: 0, inflowSteering: [{ area: 'Zuid', maxLowIncomeShare: 0.3 }] },
    });
    const v = reader(sc, runBatch(stock, sc, 0, 6));
    for (const id of ['BU00000002', 'BU00000003']) {
      const u = sc.units.findIndex((x) => x.id === id);
      for (let r = 0; r < 6; r++)
        for (let yi = 1; yi < sc.years.length; yi++) {
          const x = v(r, u, yi, 'inflow-low-income');
          if (!Number.isNaN(x)) expect(x).toBeLessThanOrEqual(0.3 + 1e-12);
        }
    }
    const free = compiled({ allocation: { urgentShare: 0, label55Plus: 0 } });
    const f = reader(free, runBatch(stock, free, 0, 6));
    const u = free.units.findIndex((x) => x.id === 'Zuid');
    let mean = 0;
    for (let r = 0; r < 6; r++)
      for (let yi = 1; yi < free.years.length; yi++)
        mean += f(r, u, yi, 'inflow-low-income') / (6 * (free.years.length - 1));
    expect(mean).toBeGreaterThan(0.5);
  });

  it('resells acquired dwellings to owner-occupiers on their next vacancy', () => {
    const sc = compiled({
      interventions: [{ kind: 'acquisition', area: 'Noord', count: 8, from: 2026, by: 2026, then: 'koop' }],
    });
    const v = reader(sc, runBatch(stock, sc, 0, 4));
    const u = sc.units.findIndex((x) => x.id === 'Noord'),
      Y = sc.years.length;
    for (let r = 0; r < 4; r++) {
      const dw = v(r, u, 0, 'dwellings');
      expect(v(r, u, 1, 'acquired')).toBe(8);
      expect(v(r, u, 1, 'share-municipal') * dw).toBeCloseTo(8);
      expect(v(r, u, Y - 1, 'share-municipal') * dw).toBeLessThan(8);
    }
  });
});

describe('determinism', () => {
  const sc = compiled(EVERYTHING);

  it('gives identical numbers for the same seed, however the runs are batched', () => {
    const whole = runBatch(stock, sc, 0, 6);
    expect(runBatch(stock, sc, 0, 6)).toEqual(whole);
    const parts = new Float64Array(whole.length);
    parts.set(runBatch(stock, sc, 0, 2), 0);
    parts.set(runBatch(stock, sc, 2, 4), 2 * runStride(sc));
    expect(Buffer.from(parts.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
  });

  it('gives other numbers for another seed, and different runs differ', () => {
    const a = runBatch(stock, sc, 0, 2);
    const b = runBatch(stock, { ...sc, seed: sc.seed + 1 }, 0, 2);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(false);
    const stride = runStride(sc);
    expect(Buffer.from(a.buffer, 0, stride * 8).equals(Buffer.from(a.buffer, stride * 8, stride * 8))).toBe(false);
  });
});
