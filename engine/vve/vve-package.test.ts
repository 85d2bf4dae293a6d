import { describe, expect, it } from 'vitest';
import { DEFAULT_ECOLOGY } from '../retrofit/ecology.ts';
import { monthlyAnnuity } from './annuity.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { owners, vveDataset } from './vve-fixture.ts';
import { vvePackage, warmtefonds } from './vve-package.ts';
import type { DwellingPackage } from './vve-retrofit.ts';

const ds = vveDataset([{ vveId: 'VVE-1', ownership: owners(10) }]);
const members = ds.dwellings.map((d) => ({ dwelling: d, votes: 1 }));
const pkg = (measures: DwellingPackage['measures'], risk = 0.8): Map<string, DwellingPackage> =>
  new Map(
    ds.dwellings.map((d) => [
      d.vboId,
      {
        measures,
        costEur: 2_000,
        costByMeasure: Object.fromEntries(measures.map((m) => [m, 2_000 / measures.length])),
        gasSavingM3PerYear: 100,
        billSavingEurPerYear: 133,
        riskScore: risk,
      },
    ]),
  );

describe('vvePackage', () => {
  it('adds the full ecological survey of a high-risk building (docs/domain.md §2) and finances the whole per right', () => {
    const p = vvePackage(members, pkg(['cavity-wall', 'glazing']), DEFAULT_VVE_CONFIG);
    const full = DEFAULT_ECOLOGY.routes['individual-survey'].full;
    expect(p.nature).toMatchObject({
      route: 'individual-survey',
      surveyNeeded: true,
      surveyCostEur: full.surveyCostEur[1],
      leadTimeDays: full.leadTimeDays,
    });
    expect(p.worksCostEur).toBe(20_000);
    expect(p.totalCostEur).toBe(20_000 + full.surveyCostEur[1]);
    expect(p.costPerRightEur).toBe(Math.round(p.totalCostEur / 10));
    expect(p.loanMonthlyPerRightEur).toBeCloseTo(monthlyAnnuity(p.totalCostEur / 10, 0.04, 15), 2);
    expect(p.savingPerRightPerMonthEur).toBeCloseTo(133 / 12, 2);
  });
  it('a quick scan for a low-risk building; no survey when no measure has nature rules', () => {
    expect(vvePackage(members, pkg(['roof'], 0.1), DEFAULT_VVE_CONFIG).nature.leadTimeDays).toBe(
      DEFAULT_ECOLOGY.routes['individual-survey'].quickScan.leadTimeDays,
    );
    const noRules = vvePackage(members, pkg(['floor', 'glazing']), DEFAULT_VVE_CONFIG);
    expect(noRules.nature.surveyNeeded).toBe(false);
    expect(noRules.surveyCostEur).toBe(0);
  });
});

describe('warmtefonds (docs/domain.md §3)', () => {
  const cfg = DEFAULT_VVE_CONFIG.warmtefonds;
  it('needs ≥ 8 dwellings, ≥ €25,000 in total and ≤ €30,000 per right', () => {
    expect(warmtefonds(8, { totalCostEur: 40_000, costPerRightEur: 5_000 }, cfg)).toEqual({
      eligible: true,
      failing: [],
    });
    expect(warmtefonds(6, { totalCostEur: 40_000, costPerRightEur: 6_667 }, cfg).failing).toEqual(['omvang.te-klein']);
    expect(warmtefonds(8, { totalCostEur: 300_000, costPerRightEur: 37_500 }, cfg).failing).toEqual(['lening.te-hoog']);
    expect(warmtefonds(8, { totalCostEur: 24_000, costPerRightEur: 3_000 }, cfg).failing).toEqual(['lening.te-laag']);
  });
});
