import type { Buurt, Building, DatasetMeta, Dwelling, Vve } from './dwelling.ts';
import type {
  AttributeSource,
  BasemapBuilding,
  BasemapStreet,
  BuurtStatistics,
  EnergyPovertyIndicators,
  ImportLogEntry,
  MeasuredGasUse,
  PortfolioEntry,
  Signal,
  SpeciesObservation,
} from './registers.ts';
import type { IndicatorSnapshotRow } from './progress/indicator-snapshot.ts';

/**
 * The whole dataset the engine works on: the dwelling records (engine/dwelling.ts) and the optional registers
 * (engine/registers.ts). Kept apart from both so that neither imports the other's module back.
 */
export interface Dataset {
  meta: DatasetMeta;
  buurten: Buurt[];
  buildings: Building[];
  dwellings: Dwelling[];
  vves: Vve[];
  /** Optional registers brought in by `voorraad import` (engine/registers.ts); absent in the synthetic set. */
  portfolio?: PortfolioEntry[];
  buurtStatistics?: BuurtStatistics[];
  /** CBS measured gas use per region × dwelling type or tenure (`voorraad import cbs-energie`). */
  measuredGasUse?: MeasuredGasUse[];
  /** CBS/TNO Monitor Energiearmoede indicators per region (`voorraad import cbs-energiearmoede`). */
  energyPoverty?: EnergyPovertyIndicators[];
  species?: SpeciesObservation[];
  attributeSources?: AttributeSource[];
  imports?: ImportLogEntry[];
  /** Dated counts per buurt kept at each import and `voorraad snapshot` (engine/progress/indicator-snapshot.ts). */
  indicatorSnapshots?: IndicatorSnapshotRow[];
  /** Roads of an imported public source for the basemap (`voorraad import osm`); absent = streets from the addresses. */
  basemapStreets?: BasemapStreet[];
  /** Building outlines of an imported public source (`voorraad import bag-panden` / `osm`), besides the dataset's panden. */
  basemapBuildings?: BasemapBuilding[];
  /** RESTRICTED municipal signals: only present when read with { restricted: true }; never in tiles or API bodies. */
  signals?: Signal[];
}
