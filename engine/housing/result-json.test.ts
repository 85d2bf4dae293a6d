import { describe, expect, it } from 'vitest';
import { NO_HOUSING_RULES } from '../test-fixtures/scenario-summary.ts';
import { resultJson } from './result-json.ts';
import type { ScenarioSummary } from './summary.ts';

const SUMMARY: ScenarioSummary = {
  format: 'voorraad-scenario-result@1',
  scenario: {
    id: 'basis',
    name: 'Basis; test',
    description: 'd',
    seed: 1,
    runs: 2,
    horizon: { start: 2025, end: 2026 },
  },
  dataset: { name: 'x', synthetic: true, dataDate: '2025-01-01' },
  years: [2025, 2026],
  units: [{ id: 'Noord', name: 'Noord', kind: 'area', buurten: ['BU00000001'] }],
  metrics: [{ id: 'vacancy', label: 'Leegstand', unit: 'share' }],
  interventions: [],
  targets: [
    {
      id: 'leeg',
      description: '',
      metric: 'vacancy',
      area: 'Noord',
      year: 2026,
      bound: 'max',
      threshold: '0.03',
      requiredProbability: 0.9,
      probability: 0.5,
      median: 0.0125,
      met: false,
    },
  ],
  series: { Noord: { vacancy: { p10: [0.01, null], p50: [0.0125, 1e-7], p90: [0.02, -0.5], mean: [0.013, 0] } } },
  warnings: [],
  rules: NO_HOUSING_RULES,
};

describe('resultJson', () => {
  it('keeps number arrays on one line and round-trips', () => {
    const text = resultJson(SUMMARY);
    expect(text).toContain('"p50": [0.0125, 1e-7]');
    expect(text).toContain('"p10": [0.01, null]');
    expect(text).toContain('"years": [2025, 2026]');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(SUMMARY);
  });
});
