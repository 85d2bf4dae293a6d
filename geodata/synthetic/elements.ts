/**
 * Insulation level per element drawn given the energy label from the WoON 2020 marginals
 * (engine/hestia/element-levels.ts), then raised to the post-1992 building-code minimum.
 */
import {
  ELEMENT_LEVELS,
  type Dwelling,
  type ElementLevel,
  type ElementState,
  type Ownership,
} from '../../engine/dwelling.ts';
import type { Rng } from '../../engine/rng.ts';
import { HESTIA_ELEMENT_LEVELS } from '../../engine/hestia/element-levels.ts';
import type { HestiaLabel, WoonPart } from '../../engine/hestia/hestia-types.ts';
import { MINIMUM_LEVELS_AFTER_1992 } from '../../engine/hestia/minimum-levels.ts';

/**
 * Probability that a dwelling's element levels are known (inspected) rather than assumed; one draw per
 * dwelling, applied to all four elements. Assumption: the corporation knows its own stock better.
 */
export const KNOWN_SHARE: Record<Ownership, number> = {
  corporatie: 0.25,
  'eigenaar-bewoner': 0.05,
  'particuliere verhuur': 0.05,
  overig: 0.05,
};

/** The minimum level per part for a build year, or null before 1992 (minimale_bouwdeelkwaliteit_na_1992.csv). */
export function minimumLevels(bouwjaar: number): Record<WoonPart, ElementLevel> | null {
  const first = MINIMUM_LEVELS_AFTER_1992[0]!;
  if (bouwjaar < first.from) return null;
  const row = MINIMUM_LEVELS_AFTER_1992.find((r) => bouwjaar >= r.from && bouwjaar <= r.to);
  return (row ?? MINIMUM_LEVELS_AFTER_1992[MINIMUM_LEVELS_AFTER_1992.length - 1]!).levels;
}

const maxLevel = (a: ElementLevel, b: ElementLevel): ElementLevel =>
  ELEMENT_LEVELS.indexOf(a) >= ELEMENT_LEVELS.indexOf(b) ? a : b;

export interface ElementInput {
  label: HestiaLabel;
  roofShape: 'hellend' | 'plat';
  bouwjaar: number;
  ownership: Ownership;
}

export function drawElements(d: ElementInput, rng: Rng): Dwelling['elements'] {
  const table = HESTIA_ELEMENT_LEVELS[d.label];
  const min = minimumLevels(d.bouwjaar);
  const roofPart: WoonPart = d.roofShape === 'hellend' ? 'pitchedRoof' : 'flatRoof';
  const status = rng.chance(KNOWN_SHARE[d.ownership]) ? 'known' : 'assumed';
  const draw = (part: WoonPart): ElementState => {
    const drawn = ELEMENT_LEVELS[rng.weighted(table[part])]!;
    return { level: min ? maxLevel(drawn, min[part]) : drawn, status };
  };
  return { cavityWall: draw('cavityWall'), roof: draw(roofPart), floor: draw('floor'), glazing: draw('glazing') };
}
