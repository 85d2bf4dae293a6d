/**
 * Quantile of sorted values by linear interpolation between order statistics (Hyndman–Fan type 7,
 * the default of R and NumPy); `p` in [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < n ? a + (h - lo) * (sorted[lo + 1]! - a) : a;
}

/** A number rounded to six significant digits, so results are compact and stable in text. */
export function round6(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}
