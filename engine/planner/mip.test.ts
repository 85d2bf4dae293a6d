import { describe, expect, it } from 'vitest';
import { bruteForce, handModel } from '../../test/fixtures/plan-model.ts';
import { highsMipSolver } from '../../workers/planner-highs.ts';
import { buildMip, chosenOptions, mipToLp, startVector } from './mip.ts';
import { checkSelection, objectiveOf } from './usage.ts';

const model = () => handModel({
  seasons: 3, budget: 100, capDwellings: 5, yearCaps: [[2027, 30]], permitCap: 4,
  units: [
    { id: 'a', dwellings: 3, eur: 40, values: [90, 80, 70] },
    { id: 'b', dwellings: 3, eur: 40, values: [85, 84, null], permit: 3 },
    { id: 'c', dwellings: 2, eur: 25, values: [50, 45, 40], permit: 2 },
    { id: 'd', dwellings: 4, eur: 30, values: [null, 60, 59] },
    { id: 'e', dwellings: 1, eur: 10, values: [12, 11, 10] },
  ],
});

describe('buildMip', () => {
  it('has a column per unit option and a row per limit', () => {
    const m = model();
    const mip = buildMip(m);
    expect(mip.numCols).toBe(m.options.length);
    expect(mip.rows.map((r) => r.name)).toEqual([
      'unit:a', 'unit:b', 'unit:c', 'unit:d', 'unit:e', 'budget', 'year:2027',
      'dwellings:2026-voorjaar', 'dwellings:2026-najaar', 'dwellings:2027-voorjaar', 'crew-weeks:2026-voorjaar', 'crew-weeks:2026-najaar', 'crew-weeks:2027-voorjaar', 'permit:landelijke-lijn-nvi:BU16740202:0',
    ].filter((n) => !n.startsWith('crew-weeks')));
    const budget = mip.rows.find((r) => r.name === 'budget')!;
    expect(budget.upper).toBe(100);
    expect(budget.values).toEqual(m.options.map((o) => m.units[o.unit]!.contributionEur));
    expect(mipToLp(mip)).toMatch(/^Maximize\n obj: 90 x0 \+ 80 x1/);
  });

  it('solved by HiGHS reaches the exhaustive optimum and breaks no limit', async () => {
    const m = model();
    const best = bruteForce(m, (c) => checkSelection(m, c).violations.length === 0);
    const out = await highsMipSolver().solve(buildMip(m), { mipRelGap: 0 });
    expect(out.status).toBe('Optimal');
    const chosen = chosenOptions(m, out.values);
    expect(checkSelection(m, chosen).violations).toEqual([]);
    expect(objectiveOf(chosen)).toBeCloseTo(best.value, 6);
    expect(out.bound!).toBeGreaterThanOrEqual(best.value - 1e-6);
  });

  it('turns a selection into a start vector and back', () => {
    const m = model();
    const pick = [m.options[0]!, m.options[5]!];
    expect(chosenOptions(m, startVector(m, pick))).toEqual(pick);
  });

  it('an empty model solves to an empty plan', async () => {
    const m = handModel({ seasons: 2, budget: 10, units: [] });
    const out = await highsMipSolver().solve(buildMip(m), { mipRelGap: 0 });
    expect(out).toMatchObject({ hasSolution: true, objective: 0 });
  });
});
