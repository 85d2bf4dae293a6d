import { describe, expect, it } from 'vitest';
import { SCENARIO_SUMMARY } from '../../engine/test-fixtures/scenario-summary.ts';
import { openCsv } from '../../test/spreadsheet.ts';
import { compareChartCsv, compareChartTable } from './compare-export.ts';

const a = SCENARIO_SUMMARY;
const b = {
  ...a,
  scenario: { ...a.scenario, id: 'b', name: 'Verkopen' },
  metrics: [...a.metrics, { id: 'kans', label: 'Kans op corporatiebuurt', unit: 'flag' }],
  series: {
    BU16740202: {
      'share-corporation': { p10: [0.4, 0.3], p50: [0.5, 0.35], p90: [0.6, 0.4], mean: [0.5, 0.35] },
      kans: { p10: [0, 0], p50: [0, 1], p90: [1, 1], mean: [0.25, 0.6] },
    },
  },
};
const ctx = {
  exportedBy: { name: 'test', role: 'gemeente', via: 'session' as const },
  exportedAt: '2025-01-15T09:00:00.000Z',
  dataset: { name: 'proef', dataDate: '2025-01-01', synthetic: true },
};

describe('compare chart export', () => {
  it('one row per indicator and year with both scenarios and the difference of the medians', () => {
    const t = compareChartTable(a, b, 'BU16740202', ['share-corporation', 'ontbreekt']);
    expect(t.rows.map((r) => [r.gebied, r.indicator, r.jaar, r.a_mediaan, r.b_mediaan])).toEqual([
      ['Kalsdonk', 'Corporatiebezit', 2025, 0.55, 0.5],
      ['Kalsdonk', 'Corporatiebezit', 2026, 0.4, 0.35],
    ]);
    expect(t.rows[0]!.verschil).toBeCloseTo(-0.05, 12);
    expect(t.rows[0]!.eenheid).toBe('aandeel (0-1)');
  });

  it("draws a flag's probability (mean over runs) without a band, as the chart does", () => {
    const withFlag = { ...a, metrics: b.metrics, series: b.series };
    const t = compareChartTable(withFlag, b, 'BU16740202', ['kans']);
    expect(t.rows.map((r) => [r.a_p10, r.a_mediaan, r.a_p90, r.verschil])).toEqual([
      [0.25, 0.25, 0.25, 0],
      [0.6, 0.6, 0.6, 0],
    ]);
  });

  it('CSV with the metadata block (Amsterdam time, synthetic) and typed cells', () => {
    const csv = compareChartCsv(a, b, 'BU16740202', ['share-corporation'], ctx);
    expect(csv).toContain('Geëxporteerd op;15-01-2025 10:00:00 CET');
    expect(csv).toContain('Synthetisch;ja — SYNTHETISCHE GEGEVENS');
    expect(csv).toContain('Toelichting;Scenario B: Verkopen (b, 200 runs, seed 7).');
    const rows = openCsv(csv);
    const last = rows.filter((r) => r[0]?.value === 'Kalsdonk').at(-1)!;
    expect(last.slice(3, 6).map((c) => c.type)).toEqual(['n', 'n', 'n']);
  });
});
