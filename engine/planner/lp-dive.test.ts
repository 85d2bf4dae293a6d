import { describe, expect, it } from 'vitest';
import { bruteForce, handModel } from '../../test/fixtures/plan-model.ts';
import { highsMipSolver } from '../../workers/planner-highs.ts';
import { lpDive, type LpRelaxation } from './lp-dive.ts';
import { buildMip, chosenOptions, type MipModel } from './mip.ts';
import { checkSelection, objectiveOf } from './usage.ts';

/** One knapsack row: its LP optimum is the fractional greedy by value per weight (exact, so the test needs no solver). */
function knapsack(cost: number[], weight: number[], cap: number): { model: MipModel; relax: LpRelaxation; solves: () => number } {
  let solves = 0;
  const model: MipModel = { numCols: cost.length, colCost: Float64Array.from(cost), rows: [{ name: 'cap', indices: cost.map((_, j) => j), values: weight, upper: cap }] };
  const relax: LpRelaxation = (lower, upper) => {
    solves++;
    const x = Float64Array.from(lower);
    let room = cap - weight.reduce((a, w, j) => a + w * lower[j]!, 0);
    if (room < -1e-9) return null;
    const order = cost.map((_, j) => j).filter((j) => upper[j]! > lower[j]! && cost[j]! > 0).sort((a, b) => cost[b]! / weight[b]! - cost[a]! / weight[a]! || a - b);
    for (const j of order) {
      const take = Math.min(1, room / weight[j]!);
      x[j] = take;
      room -= take * weight[j]!;
      if (room <= 0) break;
    }
    return x;
  };
  return { model, relax, solves: () => solves };
}

describe('lpDive', () => {
  it('ends on a feasible 0/1 vector that fills a single knapsack row as far as items fit', () => {
    // LP: items 0, 1 whole, item 2 at 4/7. Items that stop fitting are barred, so the dive ends with 3 added.
    const k = knapsack([10, 9, 7, 2], [5, 5, 7, 2], 14);
    const x = lpDive(k.model, k.relax)!;
    expect(Array.from(x)).toEqual([1, 1, 0, 1]);
    expect(k.solves()).toBeLessThanOrEqual(3);
  });

  it('keeps every row of a many-row model and returns 0/1 values only', () => {
    const costs = [5, 4, 3, 3, 2, 1], w = [3, 3, 2, 2, 1, 1];
    const k = knapsack(costs, w, 6);
    const x = lpDive(k.model, k.relax)!;
    expect(Array.from(x).every((v) => v === 0 || v === 1)).toBe(true);
    expect(w.reduce((a, wi, j) => a + wi * x[j]!, 0)).toBeLessThanOrEqual(6);
  });

  it('returns null when the first LP fails', () => {
    const k = knapsack([1], [1], 1);
    expect(lpDive(k.model, () => null)).toBeNull();
  });

  it('through HiGHS: the solver begins from the dive when it beats the given start, and still proves the optimum', async () => {
    const m = handModel({
      seasons: 3, budget: 100, capDwellings: 5, yearCaps: [[2027, 30]], permitCap: 4,
      units: [
        { id: 'a', dwellings: 3, eur: 40, values: [90, 80, 70] },
        { id: 'b', dwellings: 3, eur: 40, values: [85, 84, null], permit: 3 },
        { id: 'c', dwellings: 2, eur: 25, values: [50, 45, 40], permit: 2 },
        { id: 'd', dwellings: 4, eur: 30, values: [null, 60, 59] },
        { id: 'e', dwellings: 1, eur: 10, values: [12, 11, 10] },
      ],
    });
    const best = bruteForce(m, (c) => checkSelection(m, c).violations.length === 0);
    const out = await highsMipSolver().solve(buildMip(m), { mipRelGap: 0, start: new Float64Array(m.options.length), lpDive: true });
    expect(out.startSource).toBe('lp-dive');
    expect(out.startObjective!).toBeGreaterThan(0);
    expect(out.startObjective!).toBeLessThanOrEqual(best.value + 1e-6);
    const chosen = chosenOptions(m, out.values);
    expect(checkSelection(m, chosen).violations).toEqual([]);
    expect(objectiveOf(chosen)).toBeCloseTo(best.value, 6);
  });
});
