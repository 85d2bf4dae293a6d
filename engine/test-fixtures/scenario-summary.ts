import type { HousingRules } from '../housing/housing-rules.ts';
import { RESULT_FORMAT, type ScenarioSummary } from '../housing/summary.ts';

/** The `rules` section of a summary that used no rules (for result-format tests). */
export const NO_HOUSING_RULES: HousingRules = {
  limits: [],
  rents: { base: 0, perM2: 0, labelStep: 0, baseYear: 2025, registered: 0, imputed: 0 },
  passendShare: 0.95,
  labelAgreement: null,
  designations: [],
  versions: [],
};

/**
 * A small scenario result with the shapes exports must handle: a scenario id with `;` and quotes, a buurt and an
 * area, an area without series, a numeric and a label threshold, a missing median, a tiny value and a null.
 */
export const SCENARIO_SUMMARY: ScenarioSummary = {
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
  rules: NO_HOUSING_RULES,
};
