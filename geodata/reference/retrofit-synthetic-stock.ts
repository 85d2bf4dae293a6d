/**
 * The shipped synthetic stock (Kalsdonk and Westrand) as the retrofit scoring reads it, generated in
 * memory: what the default calibration is fitted on and what the calibration test checks.
 */
import type { Dataset } from '../../engine/dataset.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { retrofitContext, stockOf, type RetrofitStock } from '../../engine/retrofit/stock.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';
import { generateSyntheticDataset } from '../synthetic/generate.ts';
import { SHIPPED_DATA_DATE, SHIPPED_SEED } from '../shipped-seed.ts';

/** The shipped dataset's seed and date: the calibration is fitted on the stock users see. */
export const CALIBRATION_SEED = SHIPPED_SEED;
export const CALIBRATION_DATA_DATE = SHIPPED_DATA_DATE;

export function syntheticDataset(): Dataset {
  return generateSyntheticDataset({
    seed: CALIBRATION_SEED,
    buurten: loadShippedBuurten(),
    dataDate: CALIBRATION_DATA_DATE,
  });
}

export function syntheticStock(ds: Dataset = syntheticDataset()): {
  dataset: Dataset;
  stock: RetrofitStock;
  buurtCodes: string[];
} {
  const t = toColumns(ds.dwellings);
  return { dataset: ds, stock: stockOf(t, retrofitContext(ds, t.buurtCodes)), buurtCodes: t.buurtCodes };
}
