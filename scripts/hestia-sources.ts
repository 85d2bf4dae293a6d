/**
 * Where the Hestia reference CSVs live during development (a reference folder beside the repo; docs/sources.md).
 * Only the extraction scripts read them; the product and the tests use the generated tables.
 */
export const HESTIA_DIR = new URL('../../shared/reference/data/hestia/', import.meta.url);

export const HESTIA_FILES = {
  labels: new URL('20230523_Woningen_BAG.csv', HESTIA_DIR),
  elementCombinations: new URL('niveau_combinatie_label_frequentietabel_WoON_2020_FM.csv', HESTIA_DIR),
  minimumLevels: new URL('minimale_bouwdeelkwaliteit_na_1992.csv', HESTIA_DIR),
} as const;

/** Where the generated Hestia and TNO tables go: engine/hestia/, the one Hestia module. */
export const HESTIA_TABLE_DIR = new URL('../engine/hestia/', import.meta.url);

/** Provenance line written into every generated table (docs/sources.md lists them). */
export const HESTIA_PROVENANCE =
  'PBL/TNO Hestia, pbl-nl/model-hestia-public @ 80d04a75 (WoON-based); reuse with attribution';
