import { describe, expect, it } from 'vitest';
import { DEFAULT_ECOLOGY } from '../retrofit/ecology.ts';
import { monthlyAnnuity } from './annuity.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { owners, vveDataset } from './vve-fixture.ts';
import { vvePackage } from './vve-package.ts';
import type { DwellingPackage } from './vve-retrofit.ts';

const LOAN = { annualRate: 0.04, termYears: 15 };
const ds = vveDataset([{ vveId: 'VVE-1', ownership: owners(10) }]);
const members = ds.dwellings.map((d) => ({ dwelling: d, votes: 1 }));
const pkg = (measures: DwellingPackage['measures'], risk = 0.8): Map<string, DwellingPackage> =>
  new Map(
    ds.dwellings.map((d) => [
      d.vboId,
      { measures, costEur: 2_000, gasSavingM3PerYear: 100, billSavingEurPerYear: 133, riskScore: risk },
    ]),
  );

describe('vvePackage', () => {
  it('adds the full ecological survey of a high-risk building (docs/domain.md §2) and finances the whole per right', () => {
    const p = vvePackage(members, pkg(['cavity-wall', 'glazing']), DEFAULT_VVE_CONFIG, LOAN);
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
    expect(vvePackage(members, pkg(['roof'], 0.1), DEFAULT_VVE_CONFIG, LOAN).nature.leadTimeDays).toBe(
      DEFAULT_ECOLOGY.routes['individual-survey'].quickScan.leadTimeDays,
    );
    const noRules = vvePackage(members, pkg(['floor', 'glazing']), DEFAULT_VVE_CONFIG, LOAN);
    expect(noRules.nature.surveyNeeded).toBe(false);
    expect(noRules.surveyCostEur).toBe(0);
  });
});
