import { describe, expect, it } from 'vitest';
import { lpDive, type LpRelaxation } from './lp-dive.ts';
import type { MipModel } from './mip.ts';

/** One knapsack row: its LP optimum is the fractional greedy by value per weight (exact, so the test needs no solver). */
function knapsack(
  cost: number[],
  weight: number[],
  cap: number,
): { model: MipModel; relax: LpRelaxation; solves: () => number } {
  let solves = 0;
  const model: MipModel = {
    numCols: cost.length,
    colCost: Float64Array.from(cost),
    rows: [{ name: 'cap', indices: cost.map((_, j) => j), values: weight, upper: cap }],
  };
  const relax: LpRelaxation = (lower, upper) => {
    solves++;
    const x = Float64Array.from(lower);
    let room = cap - weight.reduce((a, w, j) => a + w * lower[j]!, 0);
    if (room < -1e-9) return null;
    const order = cost
      .map((_, j) => j)
      .filter((j) => upper[j]! > lower[j]! && cost[j]! > 0)
      .sort((a, b) => cost[b]! / weight[b]! - cost[a]! / weight[a]! || a - b);
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
    const costs = [5, 4, 3, 3, 2, 1],
      w = [3, 3, 2, 2, 1, 1];
    const k = knapsack(costs, w, 6);
    const x = lpDive(k.model, k.relax)!;
    expect(Array.from(x).every((v) => v === 0 || v === 1)).toBe(true);
    expect(w.reduce((a, wi, j) => a + wi * x[j]!, 0)).toBeLessThanOrEqual(6);
  });

  it('returns null when the first LP fails', () => {
    const k = knapsack([1], [1], 1);
    expect(lpDive(k.model, () => null)).toBeNull();
  });
});
