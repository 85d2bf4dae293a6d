/** Class breaks fitted to data, shared by the legends that class on displayed values. */

/**
 * Lower bounds of `k` quantile classes of the finite values, ascending and distinct (ties can merge classes);
 * the first bound is the minimum. Empty input gives [0].
 */
export function quantileBreaks(values: ArrayLike<number>, k: number): number[] {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [0];
  const out: number[] = [];
  for (let q = 0; q < k; q++) {
    const v = sorted[Math.floor((q * sorted.length) / k)]!;
    if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
  }
  return out;
}
