import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDARS } from '../../../engine/retrofit/natuurkalender.ts';
import { dayNumber } from '../../../engine/retrofit/iso-day.ts';
import { planDetailFixture } from '../../../engine/test-fixtures/plan-detail.ts';
import { assumptionLines, calendarTimeline, closedPeriods, eurosPerYear } from './plan-timeline-model.ts';

/** Intl puts a no-break space after €; the expectations are written with a plain one. */
const plain = (x: string): string => x.replace(/\u00a0/g, ' ');
const day = (iso: string): number => dayNumber(iso)!;

const dwelling = (vboId: string, contribution: number) => ({
  vboId,
  measures: ['cavity-wall'],
  natuurvrijVanaf: '2026-08-03',
  insulationFrom: '2026-08-08',
  insulationUntil: '2027-03-15',
  costEur: contribution * 2,
  programmeContributionEur: contribution,
  gasSavingM3PerYear: 100,
  route: 'pre-smp',
  ownership: 'eigenaar-bewoner',
  labelBefore: 'E',
  labelAfter: 'B',
  location: [4.46, 51.53],
});
const batch = (id: string, season: string, ds: ReturnType<typeof dwelling>[]) => ({
  id,
  season,
  unit: 'block',
  unitId: id,
  buurtcode: 'BU16740202',
  projectPrice: true,
  corporationYear: null,
  fixed: false,
  dwellings: ds,
  costEur: ds.reduce((a, d) => a + d.costEur, 0),
  programmeContributionEur: ds.reduce((a, d) => a + d.programmeContributionEur, 0),
  gasSavingM3PerYear: 1,
});
const meta = {
  input: {
    calendar: 'landelijk',
    policy: {
      id: 'isolatie-eerst',
      name: 'Isolatie eerst',
      target: { label: 'B' },
      measures: [{ id: 'cavity-wall' }, { id: 'roof' }],
      tenures: [{ id: 'eigenaar-bewoner', programmeShare: 0.5 }],
      groundBoundOnly: true,
      vve: true,
      validFrom: '2025-01-01',
      source: 'test',
      surveyShare: 1,
    },
  },
  uptake: {
    enabled: true,
    params: 'default',
    seed: 1,
    invited: 1200,
    dwellings: { expected: 812.4, p10: 790, p90: 835 },
    programmeContributionEur: { expected: 8_350_000, p10: 8_120_000, p90: 8_590_000 },
    gasSavingM3PerYear: { expected: 1, p10: 1, p90: 1 },
    buurtFactors: [],
  },
  permit: {
    profiles: [
      {
        id: 'landelijke-lijn-nvi',
        name: 'Landelijke lijn',
        validFrom: '2024-05-17',
        validUntil: '2027-05-16',
        placeholder: false,
      },
    ],
    afterValidity: 'refused',
    caps: [],
  },
};
const make = (withMeta: boolean, byYear?: unknown) =>
  planDetailFixture({
    id: 1,
    dataset: { name: 'synthetisch', synthetic: true },
    solver: 'greedy',
    objective: 1,
    gap: null,
    greedyObjective: 1,
    dwellings: 3,
    batches: 2,
    statusCounts: {},
    input: { budgetEur: 8_400_000, window: { from: '2026-07-01', until: '2033-12-31' } },
    plan: {
      ...(withMeta ? { meta } : {}),
      seasons: [
        {
          id: '2026-najaar',
          year: 2026,
          exclusionFrom: '2026-08-01',
          exclusionUntil: '2026-10-27',
          insulationUntil: '2027-03-15',
        },
        {
          id: '2027-voorjaar',
          year: 2027,
          exclusionFrom: '2027-03-16',
          exclusionUntil: '2027-03-27',
          insulationUntil: '2027-07-31',
        },
        {
          id: '2027-najaar',
          year: 2027,
          exclusionFrom: '2027-08-01',
          exclusionUntil: '2027-10-27',
          insulationUntil: '2028-03-15',
        },
      ],
      batches: [
        batch('2026-najaar:a', '2026-najaar', [dwelling('0001010000000001', 1_000), dwelling('0001010000000002', 800)]),
        batch('2027-najaar:b', '2027-najaar', [dwelling('0001010000000003', 2_500)]),
      ],
      totals: {
        dwellings: 3,
        batches: 2,
        costEur: 8_600,
        programmeContributionEur: 4_300,
        gasSavingM3PerYear: 300,
        energyPoorHouseholds: 0,
        ...(byYear ? { byYear } : {}),
      },
      unspent: { eur: 0, reason: null },
      warnings: [],
    },
    statuses: [],
    warnings: [],
  });

describe('closedPeriods', () => {
  it('gives the natuurkalender closed periods for natuurvrij maken, clipped, with the winterslaap across new year', () => {
    const cal = SHIPPED_CALENDARS.landelijk!;
    const got = closedPeriods(cal, day('2026-08-01'), day('2027-08-31'));
    expect(
      got.map((p) => ({ id: p.id, from: p.from - day('2026-01-01'), until: p.until - day('2026-01-01') })),
    ).toEqual([
      { id: 'winterslaap', from: day('2026-11-01') - day('2026-01-01'), until: day('2027-03-15') - day('2026-01-01') },
      {
        id: 'kraam-en-broedperiode',
        from: day('2027-04-01') - day('2026-01-01'),
        until: day('2027-07-31') - day('2026-01-01'),
      },
    ]);
  });
});

