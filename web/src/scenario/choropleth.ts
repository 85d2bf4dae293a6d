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

/** MapLibre colour for feature property `value` on the ramp over [lo, hi]; grey where it is null. */
export function fillColor(lo: number, hi: number): ExpressionSpecification {
  const stops: (number | string)[] = [];
  RAMP.forEach((c, i) => stops.push(lo + ((hi - lo) * i) / (RAMP.length - 1), c));
  return [
    'case',
    ['==', ['typeof', ['get', 'value']], 'number'],
    ['interpolate', ['linear'], ['get', 'value'], ...stops] as unknown as ExpressionSpecification,
    NO_VALUE,
  ];
}

/** CSS gradient of the ramp, for the legend bar. */
export function rampGradient(): string {
  return `linear-gradient(to right, ${RAMP.join(', ')})`;
}
