import { z } from 'zod';
import { BuurtStock } from './stock-status.ts';

/** Dwelling types as the users name them (eengezinswoning / meergezinswoning). */
export const DWELLING_TYPES = [
  'tussenwoning',
  'hoekwoning',
  'twee-onder-een-kap',
  'vrijstaand',
  'portiek',
  'galerij',
  'maisonnette',
  'overig',
] as const;
export const DwellingType = z.enum(DWELLING_TYPES);
export type DwellingType = z.infer<typeof DwellingType>;

/** Ground-bound (eengezins) types; the pre-SMP route and per-m² cost class depend on this. */
export const GROUND_BOUND_TYPES: readonly DwellingType[] = [
  'tussenwoning',
  'hoekwoning',
  'twee-onder-een-kap',
  'vrijstaand',
];

/** Ownership category; never an owner's name (docs/domain.md §6). */
export const OWNERSHIP_CATEGORIES = ['eigenaar-bewoner', 'corporatie', 'particuliere verhuur', 'overig'] as const;
export const Ownership = z.enum(OWNERSHIP_CATEGORIES);
export type Ownership = z.infer<typeof Ownership>;

/** NTA 8800 label classes, best first (docs/domain.md §5). */
export const ENERGY_LABELS = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const EnergyLabel = z.enum(ENERGY_LABELS);
export type EnergyLabel = z.infer<typeof EnergyLabel>;

/** Where a value comes from: a register, an estimate by the product, or the synthetic generator. */
export const PROVENANCES = ['registered', 'imputed', 'synthetic'] as const;
export const Provenance = z.enum(PROVENANCES);
export type Provenance = z.infer<typeof Provenance>;

/** Insulation level per element, TNO Energiebesparingsmethode N0 (none) to N4 (Hestia isolatiemaatregelen.csv). */
export const ELEMENT_LEVELS = ['N0', 'N1', 'N2', 'N3', 'N4'] as const;
export const ElementLevel = z.enum(ELEMENT_LEVELS);
export type ElementLevel = z.infer<typeof ElementLevel>;

export const ELEMENTS = ['cavityWall', 'roof', 'floor', 'glazing'] as const;
export type Element = (typeof ELEMENTS)[number];

/** An element's level and whether it was observed (known) or inferred (assumed). */
export const ElementState = z.object({
  level: ElementLevel,
  status: z.enum(['known', 'assumed']),
});
export type ElementState = z.infer<typeof ElementState>;

/** WOZ value bands in euro; banded so that exports never carry an exact valuation (docs/domain.md §6). */
export const WOZ_BANDS = ['<150k', '150-200k', '200-250k', '250-300k', '300-400k', '>=400k'] as const;
export const WozBand = z.enum(WOZ_BANDS);
export type WozBand = z.infer<typeof WozBand>;
/** Lower bound (inclusive) of each WOZ band in euro, same order as WOZ_BANDS. */
export const WOZ_BAND_LOWER_EUR = [0, 150_000, 200_000, 250_000, 300_000, 400_000] as const;

export const BagVboId = z.string().regex(/^\d{16}$/, 'a 16-digit BAG verblijfsobject id (string, leading zeros kept)');
export const BagPandId = z.string().regex(/^\d{16}$/, 'a 16-digit BAG pand id (string, leading zeros kept)');
export const BuurtCode = z.string().regex(/^BU\d{8}$/, 'a CBS buurt code such as BU16740202');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const Address = z.object({
  street: z.string().min(1),
  huisnummer: z.number().int().positive(),
  huisletter: z
    .string()
    .regex(/^[A-Za-z]$/)
    .nullable(),
  toevoeging: z.string().max(4).nullable(),
  postcode: z.string().regex(/^\d{4}[A-Z]{2}$/, 'a Dutch postcode such as 4701AB'),
  woonplaats: z.string().min(1),
});
export type Address = z.infer<typeof Address>;

