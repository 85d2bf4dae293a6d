/**
 * Estimates for what a register leaves open, all deterministic so re-imports give identical datasets and
 * all marked as estimates: labels as imputed, element levels as 'assumed', the rest in attributeSources.
 * The single most likely value is used (not a random draw), which maximises the chance of being right
 * per dwelling (3DGI wijklabels: 21 % exact is the bar for labels from open data, docs/domain.md §5).
 */
import {
  ELEMENT_LEVELS,
  type Dwelling,
  type DwellingType,
  type ElementLevel,
  type ElementState,
  type EnergyLabel,
  type Ownership,
  type WozBand,
} from '../../engine/dwelling.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import { HESTIA_ELEMENT_LEVELS } from '../../engine/hestia/element-levels.ts';
import { HESTIA_LABELS, type WoonPart } from '../../engine/hestia/hestia-types.ts';
import { minimumLevels } from '../synthetic/elements.ts';
import { hestiaLabelOf, hestiaOwnerOf, hestiaTypeOf } from '../../engine/hestia/hestia-type.ts';
import { labelFrequencies } from '../synthetic/labels.ts';
import { wozBandOf, wozValueEur } from '../synthetic/woz.ts';

export const LABEL_RULE_ID = 'regel:label-hestia-modus@1';
export const ELEMENT_RULE_ID = 'regel:bouwdelen-woon2020-modus@1';
export const WOZ_RULE_ID = 'regel:woz-hedonisch@1';
export const FLOOR_RULE_ID = 'regel:verdieping-volgorde@1';

const argMax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

/** The most frequent label for type × build period × owner (Hestia 20230523_Woningen_BAG.csv). */
export function imputeLabel(
  type: DwellingType,
  storeys: number,
  bouwjaar: number,
  ownership: Ownership,
): Dwelling['energyLabel'] {
  const freq = labelFrequencies(hestiaTypeOf(type, storeys), bouwjaar, hestiaOwnerOf(ownership));
  return { label: HESTIA_LABELS[argMax(freq)]!, source: 'imputed', date: null };
}

const maxLevel = (a: ElementLevel, b: ElementLevel): ElementLevel =>
  ELEMENT_LEVELS.indexOf(a) >= ELEMENT_LEVELS.indexOf(b) ? a : b;

/**
 * Most frequent level per element given the label (WoON 2020 via Hestia), raised to the building-code
 * minimum for dwellings built from 1992; elements already 'known' are kept.
 */
export function imputeElements(
  label: EnergyLabel,
  roofShape: 'hellend' | 'plat',
  bouwjaar: number,
  current?: Dwelling['elements'],
): Dwelling['elements'] {
  const table = HESTIA_ELEMENT_LEVELS[hestiaLabelOf(label)];
  const min = minimumLevels(bouwjaar);
  const guess = (part: WoonPart, known: ElementState | undefined): ElementState => {
    if (known?.status === 'known') return known;
    const mode = ELEMENT_LEVELS[argMax(table[part])]!;
    return { level: min ? maxLevel(mode, min[part]) : mode, status: 'assumed' };
  };
  return {
    cavityWall: guess('cavityWall', current?.cavityWall),
    roof: guess(roofShape === 'hellend' ? 'pitchedRoof' : 'flatRoof', current?.roof),
    floor: guess('floor', current?.floor),
    glazing: guess('glazing', current?.glazing),
  };
}

/** The hedonic WOZ rule of the synthetic set without its noise term (geodata/synthetic/woz.ts), banded. */
export function imputeWozBand(type: DwellingType, oppervlakte: number, bouwjaar: number): WozBand {
  const noNoise: Rng = { ...createRng(0), normal: (mean: number) => mean };
  return wozBandOf(wozValueEur(type, oppervlakte, bouwjaar, 1, noNoise));
}