describe('calendarTimeline', () => {
  it('runs from the first planned season to the last, with season rows, closed periods and the permit validity band', () => {
    const t = calendarTimeline(make(true), 300)!;
    expect(t.from).toBe('2026-08-01');
    expect(t.until).toBe('2028-03-15');
    // Only seasons with batches are rows; the voorjaar season in between has none.
    expect(t.rows.map((r) => [r.season, r.batches, r.dwellings, r.contributionEur])).toEqual([
      ['2026-najaar', 1, 2, 1_800],
      ['2027-najaar', 1, 1, 2_500],
    ]);
    expect(t.rows[0]!.bar.x).toBe(4);
    expect(t.rows[1]!.bar.x + t.rows[1]!.bar.w).toBeCloseTo(296, 6);
    expect(plain(t.rows[0]!.bar.title)).toBe(
      'najaar 2026: 1 batches, 2 woningen, programmabijdrage € 1.800; isoleren tot en met 15 maart 2027',
    );
    expect(t.rows[0]!.exclusion.until).toBe('2026-10-27');
    expect(t.closed.map((c) => [c.id, c.from, c.until])).toEqual([
      ['winterslaap', '2026-11-01', '2027-03-15'],
      ['kraam-en-broedperiode', '2027-04-01', '2027-07-31'],
      ['winterslaap', '2027-11-01', '2028-03-15'],
    ]);
    expect(t.closed[1]!.title).toBe(
      'Natuurkalender (Landelijke lijn natuurinclusief isoleren (pre-SMP)): kraam- en broedperiode, geen natuurvrij maken van 1 april 2027 t/m 31 juli 2027',
    );
    // The permit's validity ends inside the timeline: its band stops at 16 May 2027.
    expect(t.permits.map((p) => [p.id, p.from, p.until])).toEqual([
      ['landelijke-lijn-nvi', '2026-08-01', '2027-05-16'],
    ]);
    expect(t.permits[0]!.title).toBe('Vergunningsprofiel Landelijke lijn: geldig 17 mei 2024 t/m 16 mei 2027');
    expect(t.permits[0]!.x + t.permits[0]!.w).toBeLessThan(t.closed[1]!.x + t.closed[1]!.w);
    expect(t.years.map((y) => y.text)).toEqual(['2027', '2028']);
  });

  it('draws no permit band for a plan without permit facts, and nothing for an empty plan', () => {
    expect(calendarTimeline(make(false))!.permits).toEqual([]);
    const empty = make(false);
    empty.plan.batches = [];
    expect(calendarTimeline(empty)).toBeNull();
  });
});

describe('eurosPerYear', () => {
  it('sums the programme contribution per season year with a running total against the budget', () => {
    expect(eurosPerYear(make(false)).map((r) => plain(r.text))).toEqual([
      '2026: € 1.800 · t/m 2026 € 1.800 van € 8.400.000 (0,0%)',
      '2027: € 2.500 · t/m 2027 € 4.300 van € 8.400.000 (0,1%)',
    ]);
  });

  it('uses the plan’s totals per year with their year caps when present', () => {
    const rows = eurosPerYear(
      make(false, [
        { year: 2027, programmeContributionEur: 4_200_000, capEur: 4_500_000 },
        { year: 2026, programmeContributionEur: 1_050_000.4, capEur: null },
        { year: 2028, programmeContributionEur: 0, capEur: null },
      ]),
    );
    expect(rows.map((r) => plain(r.text))).toEqual([
      '2026: € 1.050.000 · t/m 2026 € 1.050.000 van € 8.400.000 (12,5%)',
      '2027: € 4.200.000 (jaarplafond € 4.500.000) · t/m 2027 € 5.250.000 van € 8.400.000 (62,5%)',
    ]);
  });
});

describe('assumptionLines', () => {
  it('names the permit profile, the natuurkalender, the scope and the uptake bands in Dutch', () => {
    expect(assumptionLines(make(true)).map(plain)).toEqual([
      'Vergunningsprofiel: Landelijke lijn, geldig 17 mei 2024 t/m 16 mei 2027.',
      'Natuurwerk na de geldigheid van het profiel wordt niet gepland.',
      'Natuurkalender: Landelijke lijn natuurinclusief isoleren (pre-SMP); melden 48 uur vooraf, kleppen minstens 5 dagen.',
      "Reikwijdte: Isolatie eerst; maatregelen spouwmuurisolatie, dakisolatie; eigendom eigenaar-bewoner (programmabijdrage 50%); alleen grondgebonden woningen; VvE's doen mee; geen kandidaat bij label B of beter.",
      'Deelname: 1.200 eigenaren uitgenodigd; verwacht 812 woningen (p10–p90: 790–835) en € 8.350.000 programmabijdrage (p10–p90: € 8.120.000 – € 8.590.000) (parameters default, seed 1).',
    ]);
  });

  it('says when the plan does not state its profile or uptake', () => {
    expect(assumptionLines(make(false))).toContain('Vergunningsprofiel: niet vermeld in dit plan.');
    expect(assumptionLines(make(false))).toContain('Deelname: niet vermeld in dit plan.');
  });
});
