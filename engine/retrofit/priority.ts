/**
 * The priority score 0–100: the weighted mean of the per-dwelling factors (each 0–1), with each factor's
 * contribution in points so a planner can see why a dwelling ranks where it does. Factors are stored
 * interleaved (`factors[i × FACTOR_COUNT + f]`), so a weight change re-scores without recomputing them.
 */
import { FACTOR_COUNT, FACTOR_IDS, type FactorId, type WeightsConfig } from './weights.ts';

/** Points per unit of each factor: weight / Σ weights × 100. */
export function pointsPerFactor(w: WeightsConfig): Float64Array {
  const raw = FACTOR_IDS.map((f) => w.factors[f]);
  const sum = raw.reduce((a, b) => a + b, 0);
  return Float64Array.from(raw, (x) => (x / sum) * 100);
}

/** priority[i] = Σ points[f] × factors[i, f] for i in [from, to). */
export function applyWeights(
  factors: Float32Array,
  points: Float64Array,
  priority: Float32Array,
  from: number,
  to: number,
): void {
  const p0 = points[0]!,
    p1 = points[1]!,
    p2 = points[2]!,
    p3 = points[3]!,
    p4 = points[4]!;
  for (let i = from, k = from * FACTOR_COUNT; i < to; i++, k += FACTOR_COUNT) {
    priority[i] =
      p0 * factors[k]! + p1 * factors[k + 1]! + p2 * factors[k + 2]! + p3 * factors[k + 3]! + p4 * factors[k + 4]!;
  }
}

/** Points each factor contributes to dwelling i's priority (they sum to the priority). */
export function breakdown(factors: Float32Array, points: Float64Array, i: number): Record<FactorId, number> {
  const out = {} as Record<FactorId, number>;
  FACTOR_IDS.forEach((f, j) => {
    out[f] = points[j]! * factors[i * FACTOR_COUNT + j]!;
  });
  return out;
}

if (FACTOR_COUNT !== 5) throw new Error('applyWeights is unrolled for 5 factors');
