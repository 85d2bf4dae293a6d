import { describe, expect, it } from 'vitest';
import { NO_HOUSING_RULES } from '../test-fixtures/scenario-summary.ts';
import { KEY_METRICS, compareTable, formatBand, formatValue, keyFiguresTable, targetsTable } from './result-table.ts';
import { RESULT_FORMAT, type ScenarioSummary, type SeriesStats, type TargetResult } from './summary.ts';

const stats = (
  p10: (number | null)[],
  p50: (number | null)[],
  p90: (number | null)[],
  mean: (number | null)[] = p50,
): SeriesStats => ({ p10, p50, p90, mean });

function summary(id: string, series: ScenarioSummary['series'], targets: TargetResult[] = []): ScenarioSummary {
  return {
    format: RESULT_FORMAT,
    scenario: { id, name: id, description: '', seed: 1, runs: 10, horizon: { start: 2025, end: 2030 } },
    dataset: { name: 'test', synthetic: true, dataDate: '2025-01-01' },
    years: [2025, 2030],
    units: [],
    metrics: [],
    interventions: [],
    targets,
    series,
    warnings: [],
    rules: NO_HOUSING_RULES,
  };
}

const target = (o: Partial<TargetResult>): TargetResult => ({
  id: 't',
  description: '',
  metric: 'share-corporation',
  area: 'BU16740202',
  year: 2030,
  bound: 'max',
  threshold: '0.5',
  requiredProbability: 0.8,
  probability: 0.9,
  median: 0.45,
  met: true,
  ...o,
});

describe('formatValue', () => {
  it('writes each unit in Dutch notation', () => {
    expect(formatValue('share-corporation', 0.463)).toBe('46,3%');
    expect(formatValue('corporatiebuurt', 0.35)).toBe('kans 0,35');
    // ENERGY_LABELS runs A++++ … G: index 6 is C (engine/dwelling.ts).
    expect(formatValue('average-label', 6.4)).toBe('C (6,4)');
    expect(formatValue('energy-cost', 1892.4)).toBe('€ 1.892');
    expect(formatValue('dwellings', 1751)).toBe('1.751');
    expect(formatValue('an-unknown-metric', 12.6)).toBe('13');
    expect(formatValue('dwellings', null)).toBe('–');
  });

  it('clamps a label index outside the label scale to its ends', () => {
    expect(formatValue('average-label', -3)).toBe('A++++ (-3,0)');
    expect(formatValue('average-label', 99)).toBe('G (99,0)');
  });
});

describe('formatBand', () => {
  it('gives the median with its 10–90 % band, a single value when the band is empty, and a probability for flags', () => {
    expect(formatBand('dwellings', stats([90, 100], [95, 110], [99, 120]), 1)).toBe('110 [100–120]');
    expect(formatBand('dwellings', stats([95], [95], [95]), 0)).toBe('95');
    expect(formatBand('corporatiebuurt', stats([0], [1], [1], [0.7]), 0)).toBe('kans 0,70');
    expect(formatBand('dwellings', stats([], [], []), 3)).toBe('–');
  });
});

