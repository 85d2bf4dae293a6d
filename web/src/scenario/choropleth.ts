import type { ExpressionSpecification } from 'maplibre-gl';

/** Sequential colours, light to dark (ColorBrewer YlGnBu, 5 classes). */
export const RAMP = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const NO_VALUE = '#d9d9d9';

/** Domain of the values shown on both maps, widened when all values are equal. */
export function sharedDomain(values: readonly (number | null)[]): [number, number] {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return [0, 1];
  let lo = Math.min(...xs),
    hi = Math.max(...xs);
  if (hi - lo < 1e-9) {
    lo -= 0.5 * (Math.abs(lo) * 0.1 || 1);
    hi += 0.5 * (Math.abs(hi) * 0.1 || 1);
  }
  return [lo, hi];
}

/** Diverging colours for a difference B − A: blue below zero, near-white at zero, red above (ColorBrewer RdBu, 5). */
export const DIVERGING = ['#0571b0', '#92c5de', '#f7f7f7', '#f4a582', '#ca0020'] as const;

/** Symmetric domain [−m, m] around zero for differences, m the largest absolute difference (1e-9 when all are 0). */
export function differenceDomain(values: readonly (number | null)[]): [number, number] {
  const m = Math.max(1e-9, ...values.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs));
  return [-m, m];
}

/** MapLibre colour for feature property `value` on the ramp over [lo, hi]; grey where it is null. */
export function fillColor(lo: number, hi: number, ramp: readonly string[] = RAMP): ExpressionSpecification {
  const stops: (number | string)[] = [];
  ramp.forEach((c, i) => stops.push(lo + ((hi - lo) * i) / (ramp.length - 1), c));
  return [
    'case',
    ['==', ['typeof', ['get', 'value']], 'number'],
    ['interpolate', ['linear'], ['get', 'value'], ...stops] as unknown as ExpressionSpecification,
    NO_VALUE,
  ];
}

/** CSS gradient of a ramp, for the legend bar. */
export function rampGradient(ramp: readonly string[] = RAMP): string {
  return `linear-gradient(to right, ${ramp.join(', ')})`;
}
