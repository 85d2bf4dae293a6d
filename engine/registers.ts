import { z } from 'zod';
import { BagVboId, BuurtCode, EnergyLabel, IsoDate, LonLat, PolygonGeometry } from './dwelling.ts';

/**
 * Records that registers other than BAG bring in: a corporation's portfolio, CBS buurt
 * figures, species observations, municipal signals, and where each dwelling attribute came from.
 * All are optional parts of a Dataset; a dataset without them is exactly the shipped one.
 */

/** One dwelling (VHE, verhuureenheid) of a housing corporation's portfolio, joined to a BAG verblijfsobject. */
export const PortfolioEntry = z.object({
  vheNumber: z.string().min(1).max(40),
  vboId: BagVboId,
  /** Corporation name as given in the file (an organisation, never a person), null when absent. */
  corporation: z.string().min(1).max(80).nullable(),
  complexCode: z.string().min(1).max(40).nullable(),
  /** Net (kale) rent per month in euro. */
  rentEur: z.number().min(0).max(10_000).nullable(),
  label: EnergyLabel.nullable(),
  plannedMaintenanceYear: z.number().int().min(1950).max(2100).nullable(),
  /** Date the portfolio file describes (YYYY-MM-DD). */
  dataDate: IsoDate,
});
export type PortfolioEntry = z.infer<typeof PortfolioEntry>;

/** CBS Wijk- en Buurtkaart figures of one buurt; null where CBS publishes "missing" (≤ −99995) or the column is absent. */
export const BuurtStatistics = z.object({
  buurtcode: BuurtCode,
  inhabitants: z.number().int().min(0).nullable(),
  dwellings: z.number().int().min(0).nullable(),
  /** Percentages 0–100 as CBS publishes them. */
  ownerOccupiedPct: z.number().min(0).max(100).nullable(),
  rentalPct: z.number().min(0).max(100).nullable(),
  corporationPct: z.number().min(0).max(100).nullable(),
  /** Average WOZ value in thousands of euro (CBS unit). */
  averageWozKEur: z.number().min(0).nullable(),
  lowIncomeHouseholdsPct: z.number().min(0).max(100).nullable(),
  dataDate: IsoDate,
});
export type BuurtStatistics = z.infer<typeof BuurtStatistics>;

/** Species groups the natuurkalender and pre-SMP care about (docs/domain.md §2). */
export const SPECIES_GROUPS = ['vleermuis', 'huismus', 'gierzwaluw', 'huiszwaluw', 'overig'] as const;

/** One observation of a building-dwelling species. */
export const SpeciesObservation = z.object({
  /** Source id when the file has one, else a hash of the row's content (stable across re-imports). */
  observationId: z.string().min(1).max(80),
  species: z.string().min(1).max(80),
  speciesGroup: z.enum(SPECIES_GROUPS),
  date: IsoDate,
  location: LonLat,
  /** Roost or nest type as recorded (kraamverblijf, winterverblijf, nest, …), lower case; null when absent. */
  roostType: z.string().min(1).max(60).nullable(),
  count: z.number().int().min(0).nullable(),
  buurtcode: BuurtCode,
  dataDate: IsoDate,
});
export type SpeciesObservation = z.infer<typeof SpeciesObservation>;

/**
 * Municipal signals for one dwelling and period (docs/domain.md §6). RESTRICTED: municipality-only; stored in
 * their own table, never in the dwellings layer, tiles or API. Counts only: no names, no free text.
 */
export const Signal = z.object({
  vboId: BagVboId,
  periodStart: IsoDate,
  /** Inclusive last day of the period. */
  periodEnd: IsoDate,
  nuisanceReports: z.number().int().min(0).max(10_000).nullable(),
  vacancyMonths: z.number().int().min(0).max(1_200).nullable(),
  roomLettingPermit: z.boolean().nullable(),
  dataDate: IsoDate,
});
export type Signal = z.infer<typeof Signal>;

/** Attributes whose origin the Dwelling/Building records cannot express themselves. */
export const TRACKED_ATTRIBUTES = [
  'type',
  'ownership',
  'wozBand',
  'floorLevel',
  'vveId',
  'storeys',
  'roofShape',
  'facadeAzimuthDeg',
] as const;

/** Where one attribute of a dwelling (subject = vbo id) or building (subject = pand id) came from. */
export const AttributeSource = z.object({
  subject: z.string().regex(/^\d{16}$/),
  attribute: z.enum(TRACKED_ATTRIBUTES),
  provenance: z.enum(['registered', 'imputed']),
  /** Register or rule, e.g. 'BAG', 'EP-Online', 'regel:woningtype-bag@1'. */
  source: z.string().min(1).max(80),
  dataDate: IsoDate,
});
export type AttributeSource = z.infer<typeof AttributeSource>;

