import { describe, expect, it } from 'vitest';
import { buildMip, chosenOptions } from '../engine/planner/mip.ts';
import { checkSelection, objectiveOf } from '../engine/planner/usage.ts';
import { bruteForce, fiveUnitModel as model, handModel } from '../engine/test-fixtures/plan-model.ts';
import { highsMipSolver } from './planner-highs.ts';

// HiGHS behind the engine's MipSolver interface, on a hand model small enough to solve exhaustively.
describe('highsMipSolver', () => {
  it('reaches the exhaustive optimum and breaks no limit', async () => {
    const m = model();
    const best = bruteForce(m, (c) => checkSelection(m, c).violations.length === 0);
    const out = await highsMipSolver().solve(buildMip(m), { mipRelGap: 0 });
    expect(out.status).toBe('Optimal');
    const chosen = chosenOptions(m, out.values);
    expect(checkSelection(m, chosen).violations).toEqual([]);
    expect(objectiveOf(chosen)).toBeCloseTo(best.value, 6);
    expect(out.bound!).toBeGreaterThanOrEqual(best.value - 1e-6);
  });

  it('an empty model solves to an empty plan', async () => {
    const m = handModel({ seasons: 2, budget: 10, units: [] });
    const out = await highsMipSolver().solve(buildMip(m), { mipRelGap: 0 });
    expect(out).toMatchObject({ hasSolution: true, objective: 0 });
  });

  it('begins from the LP dive (engine/planner/lp-dive.ts) when it beats the given start, and still proves the optimum', async () => {
    const m = model();
    const best = bruteForce(m, (c) => checkSelection(m, c).violations.length === 0);
    const out = await highsMipSolver().solve(buildMip(m), {
      mipRelGap: 0,
      start: new Float64Array(m.options.length),
      lpDive: true,
    });
    expect(out.startSource).toBe('lp-dive');
    expect(out.startObjective!).toBeGreaterThan(0);
    expect(out.startObjective!).toBeLessThanOrEqual(best.value + 1e-6);
    const chosen = chosenOptions(m, out.values);
    expect(checkSelection(m, chosen).violations).toEqual([]);
    expect(objectiveOf(chosen)).toBeCloseTo(best.value, 6);
  });
});