describe('targetsTable', () => {
  it('says so when a scenario has no targets', () => {
    expect(targetsTable(summary('a', {}))).toBe('Geen doelen in dit scenario.');
  });

  it('lists each target with ✓/✗, its bound in the metric notation, probabilities and median', () => {
    const text = targetsTable(
      summary('a', {}, [
        target({ id: 'corp-max' }),
        target({
          id: 'label-min',
          metric: 'average-label',
          bound: 'min',
          threshold: '3.5',
          met: false,
          probability: 0.1,
          median: 4.2,
        }),
        target({ id: 'flag', metric: 'corporatiebuurt', threshold: '0', median: null }),
        target({ id: 'unknown', metric: 'no-such-metric', threshold: 'x', median: 7 }),
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\s+doel\s+eis\s+kans\s+vereist\s+mediaan$/);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
    expect(lines[2]).toMatch(/^✓\s+corp-max\s+Corporatiebezit BU16740202 2030 ≤ 50,0%\s+0,90\s+0,80\s+45,0%$/);
    expect(lines[3]).toMatch(
      /^✗\s+label-min\s+Gemiddeld energielabel BU16740202 2030 ≥ 3,5\s+0,10\s+0,80\s+A \(4,2\)$/,
    );
    expect(lines[4]).toMatch(
      /^✓\s+flag\s+Corporatiebuurt \(> 2\/3 corporatiebezit\) BU16740202 2030 ≤ 0\s+0,90\s+0,80\s+–$/,
    );
    expect(lines[5]).toMatch(/^✓\s+unknown\s+no-such-metric BU16740202 2030 ≤ x\s+0,90\s+0,80\s+7$/);
  });
});

describe('keyFiguresTable', () => {
  it('shows the chosen units and metrics per year and skips those the summary lacks', () => {
    const s = summary('a', {
      BU16740202: {
        dwellings: stats([90, 100], [95, 110], [99, 120]),
        'share-corporation': stats([0.5, 0.4], [0.55, 0.45], [0.6, 0.5]),
      },
    });
    const lines = keyFiguresTable(
      s,
      ['BU16740202', 'BU99999999'],
      [2025, 2030],
      ['dwellings', 'share-corporation', 'energy-cost'],
    ).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^gebied\s+indicator\s+2025\s+2030$/);
    expect(lines[2]).toMatch(/^BU16740202\s+Woningen\s+95 \[90–99\]\s+110 \[100–120\]$/);
    expect(lines[3]).toMatch(/^BU16740202\s+Corporatiebezit\s+55,0% \[50,0%–60,0%\]\s+45,0% \[40,0%–50,0%\]$/);
  });

  it('has default metrics that all exist', () => {
    expect(KEY_METRICS.map((m) => formatValue(m, 1))).not.toContain('–');
  });
});

describe('compareTable', () => {
  it('puts two scenarios side by side with the difference of medians (points for shares, probabilities for flags)', () => {
    const a = summary('basis', {
      BU16740202: {
        'share-corporation': stats([0.5, 0.5], [0.6, 0.55], [0.7, 0.6]),
        corporatiebuurt: stats([0, 0], [1, 0], [1, 1], [0.8, 0.4]),
        dwellings: stats([100, 100], [100, 100], [100, 100]),
      },
    });
    const b = summary('verkoop', {
      BU16740202: {
        'share-corporation': stats([0.4, 0.3], [0.5, 0.35], [0.6, 0.4]),
        corporatiebuurt: stats([0, 0], [0, 0], [1, 0], [0.5, 0.1]),
        dwellings: stats([100, 90], [100, null], [100, 110]),
      },
    });
    const lines = compareTable(
      a,
      b,
      ['BU16740202', 'BU16740300'],
      [2030, 2040],
      ['share-corporation', 'corporatiebuurt', 'dwellings', 'vacancy'],
    ).split('\n');
    expect(lines[0]).toMatch(/^gebied\s+indicator\s+jaar\s+A: basis\s+B: verkoop\s+B − A$/);
    // 2040 is in neither summary: skipped; BU16740300 and vacancy have no series: skipped.
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/Corporatiebezit\s+2030\s+55,0% \[50,0%–60,0%\]\s+35,0% \[30,0%–40,0%\]\s+-20,0 %-punt$/);
    expect(lines[3]).toMatch(/Corporatiebuurt .*\s+2030\s+kans 0,40\s+kans 0,10\s+-0,30$/);
    expect(lines[4]).toMatch(/Woningen\s+2030\s+100\s+– \[90–110\]\s+–$/);
  });

  it('signs a rise with +', () => {
    const a = summary('a', {
      X: { dwellings: stats([1, 1], [1, 1], [1, 1]), vacancy: stats([0.1, 0.1], [0.1, 0.1], [0.1, 0.1]) },
    });
    const b = summary('b', {
      X: { dwellings: stats([3, 3], [3, 3], [3, 3]), vacancy: stats([0.2, 0.2], [0.2, 0.2], [0.2, 0.2]) },
    });
    const lines = compareTable(a, b, ['X'], [2025], ['dwellings', 'vacancy']).split('\n');
    expect(lines[2]).toMatch(/\+2,00$/);
    expect(lines[3]).toMatch(/\+10,0 %-punt$/);
  });
});
