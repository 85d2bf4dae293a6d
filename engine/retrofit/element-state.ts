/**
 * Element state per dwelling: each insulation element's level (N0..N4), known from data or imputed from
 * the label (WoON 2020 level marginals per label), the build year (post-1992 minimum levels) and, when the
 * label itself is unknown, the label shares of the type × period × owner (Hestia) — with the probability of
 * the imputed level or the source of the known one.
 */
import { buildPeriod } from '../build-period.ts';
import {
  ELEMENT_LEVELS,
  ENERGY_LABELS,
  type DwellingType,
  type Element,
  type ElementLevel,
  type EnergyLabel,
  type Ownership,
} from '../dwelling.ts';
import { HESTIA_ELEMENT_LEVELS as ELEMENT_LEVEL_MARGINALS } from '../hestia/element-levels.ts';
import { LABEL_FREQUENCIES } from '../hestia/label-frequencies-by-build-period.ts';
import { MINIMUM_LEVEL_INDICES as MINIMUM_LEVELS } from '../hestia/minimum-level-indices.ts';
import { HESTIA_LABELS, type LevelWeights, type WoonPart } from '../hestia/hestia-types.ts';
import { hestiaLabelOf, hestiaOwnerOf, hestiaTypeOf } from '../hestia/hestia-type.ts';

/** given = the caller said so; known = inspected (dataset); assumed = the dataset's own estimate; imputed = estimated here. */
export type ElementSource = 'given' | 'known' | 'assumed' | 'imputed';

export interface ElementStateOut {
  level: ElementLevel;
  source: ElementSource;
  /** Probability of this level under the imputation model (1 for given/known). */
  probability: number;
}

export function woonPartOf(element: Element, flatRoof: boolean): WoonPart {
  return element === 'roof' ? (flatRoof ? 'flatRoof' : 'pitchedRoof') : element;
}

/** Minimum level (0..4) of an element by build year (minimale_bouwdeelkwaliteit_na_1992.csv), 0 before 1992. */
export function minimumLevel(part: WoonPart, bouwjaar: number): number {
  if (bouwjaar < MINIMUM_LEVELS[0]!.from) return 0;
  const row =
    MINIMUM_LEVELS.find((r) => bouwjaar >= r.from && bouwjaar <= r.to) ?? MINIMUM_LEVELS[MINIMUM_LEVELS.length - 1]!;
  return row.levels[part];
}

const freqByKey = new Map(LABEL_FREQUENCIES.map((r) => [`${r.type}|${r.period}|${r.owner}`, r.freq]));

/** Label shares A..G for a type × build year × ownership (Hestia); storeys decide low/mid-rise vs high-rise flats. */
export function labelShares(
  type: DwellingType,
  bouwjaar: number,
  ownership: Ownership,
  storeys: number,
): readonly number[] {
  const freq = freqByKey.get(`${hestiaTypeOf(type, storeys)}|${buildPeriod(bouwjaar)}|${hestiaOwnerOf(ownership)}`);
  if (!freq) throw new Error(`no Hestia label shares for ${type} ${bouwjaar} ${ownership}`);
  return freq;
}

/** Distribution of an element's level: given the label, or mixed over the label shares; raised to the year's minimum. */
export function levelDistribution(
  part: WoonPart,
  bouwjaar: number,
  label: EnergyLabel | null,
  shares: readonly number[],
): number[] {
  let w: number[];
  if (label !== null) w = [...ELEMENT_LEVEL_MARGINALS[hestiaLabelOf(label)][part]];
  else {
    w = [0, 0, 0, 0, 0];
    const total = shares.reduce((a, b) => a + b, 0);
    HESTIA_LABELS.forEach((l, k) => {
      const m: LevelWeights = ELEMENT_LEVEL_MARGINALS[l][part];
      for (let v = 0; v < 5; v++) w[v]! += (m[v]! * shares[k]!) / total;
    });
  }
  const min = minimumLevel(part, bouwjaar);
  for (let v = 0; v < min; v++) {
    w[min]! += w[v]!;
    w[v] = 0;
  }
  return w;
}

/** The most probable level and its probability. */
export function imputeLevel(distribution: readonly number[]): { level: number; probability: number } {
  let best = 0;
  for (let v = 1; v < distribution.length; v++) if (distribution[v]! > distribution[best]!) best = v;
  return { level: best, probability: distribution[best]! };
}

/** State of an element whose level came from elsewhere: its probability under the model, for the record. */
export function stateOf(level: number, source: ElementSource, distribution: readonly number[]): ElementStateOut {
  return {
    level: ELEMENT_LEVELS[level]!,
    source,
    probability: source === 'given' || source === 'known' ? 1 : round3(distribution[level] ?? 0),
  };
}

export function labelIndexOfLabel(label: EnergyLabel): number {
  return ENERGY_LABELS.indexOf(label);
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
