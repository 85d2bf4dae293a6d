import { describe, expect, it } from 'vitest';
import { planDetailFixture } from '../../../engine/test-fixtures/plan-detail.ts';
import {
  createInput,
  batchName,
  dwellingRows,
  nextStatuses,
  parseEuro,
  planExportHref,
  planListLine,
  planPoints,
  seasonColours,
  seasonLabel,
  solverLine,
  timelineRows,
  totalsLines,
} from './plan-model.ts';
import { timelineLayout } from './plan-timeline.ts';

const dwelling = (vboId: string, cost: number, location: [number, number] = [4.46, 51.53]) => ({
  vboId,
  measures: ['cavity-wall', 'roof'],
  natuurvrijVanaf: '2026-03-01',
  insulationFrom: '2026-04-15',
  insulationUntil: '2026-09-30',
  costEur: cost,
  programmeContributionEur: cost / 2,
  ownerContributionEur: cost / 2,
  gasSavingM3PerYear: 310.4,
  route: 'pre-smp',
  ownership: 'eigenaar-bewoner',
  labelBefore: 'E',
  labelAfter: 'B',
  location,
});
const batch = (id: string, season: string, ds: ReturnType<typeof dwelling>[]) => ({
  id,
  season,
  unit: 'block',
  unitId: id,
  buurtcode: 'BU16740202',
  programmeArea: 'Kalsdonk',
  projectPrice: true,
  corporationYear: null,
  fixed: false,
  dwellings: ds,
  costEur: ds.reduce((a, d) => a + d.costEur, 0),
  programmeContributionEur: ds.reduce((a, d) => a + d.programmeContributionEur, 0),
  gasSavingM3PerYear: 1,
  crewWeeks: 1,
});
/** Intl puts a no-break space after €; the expectations are written with a plain one. */
const plain = (x: string): string => x.replace(/\u00a0/g, ' ');
const detail = planDetailFixture({
  id: 3,
  rootId: 3,
  dataset: { name: 'synthetisch', sha256: 'x', synthetic: true },
  solver: 'mip',
  objective: 1234567.8,
  gap: 0.0031,
  greedyObjective: 1200000,
  dwellings: 3,
  batches: 2,
  statusCounts: { voorgesteld: 3 },
  input: { budgetEur: 100_000, window: { from: '2025-07-01', until: '2033-12-31' } },
  plan: {
    seasons: [
      { id: '2026-voorjaar', year: 2026, exclusionFrom: '2026-02-15', insulationUntil: '2026-10-01' },
      { id: '2026-najaar', year: 2026, exclusionFrom: '2026-08-15', insulationUntil: '2027-02-14' },
      { id: '2027-voorjaar', year: 2027, exclusionFrom: '2027-02-15', insulationUntil: '2027-10-01' },
    ],
    batches: [
      batch('2026-voorjaar:b1', '2026-voorjaar', [
        dwelling('0001010000000001', 20_000),
        dwelling('0001010000000002', 30_000),
      ]),
      batch('2027-voorjaar:b2', '2027-voorjaar', [dwelling('0001010000000003', 40_000)]),
    ],
    totals: {
      dwellings: 3,
      batches: 2,
      costEur: 90_000,
      programmeContributionEur: 45_000,
      gasSavingM3PerYear: 931.2,
      energyPoorHouseholds: 1.4,
    },
    unspent: { eur: 55_000, reason: { code: 'plan.binding.capacity', message: 'capacity is full' } },
    warnings: [],
  },
  statuses: [
    { vboId: '0001010000000001', batchId: '2026-voorjaar:b1', status: 'onderzoek', updatedAt: 'x', updatedBy: 'vhf' },
  ],
  warnings: [],
});

