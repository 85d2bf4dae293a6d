/** All parameters of the retrofit model in one value, with the shipped defaults. */
import type { DwellingType } from '../dwelling.ts';
import { DEFAULT_CALIBRATION } from './data/calibration-default.ts';
import { DEFAULT_ECOLOGY, type EcologyParams } from './ecology.ts';
import { DEFAULT_GEOMETRY, type GeometryParams } from './element-areas.ts';
import { DEFAULT_HEAT_MODEL, type HeatModelParams } from './heat-model.ts';
import { DEFAULT_MEASURES, type MeasureParams } from './measure-costs.ts';
import { DEFAULT_INDEXED_PRICES, type IndexedPrices } from './price-book.ts';
import { DEFAULT_PRICES_2025, type EnergyPrices } from './prices.ts';

export interface Calibration {
  /** Per-type factor scaling modelled to measured gas use. */
  kByType: Readonly<Record<DwellingType, number>>;
  /**
   * Per type, the scale of the physics EP2 estimate that places the label before (label-calibration.ts): calibrated
   * on registered labels and applied to dwellings without one; 1 = the plain physics.
   */
  ep2ScaleByType: Readonly<Record<DwellingType, number>>;
}

export interface RetrofitParams {
  heat: HeatModelParams;
  geometry: GeometryParams;
  measures: MeasureParams;
  ecology: EcologyParams;
  prices: EnergyPrices;
  /** Unit prices indexed to the planning year (config/retrofit-prices.default.json). */
  unitPrices: IndexedPrices;
  /** Calibration (calibration.ts); shipped from the synthetic stock. */
  calibration: Calibration;
}

export const DEFAULT_PARAMS: RetrofitParams = {
  heat: DEFAULT_HEAT_MODEL,
  geometry: DEFAULT_GEOMETRY,
  measures: DEFAULT_MEASURES,
  ecology: DEFAULT_ECOLOGY,
  prices: DEFAULT_PRICES_2025,
  unitPrices: DEFAULT_INDEXED_PRICES,
  calibration: DEFAULT_CALIBRATION,
};
