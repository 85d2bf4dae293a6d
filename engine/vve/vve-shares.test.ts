import { describe, expect, it } from 'vitest';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { owners, vveDataset } from './vve-fixture.ts';
import { vvePackage } from './vve-package.ts';
import type { DwellingPackage } from './vve-retrofit.ts';
import { rightShares } from './vve-shares.ts';

// Six flats over three floors: the top two carry the roof, the ground two the floor, every one its façade and glass.
const ds = vveDataset([{ vveId: 'VVE-1', ownership: owners(6) }]);
const members = ds.dwellings.map((d, k) => ({ dwelling: d, votes: k < 2 ? 2 : 1 }));
const packages = new Map<string, DwellingPackage>(
  ds.dwellings.map((d, k) => {
    const costByMeasure = {
      'cavity-wall': 1_000.4,
      glazing: 800 + k,
      ...(k < 2 ? { floor: 1_500 } : {}),
      ...(k >= 4 ? { roof: 3_000 } : {}),
    };
    const measures = Object.keys(costByMeasure) as DwellingPackage['measures'];
    const costEur = Object.values(costByMeasure).reduce((a, b) => a + b, 0);
    return [
      d.vboId,
      { measures, costEur, costByMeasure, gasSavingM3PerYear: 300, billSavingEurPerYear: 400, riskScore: 0.8 },
    ];
  }),
);

describe('common elements per apartment right', () => {
  const survey = 6_000;
  const rights = rightShares(members, packages, survey);
  const buildingCost = [...packages.values()].reduce((a, p) => a + p.costEur, 0) + survey;

  it('the rights add up to the building cost, to the euro', () => {
    expect(rights.reduce((a, r) => a + r.totalCostEur, 0)).toBe(Math.round(buildingCost));
    expect(rights.reduce((a, r) => a + r.commonCostEur + r.ownCostEur + r.surveyCostEur, 0)).toBeCloseTo(
      buildingCost,
      1,
    );
  });

  it('shares façade, roof and floor by breukdeel, not by who lives under the roof; glazing stays the apartment’s own', () => {
    const common = 6 * 1_000.4 + 2 * 1_500 + 2 * 3_000;
    expect(rights.map((r) => r.share)).toEqual([0.25, 0.25, 0.125, 0.125, 0.125, 0.125]);
    expect(rights[0]!.commonCostEur).toBeCloseTo(common / 4, 2);
    expect(rights[5]!.commonCostEur).toBeCloseTo(common / 8, 2);
    // A middle flat pays for roof and floor too (it has neither itself).
    expect(rights[2]!.commonCostEur).toBeGreaterThan(1_000.4);
    expect(rights.map((r) => r.ownCostEur)).toEqual([800, 801, 802, 803, 804, 805]);
    expect(rights[4]!.surveyCostEur).toBe(750);
  });

  it('the VvE package cost is the same numbers: its total is the sum of the rights', () => {
    const p = vvePackage(members, packages, DEFAULT_VVE_CONFIG, { annualRate: 0.04, termYears: 15 });
    expect(p.rights.reduce((a, r) => a + r.totalCostEur, 0)).toBe(p.totalCostEur);
    expect(p.worksCostEur + p.surveyCostEur).toBe(p.totalCostEur);
    expect(p.rights).toHaveLength(6);
  });

  it('refuses a member without retrofit figures (a bug, not input)', () => {
    expect(() => rightShares(members, new Map(), 0)).toThrow(/no retrofit figures/);
  });
});
