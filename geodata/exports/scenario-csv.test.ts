import { describe, expect, it } from 'vitest';
import { RESULT_FORMAT, type ScenarioSummary } from '../../engine/housing/summary.ts';
import { openCsv } from '../../test/spreadsheet.ts';
import { resultCsv, targetsCsv } from './scenario-csv.ts';

const s: ScenarioSummary = {
  format: RESULT_FORMAT,
  scenario: {
    id: 'verkoop;"a"',
    name: 'Verkoop',
    description: '',
    seed: 7,
    runs: 200,
    horizon: { start: 2025, end: 2026 },
  },
  dataset: { name: 'test', synthetic: true, dataDate: '2025-01-01' },
  years: [2025, 2026],
  units: [
    { id: 'BU16740202', name: 'Kalsdonk', kind: 'buurt', buurten: ['BU16740202'] },
    { id: 'westrand', name: 'Westrand, samen', kind: 'area', buurten: ['BU16740300', 'BU16740301'] },
    { id: 'leeg', name: 'Zonder reeksen', kind: 'area', buurten: [] },
  ],
  metrics: [{ id: 'share-corporation', label: 'Corporatiebezit', unit: 'share' }],
  interventions: [],
  targets: [
    {
      id: 'max-corp',
      description: '',
      metric: 'share-corporation',
      area: 'BU16740202',
      year: 2026,
      bound: 'max',
      threshold: '0.5',
      requiredProbability: 0.8,
      probability: 0.925,
      median: 0.4,
      met: true,
    },
    {
      id: 'min-label',
      description: '',
      metric: 'average-label',
      area: 'westrand',
      year: 2026,
      bound: 'min',
      threshold: 'C',
      requiredProbability: 0.5,
      probability: 0,
      median: null,
      met: false,
    },
  ],
  series: {
    BU16740202: {
      'share-corporation': { p10: [0.5, 0.0000001], p50: [0.55, 0.4], p90: [0.6, 0.45], mean: [0.55, null] },
    },
    westrand: { 'no-label-metric': { p10: [1], p50: [2], p90: [3], mean: [2] } },
  },
  warnings: [],
  rules: { limits: [], passendShare: 0.95, labelAgreement: null, designations: [], versions: [] },
};

describe('resultCsv', () => {
  it('writes Dutch-Excel CSV: BOM, ";" separator, decimal comma without exponents, CRLF, quoted cells', () => {
    const text = resultCsv(s);
    expect(
      text.startsWith(
        '\uFEFFscenario;gebied;gebied_naam;soort;indicator;indicator_naam;jaar;p10;mediaan;p90;gemiddelde;runs;synthetisch\r\n',
      ),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 2 + 2);
    expect(rows[1]).toBe(
      '"verkoop;""a""";BU16740202;Kalsdonk;buurt;share-corporation;Corporatiebezit;2025;0,5;0,55;0,6;0,55;200;ja',
    );
    expect(rows[2]).toBe(
      '"verkoop;""a""";BU16740202;Kalsdonk;buurt;share-corporation;Corporatiebezit;2026;0,0000001;0,4;0,45;;200;ja',
    );
    // An area (not a buurt), a metric without a label (its id), a year beyond the series (empty cells).
    expect(rows[3]).toBe(
      '"verkoop;""a""";westrand;Westrand, samen;gebied;no-label-metric;no-label-metric;2025;1;2;3;2;200;ja',
    );
    expect(rows[4]).toBe(
      '"verkoop;""a""";westrand;Westrand, samen;gebied;no-label-metric;no-label-metric;2026;;;;;200;ja',
    );
  });

  it('neutralises a formula in a name and keeps a code a spreadsheet would retype as text', () => {
    const evil: ScenarioSummary = {
      ...s,
      scenario: { ...s.scenario, id: '=HYPERLINK("x")' },
      units: [{ ...s.units[0]!, id: '1-2', name: '@SUM(1)' }],
      series: { '1-2': s.series.BU16740202! },
    };
    const [, first] = openCsv(resultCsv(evil));
    expect(first!.slice(0, 3).map((c) => [c.type, c.value, c.formula])).toEqual([
      ['s', '\'=HYPERLINK("x")', undefined],
      ['s', '1-2', undefined],
      ['s', "'@SUM(1)", undefined],
    ]);
  });

  it('marks real data as not synthetic', () => {
    expect(
      resultCsv({ ...s, dataset: { ...s.dataset, synthetic: false } })
        .split('\r\n')[1]!
        .endsWith(';nee'),
    ).toBe(true);
  });
});

describe('targetsCsv', () => {
  it('writes one row per target with bound, threshold in decimal comma, probabilities and whether it was met', () => {
    const rows = targetsCsv(s).slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('scenario;doel;indicator;gebied;jaar;grens;drempel;vereiste_kans;kans;mediaan;gehaald');
    expect(rows[1]).toBe('"verkoop;""a""";max-corp;share-corporation;BU16740202;2026;maximaal;0,5;0,8;0,925;0,4;ja');
    expect(rows[2]).toBe('"verkoop;""a""";min-label;average-label;westrand;2026;minimaal;C;0,5;0;;nee');
  });
});

describe('scenario CSV, small numbers', () => {
  it('writes tiny and negative figures without an exponent', () => {
    const csv = resultCsv({
      ...s,
      units: [s.units[0]!],
      series: { BU16740202: { x: { p10: [null, null], p50: [0.0125, 1e-7], p90: [0.02, -0.5], mean: [0.013, 0] } } },
    });
    expect(csv).toContain(';2026;;0,0000001;-0,5;0;200;ja');
  });
});
