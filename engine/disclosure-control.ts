/**
 * Statistical disclosure control for sensitive counts (municipal signals: nuisance, vacancy, room-letting).
 * Defaults from docs/domain.md §6 (product default; CBS/municipal practice, M): suppress counts below 10, round the
 * rest to a multiple of 5, publish a rate only when its denominator is at least 50, and only for fixed
 * geographies (CBS buurten), never for a user-drawn area. Pure functions.
 */

export interface DisclosureRules {
  /** Counts below this are suppressed (published as null). */
  minCount: number;
  /** Published counts are rounded to the nearest multiple of this. */
  roundTo: number;
  /** A rate is published only when its denominator is at least this. */
  minDenominator: number;
}

/** docs/domain.md §6: suppress sensitive counts < 10, round to 5, rates only with a denominator ≥ 50. */
export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = { minCount: 10, roundTo: 5, minDenominator: 50 };

/** A count after disclosure control: `value` is null when suppressed. */
export interface ControlledCount {
  value: number | null;
  suppressed: boolean;
}

/** A rate (0–1) after disclosure control: null when the denominator is too small or the count suppressed. */
export interface ControlledRate {
  value: number | null;
  /** Why no rate is published, when it is not. */
  reason: 'small-denominator' | 'suppressed-count' | null;
}

/** Rounds half away from zero to a multiple of `step` (12 → 10, 13 → 15 for step 5). */
export function roundToMultiple(n: number, step: number): number {
  if (!(step > 0)) throw new RangeError(`roundTo must be > 0, got ${step}`);
  return Math.round(n / step) * step;
}

/**
 * A sensitive count as it may be published: below `minCount` suppressed; otherwise rounded to the nearest
 * multiple of `roundTo`.
 */
export function controlCount(n: number, rules: DisclosureRules = DEFAULT_DISCLOSURE_RULES): ControlledCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a non-negative integer, got ${n}`);
  if (n < rules.minCount) return { value: null, suppressed: true };
  return { value: roundToMultiple(n, rules.roundTo), suppressed: false };
}

/**
 * A rate numerator/denominator as it may be published. It is computed from the *controlled* numerator, so
 * the rate times a published exact denominator never gives back the exact count; no rate when the
 * denominator is below `minDenominator` or the numerator is suppressed.
 */
export function controlRate(
  numerator: number,
  denominator: number,
  rules: DisclosureRules = DEFAULT_DISCLOSURE_RULES,
): ControlledRate {
  if (denominator < rules.minDenominator) return { value: null, reason: 'small-denominator' };
  const c = controlCount(numerator, rules);
  if (c.value === null) return { value: null, reason: 'suppressed-count' };
  return { value: Math.min(1, c.value / denominator), reason: null };
}

/** A geography the product publishes aggregates for: only these codes are accepted (no ad-hoc areas). */
export interface FixedGeography {
  code: string;
  name: string;
}

export type AggregateResult<T> = { ok: true; value: T } | { ok: false; code: 'geography.not-fixed'; message: string };

/**
 * Counts per fixed geography: every record names its geography code; a code outside the fixed list is an
 * error (the caller must not aggregate over ad-hoc areas). Geographies without records get 0.
 */
export function countByFixedGeography<R>(
  records: readonly R[],
  geographies: readonly FixedGeography[],
  codeOf: (r: R) => string,
  include: (r: R) => boolean = () => true,
): AggregateResult<Map<string, number>> {
  const counts = new Map<string, number>(geographies.map((g) => [g.code, 0]));
  for (const r of records) {
    const code = codeOf(r);
    const n = counts.get(code);
    if (n === undefined)
      return { ok: false, code: 'geography.not-fixed', message: `${code} is not one of the fixed geographies` };
    if (include(r)) counts.set(code, n + 1);
  }
  return { ok: true, value: counts };
}