/** WGS84 longitude, latitude in degrees. */
export const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const Dwelling = z.object({
  vboId: BagVboId,
  pandId: BagPandId,
  address: Address,
  buurtcode: BuurtCode,
  bouwjaar: z.number().int().min(1500).max(2100),
  /** Gebruiksoppervlakte in m². */
  oppervlakte: z.number().positive().max(10_000),
  type: DwellingType,
  ownership: Ownership,
  vveId: z.string().min(1).nullable(),
  energyLabel: z.object({
    label: EnergyLabel,
    source: z.enum(['registered', 'imputed']),
    /** Registration date when registered; null when imputed. */
    date: IsoDate.nullable(),
  }),
  elements: z.object({
    cavityWall: ElementState,
    roof: ElementState,
    floor: ElementState,
    glazing: ElementState,
  }),
  wozBand: WozBand,
  /** Storey of the dwelling's entrance (0 = ground floor); apartments only, 0 for ground-bound. */
  floorLevel: z.number().int().min(0).max(60),
  location: LonLat,
  provenance: Provenance,
  /** Date the source data describes (YYYY-MM-DD). */
  dataDate: IsoDate,
});
export type Dwelling = z.infer<typeof Dwelling>;

const Ring = z.array(LonLat).min(4);
export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(Ring).min(1),
});
export type PolygonGeometry = z.infer<typeof PolygonGeometry>;

/** A BAG pand with its footprint; roof shape matters for roof measures and species (sparrow/swift under tiles). */
export const Building = z.object({
  pandId: BagPandId,
  buurtcode: BuurtCode,
  bouwjaar: z.number().int().min(1500).max(2100),
  storeys: z.number().int().min(1).max(60),
  roofShape: z.enum(['hellend', 'plat']),
  footprint: PolygonGeometry,
  /** Compass direction the front façade faces, degrees clockwise from north. */
  facadeAzimuthDeg: z.number().min(0).lt(360),
  /** Rijks- or gemeentelijk monument; absent when not known (BAG does not say). */
  monument: z.boolean().optional(),
  /**
   * Bouwblok the pand stands in (the synthetic generator's block: two back-to-back strips between four streets);
   * absent when not known (BAG has no blocks). engine/blocks/blocks.ts groups dwellings by it.
   */
  blockId: z
    .string()
    .regex(/^BU\d{8}-B\d{3}$/, 'a block id such as BU16740202-B017')
    .optional(),
  provenance: Provenance,
});
export type Building = z.infer<typeof Building>;

/** Vereniging van Eigenaars; rights are apartment rights (appartementsrechten), one per member dwelling by default. */
export const Vve = z.object({
  vveId: z.string().min(1),
  kvkNumber: z
    .string()
    .regex(/^\d{8}$/)
    .nullable(),
  name: z.string().min(1),
  pandIds: z.array(BagPandId).min(1),
  /** Member dwellings and their votes (breukdelen). */
  members: z.array(z.object({ vboId: BagVboId, votes: z.number().positive() })).min(1),
  mjopYear: z.number().int().min(1950).max(2100).nullable(),
  reserveFundEur: z.number().min(0).nullable(),
  lastAlvDate: IsoDate.nullable(),
  /** Fraction of votes a "change" needs; null = the legal default of 2/3 (docs/domain.md §3). */
  majorityRule: z.number().gt(0).max(1).nullable(),
  provenance: Provenance,
});
export type Vve = z.infer<typeof Vve>;

/** A buurt as the CBS publishes it, with the programme area it belongs to. */
export const Buurt = z.object({
  buurtcode: BuurtCode,
  buurtnaam: z.string().min(1),
  wijkcode: z.string().regex(/^WK\d{6}$/),
  gemeentecode: z.string().regex(/^GM\d{4}$/),
  /** Programme area name (Kalsdonk, Westrand, …) or null outside the focus areas. */
  programmeArea: z.string().nullable(),
  /** Share of households with a low income (0–1); CBS HuishoudensMetEenLaagInkomen when imported. */
  lowIncomeShare: z.number().min(0).max(1).nullable(),
  geometry: z.union([
    PolygonGeometry,
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
  ]),
});
export type Buurt = z.infer<typeof Buurt>;

/** Facts about the dataset as a whole; `synthetic` drives the banner in the UI, API and exports. */
export const DatasetMeta = z.object({
  name: z.string(),
  synthetic: z.boolean(),
  seed: z.number().int().nullable(),
  generator: z.string().nullable(),
  dataDate: IsoDate,
  attribution: z.array(z.string()),
  /** Per buurt: registered or synthetic stock (engine/stock-status.ts); absent in files written before it existed. */
  buurtStock: z.array(BuurtStock).optional(),
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;
