/**
 * Entry point of the synthetic stock ("the shipped dataset"): plausible but invented dwellings inside the
 * real (generalised) CBS boundaries of Kalsdonk and Westrand. Pure: no I/O, clock or ambient randomness;
 * the same options give a deep-equal (and JSON-identical) dataset.
 */
import type { Buurt } from '../../engine/dwelling.ts';
import type { Dataset } from '../../engine/dataset.ts';
import { buurtStock, withStock } from '../../engine/stock-status.ts';
import { CBS_ATTRIBUTION } from '../boundaries/cbs-buurten.ts';
import { FOCUS_BUURTEN, PROGRAMME_AREAS } from '../boundaries/programme-areas.ts';
import { BUURT_PROFILES } from './buurt-profiles.ts';
import { generateBuurtStock } from './generate-buurt.ts';

/**
 * @2: the old centre Centrum-Oud has a stock (the other buurten are byte-identical to @1).
 * @3: every pand names its block (`blockId`); dwellings and every other field are byte-identical to @2.
 */
export const GENERATOR_ID = 'voorraad-synthetic@3';
export const DATASET_NAME = 'Synthetische voorraad Kalsdonk & Westrand';
/** Buurten with a generated stock: the focus buurten and the old centre (the acquisition target, docs/domain.md §1). */
export const GENERATED_BUURTEN: readonly string[] = [...FOCUS_BUURTEN, ...PROGRAMME_AREAS['Centrum-Oud']!];
export const SYNTHETIC_ATTRIBUTION: readonly string[] = [
  CBS_ATTRIBUTION,
  'Labelverdeling: PBL/TNO Hestia (WoON 2020)',
  'Synthetische woningen: geen echte adressen of eigenaren',
];

export interface SyntheticOptions {
  seed: number;
  /** All buurten to ship (passed through unchanged); dwellings are generated for GENERATED_BUURTEN among them. */
  buurten: Buurt[];
  /** Date the dataset describes, YYYY-MM-DD; labels, VvE dates and dwellings' dataDate derive from it. */
  dataDate: string;
}

export function generateSyntheticDataset(opts: SyntheticOptions): Dataset {
  const dataset: Dataset = {
    meta: {
      name: DATASET_NAME,
      synthetic: true,
      seed: opts.seed,
      generator: GENERATOR_ID,
      dataDate: opts.dataDate,
      attribution: [...SYNTHETIC_ATTRIBUTION],
    },
    buurten: [...opts.buurten],
    buildings: [],
    dwellings: [],
    vves: [],
  };
  for (const buurt of opts.buurten) {
    if (!GENERATED_BUURTEN.includes(buurt.buurtcode)) continue;
    const profile = BUURT_PROFILES[buurt.buurtcode];
    if (!profile) throw new Error(`no synthetic profile for buurt ${buurt.buurtcode}`);
    const stock = generateBuurtStock(buurt, profile, opts.seed, opts.dataDate);
    dataset.buildings.push(...stock.buildings);
    dataset.dwellings.push(...stock.dwellings);
    dataset.vves.push(...stock.vves);
  }
  dataset.meta.buurtStock = withStock(buurtStock(dataset));
  return dataset;
}