/** What a row of CBS "Energieverbruik particuliere woningen; woningtype, wijken en buurten" describes (Woningkenmerken). */
export const GAS_USE_CHARACTERISTICS = [
  'totaal',
  'appartement',
  'tussenwoning',
  'hoekwoning',
  'twee-onder-een-kap',
  'vrijstaand',
  'koopwoning',
  'huurwoning',
] as const;
/**
 * Average measured gas use of one region (gemeente GM…, wijk WK…, buurt BU…) and one dwelling characteristic (a type
 * or a tenure) in one year; `gasM3` null where CBS suppressed the cell ('.').
 */
export const MeasuredGasUse = z.object({
  regionCode: z.string().regex(/^(GM\d{4}|WK\d{6}|BU\d{8})$/),
  characteristic: z.enum(GAS_USE_CHARACTERISTICS),
  gasM3: z.number().min(0).max(20_000).nullable(),
  year: z.number().int().min(2000).max(2100),
  /** CBS table id as given in the file name or 'onbekend'. */
  table: z.string().min(1).max(40),
  dataDate: IsoDate,
});
export type MeasuredGasUse = z.infer<typeof MeasuredGasUse>;

/**
 * Energy-poverty indicators of one region (gemeente GM…, wijk WK…, buurt BU…) and year from the CBS/TNO Monitor
 * Energiearmoede (`voorraad import cbs-energiearmoede`): percentages of households 0–100 as CBS publishes them;
 * null where CBS suppressed the cell. engine/buurt-parameters reads them, with a stated fallback per buurt.
 */
export const EnergyPovertyIndicators = z.object({
  regionCode: z.string().regex(/^(GM\d{4}|WK\d{6}|BU\d{8})$/),
  year: z.number().int().min(2000).max(2100),
  /** High energy quote. */
  heqPct: z.number().min(0).max(100).nullable(),
  /** Low income, high energy cost. */
  lihePct: z.number().min(0).max(100).nullable(),
  /** Low income, low-quality dwelling. */
  lilekPct: z.number().min(0).max(100).nullable(),
  households: z.number().int().min(0).nullable(),
  /** Table edition as given in the file name, or 'onbekend'. */
  table: z.string().min(1).max(60),
  dataDate: IsoDate,
});
export type EnergyPovertyIndicators = z.infer<typeof EnergyPovertyIndicators>;

/**
 * A road of an imported public road source (OpenStreetMap way, `voorraad import osm`) for the basemap's street layer;
 * it replaces the streets derived from the dwellings' addresses (geodata/tiles/street-lines.ts) once present.
 */
export const BasemapStreet = z.object({
  /** Source and its id, e.g. `osm:way/123`. */
  sourceId: z.string().min(1).max(60),
  /** Street name as signposted; empty for a road without one. */
  name: z.string().max(120),
  /** The source's road class, e.g. OSM `highway=residential`. */
  roadClass: z.string().min(1).max(40),
  line: z.object({ type: z.literal('LineString'), coordinates: z.array(LonLat).min(2) }),
  dataDate: IsoDate,
});
export type BasemapStreet = z.infer<typeof BasemapStreet>;

/**
 * A building outline of an imported public source (BAG panden `voorraad import bag-panden`, or OSM buildings) for the
 * basemap's building layer, drawn where the dataset has no pand of its own (the dataset's panden carry dwellings).
 */
export const BasemapBuilding = z.object({
  /** Source and its id, e.g. `bag:01234100000012345` or `osm:way/456`. */
  sourceId: z.string().min(1).max(60),
  footprint: PolygonGeometry,
  dataDate: IsoDate,
});
export type BasemapBuilding = z.infer<typeof BasemapBuilding>;

export const IMPORT_KINDS = [
  'bag',
  'eponline',
  'cbs',
  'portfolio',
  'vve',
  'species',
  'signals',
  'cbs-energie',
  'cbs-energiearmoede',
  'osm',
  'bag-panden',
] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** One import applied to the dataset; re-importing the same file (same hash) replaces its entry in place. */
export const ImportLogEntry = z.object({
  kind: ImportKind,
  /** File name without directory. */
  source: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  dataDate: IsoDate,
  read: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.number().int().min(0),
});
export type ImportLogEntry = z.infer<typeof ImportLogEntry>;
