/**
 * The weights panel's model: one slider per priority factor on top of the shipped weights file; only the
 * factor weights change, scales and energy-poverty parameters stay as shipped. Validated with the engine's
 * zod schema, so the worker never scores with weights the API would refuse.
 */
import type { Result } from '../../../engine/result.ts';
import {
  DEFAULT_WEIGHTS,
  FACTOR_IDS,
  FACTOR_NL,
  parseWeights,
  type FactorId,
  type WeightsConfig,
} from '../../../engine/retrofit/weights.ts';

export type FactorWeights = Record<FactorId, number>;

/** Slider range and step: the shipped weights are 0.1–0.3 and normalised by their sum. */
export const SLIDER = { min: 0, max: 1, step: 0.05 } as const;

/** Dutch factor name with a capital, for the panel and the popup. */
export function factorLabel(f: FactorId): string {
  const s = FACTOR_NL[f];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function defaultFactors(base: WeightsConfig = DEFAULT_WEIGHTS): FactorWeights {
  return { ...base.factors };
}

/** The complete weights file for the slider values (a coded issue when, e.g., all are zero). */
export function weightsFor(factors: FactorWeights, base: WeightsConfig = DEFAULT_WEIGHTS): Result<WeightsConfig> {
  return parseWeights({ ...base, factors: { ...factors } });
}

/** Each factor's share of the priority (its maximum points out of 100); all zero when the weights are. */
export function factorShares(factors: FactorWeights): FactorWeights {
  const sum = FACTOR_IDS.reduce((a, f) => a + factors[f], 0);
  return Object.fromEntries(FACTOR_IDS.map((f) => [f, sum > 0 ? factors[f] / sum : 0])) as FactorWeights;
}

/** Slider value snapped to the step (input values arrive as strings such as "0.35000000000000003"). */
export function snap(value: number): number {
  const perUnit = Math.round(1 / SLIDER.step);
  const v = Math.min(SLIDER.max, Math.max(SLIDER.min, value));
  return Math.round(v * perUnit) / perUnit;
}

export function sameFactors(a: FactorWeights, b: FactorWeights): boolean {
  return FACTOR_IDS.every((f) => a[f] === b[f]);
}
