/**
 * LP diving: a MIP start close to the LP bound. Greedy stops 1.4 % below the LP bound on Kalsdonk + Westrand
 * (budget and season capacity leave fragments no greedy order fills), and HiGHS then spends 3–8 s CPU of root
 * cuts and heuristics before it has an incumbent within 0.5 %. Diving — solve the LP, fix its integral ones,
 * fix the most nearly integral fractional column to 1 when the fixed set still fits (else to 0), re-solve warm
 * — ends on an integral LP solution within a few tenths of a percent of the bound, and HiGHS stops after its
 * root LP. The LP itself is injected (the worker re-solves a persistent HiGHS model), so this stays pure.
 * Valid for 0/1 models with `≤` rows and non-negative coefficients (the planner's MIP): fixing a column to 1
 * is safe whenever the columns fixed to 1 fit every row on their own.
 */
import type { MipModel } from './mip.ts';

/** Re-solves the LP relaxation under column bounds; null when it is infeasible or fails. */
export type LpRelaxation = (lower: Float64Array, upper: Float64Array) => ArrayLike<number> | null;

const TOL = 1e-6;

/** A feasible 0/1 vector found by diving, or null when the first LP fails. `maxSolves` bounds the LP count. */
export function lpDive(model: MipModel, relax: LpRelaxation, maxSolves = 60): Float64Array | null {
  const n = model.numCols;
  // Column → (row, coefficient) lists.
  const colRows: number[][] = Array.from({ length: n }, () => []);
  const colVals: number[][] = Array.from({ length: n }, () => []);
  model.rows.forEach((r, i) =>
    r.indices.forEach((j, k) => {
      colRows[j]!.push(i);
      colVals[j]!.push(r.values[k]!);
    }),
  );
  const use = new Float64Array(model.rows.length);
  const lower = new Float64Array(n),
    upper = new Float64Array(n).fill(1);
  const fits = (j: number): boolean =>
    colRows[j]!.every((i, k) => use[i]! + colVals[j]![k]! <= model.rows[i]!.upper + 1e-9);
  const fix = (j: number): void => {
    lower[j] = 1;
    colRows[j]!.forEach((i, k) => {
      use[i] = use[i]! + colVals[j]![k]!;
    });
  };
  let last: ArrayLike<number> | null = null;
  for (let solve = 0; solve < maxSolves; solve++) {
    const x = relax(lower, upper);
    if (!x) break;
    last = x;
    const frac: number[] = [];
    for (let j = 0; j < n; j++) {
      const v = x[j]!;
      if (v >= 1 - TOL) {
        if (lower[j] === 0 && fits(j)) fix(j);
      } else if (v > TOL) frac.push(j);
    }
    if (frac.length === 0) break; // integral
    // Every fractional column at ½ or more that still fits goes to 1 at once (fewer LPs); otherwise the largest
    // goes to 1, or to 0 when it no longer fits.
    frac.sort((a, b) => x[b]! - x[a]! || a - b);
    let fixed = 0;
    for (const j of frac)
      if (x[j]! >= 0.5 && fits(j)) {
        fix(j);
        fixed++;
      }
    if (fixed === 0 && fits(frac[0]!)) fix(frac[0]!);
    // Columns that no longer fit beside the fixed ones never will (use only grows): bar them all, or the next
    // LP just shifts its fractional weight onto another of them.
    for (let j = 0; j < n; j++) if (lower[j] === 0 && upper[j] === 1 && !fits(j)) upper[j] = 0;
  }
  if (!last) return null;
  // Then every column that still fits, best objective first (the dive may stop at maxSolves).
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => model.colCost[b]! - model.colCost[a]! || a - b);
  for (const j of order) if (lower[j] === 0 && upper[j] === 1 && model.colCost[j]! > 0 && fits(j)) fix(j);
  // The columns fixed to 1 fit every row by construction.
  return Float64Array.from(lower);
}
