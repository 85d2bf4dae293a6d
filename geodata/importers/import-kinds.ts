import type { ImportKind } from '../../engine/registers.ts';
import { importBag } from './bag-import.ts';
import { importBagPanden } from './bag-panden-import.ts';
import { importCbsEnergy } from './cbs-energy-import.ts';
import { importCbs } from './cbs-import.ts';
import { importEnergyPoverty } from './energy-poverty-import.ts';
import { importEpOnline } from './eponline-import.ts';
import type { Importer } from './import-context.ts';
import { importOsm } from './osm-import.ts';
import { importPortfolio } from './portfolio-import.ts';
import { importSignals } from './signals-import.ts';
import { importSpecies } from './species-import.ts';
import { importVve } from './vve-import.ts';

/** The importer of each kind; `voorraad import <kind>` dispatches on this. */
export const IMPORTERS: Record<ImportKind, Importer> = {
  bag: importBag,
  eponline: importEpOnline,
  cbs: importCbs,
  portfolio: importPortfolio,
  vve: importVve,
  species: importSpecies,
  signals: importSignals,
  'cbs-energie': importCbsEnergy,
  'cbs-energiearmoede': importEnergyPoverty,
  osm: importOsm,
  'bag-panden': importBagPanden,
};
