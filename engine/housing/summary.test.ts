import { describe, expect, it } from 'vitest';
import { compileFixtureScenario } from '../test-fixtures/fixture-scenario.ts';
import { fixtureStock } from '../test-fixtures/housing-stock.ts';
import type { CompiledScenario } from './compiled.ts';
import { METRIC_IDS, N_METRICS } from './metrics.ts';
import { quantileSorted } from './quantiles.ts';
import { runBatch, runStride } from './simulate.ts';
import { summarise } from './summary.ts';

const stock = fixtureStock();
const DATASET = { name: 'fixture', synthetic: true, dataDate: '2025-01-01' };

const compiled = (extra: Record<string, unknown> = {}): CompiledScenario =>
  compileFixtureScenario(stock, { horizon: { start: 2025, end: 2040 }, seed: 5, runs: 8, ...extra }).value;

describe('quantileSorted', () => {
  it('interpolates between order statistics (type 7)', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileSorted(xs, 10, 0.5)).toBe(5.5);
    expect(quantileSorted(xs, 10, 0.1)).toBeCloseTo(1.9);
    expect(quantileSorted(xs, 10, 0.9)).toBeCloseTo(9.1);
    expect(quantileSorted([4], 1, 0.9)).toBe(4);
    expect(quantileSorted([], 0, 0.5)).toBeNaN();
  });
});

describe('summarise', () => {
  it('reports the share of runs that meet each target', () => {
    const sc = compiled({
      targets: [
        { id: 'laag', metric: 'share-low-income', area: 'Noord', year: 2035, max: 0.45, probability: 0.5 },
        { id: 'nooit', metric: 'dwellings', area: 'Noord', year: 2035, min: 100_000, probability: 0.1 },
      ],
    });
    const runs = 20;
    const values = runBatch(stock, sc, 0, runs);
    const s = summarise(sc, values, runs, { id: 't', dataset: DATASET, buurtCodes: stock.buurtCodes });
    const stride = runStride(sc),
      at = (3 * sc.years.length + 10) * N_METRICS + METRIC_IDS.indexOf('share-low-income');
    let hits = 0;
    for (let r = 0; r < runs; r++) if (values[r * stride + at]! <= 0.45) hits++;
    expect(s.targets[0]).toMatchObject({ id: 'laag', probability: hits / runs, met: hits / runs >= 0.5 });
    expect(s.targets[1]).toMatchObject({ id: 'nooit', probability: 0, met: false, median: 200 });
    expect(s.series.Noord!['share-low-income']!.p10[10]!).toBeLessThanOrEqual(
      s.series.Noord!['share-low-income']!.p90[10]!,
    );
    expect(s.series.BU00000001!.dwellings!.p50).toEqual(new Array(16).fill(200));
  });

  // The p10–p90 band of outcomes is the spread between runs and converges to it; what more runs
  // narrow is the Monte Carlo error of every reported figure. Independent batches of runs must agree
  // more closely when they are larger.
  it('narrows the uncertainty of the reported figures as runs grow', () => {
    const sc = compiled({ interventions: [{ kind: 'sale', area: 'Noord', count: 40, by: 2032 }] });
    const batches = 8;
    const spread = (size: number, offset: number, metric: string, stat: 'p50' | 'mean'): number => {
      const xs: number[] = [];
      for (let k = 0; k < batches; k++) {
        const first = offset + k * size;
        const s = summarise(sc, runBatch(stock, sc, first, size), size, {
          id: 't',
          dataset: DATASET,
          buurtCodes: stock.buurtCodes,
        });
        xs.push(s.series.Noord![metric]![stat][4]!);
      }
      xs.sort((a, b) => a - b);
      return xs[batches - 1]! - xs[0]!;
    };
    for (const [metric, stat] of [
      ['share-low-income', 'mean'],
      ['share-55plus', 'p50'],
      ['sold', 'mean'],
    ] as const) {
      const small = spread(4, 0, metric, stat);
      const large = spread(36, 1000, metric, stat);
      expect(small, metric).toBeGreaterThan(0);
      // √9 = 3 times narrower in expectation; allow for chance.
      expect(large / small, metric).toBeLessThan(0.7);
    }
  });
});