describe('plan panel model', () => {
  it('names seasons in Dutch and gives each planned season its own colour, dark to light', () => {
    expect(seasonLabel('2026-najaar')).toBe('najaar 2026');
    const c = seasonColours(['a', 'b', 'c']);
    expect([...c.values()]).toEqual(['#440154', '#21918c', '#fde725']);
    expect(seasonColours(['a']).get('a')).toBe('#440154');
  });

  it('builds the timeline per planned season only, with cost, contribution and dwellings', () => {
    const rows = timelineRows(detail);
    expect(rows.map((r) => [r.label, r.dwellings, r.costEur, r.contributionEur])).toEqual([
      ['voorjaar 2026', 2, 50_000, 25_000],
      ['voorjaar 2027', 1, 40_000, 20_000],
    ]);
    const l = timelineLayout(rows, 100_000);
    expect(l.bars).toHaveLength(2);
    expect(l.bars[0]!.h).toBeGreaterThan(l.bars[1]!.h);
    // Cumulative line rises towards the budget line (SVG y grows downwards) and stays below it.
    expect(l.cumulative[1]![1]).toBeLessThan(l.cumulative[0]![1]);
    expect(l.cumulative[1]![1]).toBeGreaterThan(l.budgetY);
    expect(l.yearLabels.map((y) => y.text)).toEqual(['2026', '2027']);
    expect(plain(l.bars[0]!.title)).toBe('voorjaar 2026: 2 woningen, programmabijdrage € 25.000, kosten € 50.000');
  });

  it('states the totals against the budget and why budget is left', () => {
    expect(totalsLines(detail).map(plain)).toEqual([
      'Programmabijdrage € 45.000 van € 100.000 budget (45,0%)',
      '3 woningen in 2 batches · totale kosten € 90.000',
      'Gasbesparing 931 m³ per jaar · 1 energiearme huishoudens bereikt (verwacht)',
      'Niet besteed: € 55.000 — de uitvoeringscapaciteit per seizoen is vol',
    ]);
    expect(solverLine(detail)).toBe('MIP (HiGHS), doelwaarde 1.234.568, MIP-gat 0,31%, gretig 1.200.000');
    expect(planListLine(detail)).toBe('Proef (plan 3) — 3 woningen, 28 november 2026, vhf');
  });

  it('turns the plan into map points carrying season index and status', () => {
    const fc = planPoints(detail);
    expect(fc.features.map((f) => [f.id, f.properties.vboId, f.properties.seasonIndex, f.properties.status])).toEqual([
      [0, '0001010000000001', 0, 'onderzoek'],
      [1, '0001010000000002', 0, 'voorgesteld'],
      [2, '0001010000000003', 1, 'voorgesteld'],
    ]);
  });

  it('shows a dwelling in Dutch and offers only the allowed next statuses', () => {
    const b = detail.plan.batches[0]!;
    const rows = Object.fromEntries(
      dwellingRows(b, b.dwellings[0]!, 'onderzoek').map((r) => [r.label, plain(r.value)]),
    );
    expect(rows).toMatchObject({
      Seizoen: 'voorjaar 2026',
      Maatregelen: 'spouwmuurisolatie, dakisolatie',
      'Natuurvrij maken vanaf': '1 maart 2026',
      Kosten: '€ 20.000',
      Status: 'ecologisch onderzoek',
    });
    expect(nextStatuses('onderzoek')).toEqual(['natuurvrij', 'afgezien']);
    expect(nextStatuses('geïsoleerd')).toEqual([]);
  });

  it('builds the create input and reads Dutch amounts', () => {
    // No start: the server's run date is the start, as the CLI's is for `voorraad plan`.
    expect(
      createInput({ budgetEur: 8_400_000, until: '2033-12-31', solver: 'greedy', dwellingsPerSeason: 80 }),
    ).toEqual({
      budgetEur: 8_400_000,
      window: { until: '2033-12-31' },
      capacity: { perSeason: { dwellings: 80 } },
      solver: 'greedy',
    });
    expect(parseEuro('8.400.000')).toBe(8_400_000);
    expect(parseEuro('€ 8.400.000,50')).toBe(8_400_000.5);
    expect(parseEuro('8400000')).toBe(8_400_000);
    expect(parseEuro('8,400,000')).toBeNull();
    expect(parseEuro('-5')).toBeNull();
    expect(planExportHref(3, 'csv')).toBe('/api/plans/3/export?format=csv');
  });
});

describe('batchName', () => {
  it('names a batch in words from its id', () => {
    expect(batchName('2032-najaar:rij:BU16740202:Ruisdaellaan:2008')).toBe(
      'rij Ruisdaellaan (bouwjaar 2008), najaar 2032',
    );
    expect(batchName('2030-voorjaar:vve:VVE-0012')).toBe('VvE VVE-0012, voorjaar 2030');
    expect(batchName('2031-najaar:pand:1674100000054321')).toBe('gebouw (pand 1674100000054321), najaar 2031');
    expect(batchName('iets-anders')).toBe('iets-anders');
  });
});
