/**
 * What defines the shipped synthetic dataset, apart from the CBS boundaries: its seed and reference date. A module
 * of its own so that the calibration's reference stock (geodata/reference) uses the same values without pulling in
 * the tile builder that geodata/shipped.ts imports.
 */

/** Seed of the shipped dataset: Roosendaal's CBS gemeente code, so it is easy to remember. */
export const SHIPPED_SEED = 1674;
/** Reference date of the synthetic set (the CBS boundaries are of 2024; labels drawn as of this date). */
export const SHIPPED_DATA_DATE = '2025-01-01';
