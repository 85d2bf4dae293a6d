import { existsSync } from 'node:fs';
import type { Dataset } from '../engine/dataset.ts';
import type { Buurt } from '../engine/dwelling.ts';
import { buurtStock } from '../engine/stock-status.ts';
import { CBS_ATTRIBUTION, loadShippedBuurten } from './boundaries/cbs-buurten.ts';
import { writeDataset } from './dataset-store.ts';

/**
 * `voorraad dataset new`: an empty dataset with only the CBS boundaries of the chosen buurten, for a municipality
 * that starts from its registers (BAG, EP-Online, CBS, portfolio, VvE, species, signals) instead of the synthetic
 * stock. It is not synthetic: nothing in it is invented; the imports fill it (docs/registers-to-plan.md).
 */
export class DatasetNewError extends Error {
  constructor(
    readonly code: 'dataset.buurt.unknown' | 'dataset.exists',
    /** The option at fault (`--buurten`, `--out`). */
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/** Name of a dataset built from registers. */
export const REGISTERS_DATASET_NAME = 'Voorraad uit registers';
/** Date the boundaries describe (CBS Wijk- en Buurtkaart 2024); imports move the data date to theirs. */
export const BOUNDARIES_DATA_DATE = '2024-01-01';

/** The empty dataset for these buurt codes, in the order given; unknown codes are a coded error naming them. */
export function newRegistersDataset(codes: readonly string[], known: readonly Buurt[] = loadShippedBuurten()): Dataset {
  const byCode = new Map(known.map((b) => [b.buurtcode, b]));
  const unknown = codes.filter((c) => !byCode.has(c));
  if (unknown.length > 0)
    throw new DatasetNewError(
      'dataset.buurt.unknown',
      '--buurten',
      `unknown CBS buurt code ${unknown.join(', ')}; expected codes of the shipped CBS boundaries (${[...byCode.keys()].join(', ')})`,
    );
  const buurten = [...new Set(codes)].map((c) => byCode.get(c)!);
  const ds: Dataset = {
    meta: {
      name: REGISTERS_DATASET_NAME,
      synthetic: false,
      seed: null,
      generator: null,
      dataDate: BOUNDARIES_DATA_DATE,
      attribution: [CBS_ATTRIBUTION],
    },
    buurten,
    buildings: [],
    dwellings: [],
    vves: [],
  };
  ds.meta.buurtStock = buurtStock(ds);
  return ds;
}

/** Writes the empty dataset; an existing file is only replaced with `force`. */
export function createRegistersDataset(file: string, codes: readonly string[], force: boolean): Dataset {
  const ds = newRegistersDataset(codes);
  if (existsSync(file) && !force)
    throw new DatasetNewError('dataset.exists', '--out', `${file} already exists; pass --force to replace it`);
  writeDataset(file, ds);
  return ds;
}
