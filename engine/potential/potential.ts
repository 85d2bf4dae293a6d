/**
 * Potential of each block for one intervention: the weighted mean of its indicators (direction "laag" counts
 * 1 − value), 0–100, with the breakdown per indicator like the retrofit priority. An indicator without data counts
 * in neither numerator nor denominator, and the block says so. One pass over the blocks: cheap enough to redo on
 * every weight change.
 */
import type { BlockIndicators, IndicatorValue } from './indicators.ts';
import { INDICATORS, INDICATOR_NL, type IndicatorId, type Intervention } from './interventions.ts';
import type { PotentialWeights } from './potential-weights.ts';

export interface PotentialTerm {
  indicator: IndicatorId;
  /** Share of the intervention's weight (0–1) this indicator carries (before leaving out missing ones). */
  weightShare: number;
  direction: 'hoog' | 'laag';
  /** The indicator's value (0–1) or null when unknown. */
  value: number | null;
  /** Points (0–100 scale) this indicator adds to the potential; 0 when unknown. */
  points: number;
}

export interface BlockPotential {
  blockId: string;
  /** 0–100 with one decimal; null when none of the weighted indicators is known. */
  potential: number | null;
  terms: PotentialTerm[];
  /** Dutch reasons: the largest contributions with their facts, then what is unknown. */
  reasons: string[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function reason(t: PotentialTerm, v: IndicatorValue): string {
  return `${INDICATOR_NL[t.indicator]}${t.direction === 'laag' ? ' (laag telt)' : ''}: ${v.fact}`;
}

export function scorePotential(
  blocks: readonly BlockIndicators[],
  weights: PotentialWeights,
  intervention: Intervention,
): BlockPotential[] {
  const spec = weights.interventions[intervention];
  const weighted = INDICATORS.filter((i) => (spec[i]?.weight ?? 0) > 0);
  const total = weighted.reduce((a, i) => a + spec[i]!.weight, 0);
  return blocks.map((b) => {
    let known = 0;
    let sum = 0;
    const raw = weighted.map((i) => {
      const { weight, direction } = spec[i]!;
      const v = b.values[i].value;
      const signed = v === null ? null : direction === 'hoog' ? v : 1 - v;
      if (signed !== null) {
        known += weight;
        sum += weight * signed;
      }
      return { indicator: i, weight, direction, value: v, signed };
    });
    const terms: PotentialTerm[] = raw.map((r) => ({
      indicator: r.indicator,
      weightShare: Math.round((r.weight / total) * 1000) / 1000,
      direction: r.direction,
      value: r.value,
      points: r.signed === null || known === 0 ? 0 : round1((100 * r.weight * r.signed) / known),
    }));
    const potential = known === 0 ? null : round1((100 * sum) / known);
    const top = terms
      .filter((t) => t.value !== null && t.points > 0)
      .sort((x, y) => y.points - x.points || INDICATORS.indexOf(x.indicator) - INDICATORS.indexOf(y.indicator))
      .slice(0, 3);
    const missing = terms.filter((t) => t.value === null);
    const reasons = [
      ...top.map((t) => reason(t, b.values[t.indicator])),
      ...missing.map((t) => `${INDICATOR_NL[t.indicator]} onbekend (${b.values[t.indicator].fact}): telt niet mee`),
    ];
    return { blockId: b.blockId, potential, terms, reasons };
  });
}

/** Lowest and highest potential over the blocks (the legend's real range); null when no block has one. */
export function potentialRange(list: readonly BlockPotential[]): { min: number; max: number } | null {
  const xs = list.map((b) => b.potential).filter((x): x is number => x !== null);
  if (xs.length === 0) return null;
  return { min: Math.min(...xs), max: Math.max(...xs) };
}
