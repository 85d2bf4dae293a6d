import { describe, expect, it } from 'vitest';
import { planDetailFixture } from '../../../engine/test-fixtures/plan-detail.ts';
import {
  ALL,
  STATUS_COLOURS,
  batchOptions,
  bulkStatuses,
  bulkTargets,
  filteredCount,
  planFilter,
  statusColourExpression,
} from './plan-filter-model.ts';

const dwelling = (vboId: string) => ({
  vboId,
  measures: ['roof'],
  natuurvrijVanaf: null,
  insulationFrom: '2027-03-20',
  insulationUntil: '2027-07-31',
  costEur: 1000,
  programmeContributionEur: 500,
  gasSavingM3PerYear: 1,
  route: 'pre-smp',
  ownership: 'eigenaar-bewoner',
  labelBefore: 'E',
  labelAfter: 'C',
  location: [4.46, 51.53],
});
const batch = (id: string, season: string, ids: string[]) => ({
  id,
  season,
  unit: 'block',
  unitId: id,
  buurtcode: 'BU16740202',
  projectPrice: false,
  corporationYear: null,
  fixed: false,
  dwellings: ids.map(dwelling),
  costEur: 1000 * ids.length,
  programmeContributionEur: 500 * ids.length,
  gasSavingM3PerYear: 1,
});
const detail = planDetailFixture({
  id: 1,
  dataset: { name: 's', synthetic: true },
  solver: 'greedy',
  objective: 1,
  gap: null,
  greedyObjective: 1,
  dwellings: 4,
  batches: 2,
  statusCounts: {},
  input: { budgetEur: 1, window: { from: '2026-12-01', until: '2033-12-31' } },
  plan: {
    seasons: [
      { id: '2027-voorjaar', year: 2027, exclusionFrom: '2027-03-16', insulationUntil: '2027-07-31' },
      { id: '2027-najaar', year: 2027, exclusionFrom: '2027-08-01', insulationUntil: '2028-03-15' },
    ],
    batches: [
      batch('2027-voorjaar:rij:BU16740202:Ruisdaellaan:1968', '2027-voorjaar', [
        '0001010000000001',
        '0001010000000002',
        '0001010000000003',
      ]),
      batch('2027-najaar:vve:VVE-0012', '2027-najaar', ['0001010000000004']),
    ],
    totals: {
      dwellings: 4,
      batches: 2,
      costEur: 4000,
      programmeContributionEur: 2000,
      gasSavingM3PerYear: 4,
      energyPoorHouseholds: 0,
    },
    unspent: { eur: 0, reason: null },
    warnings: [],
  },
  statuses: [
    {
      vboId: '0001010000000002',
      batchId: '2027-voorjaar:rij:BU16740202:Ruisdaellaan:1968',
      status: 'onderzoek',
      updatedAt: 'x',
      updatedBy: 'vhf',
    },
    {
      vboId: '0001010000000003',
      batchId: '2027-voorjaar:rij:BU16740202:Ruisdaellaan:1968',
      status: 'afgezien',
      updatedAt: 'x',
      updatedBy: 'vhf',
    },
  ],
  warnings: [],
});

describe('map filters', () => {
  it('filters on season, status or both; nothing for all', () => {
    expect(planFilter(ALL, ALL)).toBeNull();
    expect(planFilter('2027-najaar', ALL)).toEqual(['==', ['get', 'season'], '2027-najaar']);
    expect(planFilter('2027-voorjaar', 'onderzoek')).toEqual([
      'all',
      ['==', ['get', 'season'], '2027-voorjaar'],
      ['==', ['get', 'status'], 'onderzoek'],
    ]);
  });

  it('counts the dwellings a filter keeps, a dwelling without a saved status being voorgesteld', () => {
    expect(filteredCount(detail, ALL, ALL)).toBe(4);
    expect(filteredCount(detail, '2027-voorjaar', 'voorgesteld')).toBe(1);
    expect(filteredCount(detail, ALL, 'voorgesteld')).toBe(2);
    expect(filteredCount(detail, '2027-najaar', 'afgezien')).toBe(0);
  });

  it('colours every status distinctly', () => {
    const expr = statusColourExpression() as unknown[];
    expect(expr.slice(0, 2)).toEqual(['match', ['get', 'status']]);
    expect(expr).toContain('onderzoek');
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(5);
  });
});

describe('bulk status change per batch', () => {
  it('lists the batches of a season and the statuses its dwellings may move to', () => {
    expect(batchOptions(detail, '2027-najaar')).toEqual([
      { id: '2027-najaar:vve:VVE-0012', label: 'VvE VVE-0012, najaar 2027 (1 woning)' },
    ]);
    expect(batchOptions(detail, ALL).map((b) => b.label)).toEqual([
      'rij Ruisdaellaan (bouwjaar 1968), voorjaar 2027 (3 woningen)',
      'VvE VVE-0012, najaar 2027 (1 woning)',
    ]);
    expect(bulkStatuses(detail, '2027-voorjaar:rij:BU16740202:Ruisdaellaan:1968')).toEqual([
      'onderzoek',
      'natuurvrij',
      'afgezien',
    ]);
    expect(bulkStatuses(detail, 'nope')).toEqual([]);
  });

  it('moves only the dwellings the per-dwelling rule allows and says how many stay', () => {
    expect(bulkTargets(detail, '2027-voorjaar:rij:BU16740202:Ruisdaellaan:1968', 'onderzoek')).toEqual({
      vboIds: ['0001010000000001'],
      skipped: 2,
      text: '1 woning naar ecologisch onderzoek; 2 blijven ongewijzigd (die overgang is voor hen niet toegestaan).',
    });
    expect(bulkTargets(detail, '2027-voorjaar:rij:BU16740202:Ruisdaellaan:1968', 'afgezien').vboIds).toEqual([
      '0001010000000001',
      '0001010000000002',
    ]);
    expect(bulkTargets(detail, '2027-najaar:vve:VVE-0012', 'onderzoek')).toEqual({
      vboIds: ['0001010000000004'],
      skipped: 0,
      text: '1 woning naar ecologisch onderzoek.',
    });
    expect(bulkTargets(detail, 'nope', 'onderzoek').vboIds).toEqual([]);
  });
});
