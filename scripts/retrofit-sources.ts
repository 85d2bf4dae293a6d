/**
 * The Hestia CSVs the retrofit engine embeds (docs/sources.md); only retrofit-extract.ts reads them
 * (the product and the tests use the generated tables in engine/hestia/ and engine/retrofit/data/).
 */
import { HESTIA_DIR, HESTIA_FILES } from './hestia-sources.ts';

export const RETROFIT_FILES = {
  ...HESTIA_FILES,
  measures: new URL('isolatiemaatregelen.csv', HESTIA_DIR),
  installations: new URL('Installatie.csv', HESTIA_DIR),
  performance: new URL('Performance.csv', HESTIA_DIR),
} as const;

/** Where the generated calibration goes. */
export const RETROFIT_DATA_DIR = new URL('../engine/retrofit/data/', import.meta.url);
