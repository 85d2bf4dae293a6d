import {
  Building,
  Buurt,
  Dwelling,
  Vve,
  type Building as BuildingT,
  type Buurt as BuurtT,
  type Dwelling as DwellingT,
  type Vve as VveT,
} from '../engine/dwelling.ts';
import {
  AttributeSource,
  BasemapBuilding,
  BasemapStreet,
  type BasemapBuilding as BasemapBuildingT,
  type BasemapStreet as BasemapStreetT,
  BuurtStatistics,
  ImportLogEntry,
  PortfolioEntry,
  Signal,
  SpeciesObservation,
  type AttributeSource as AttributeSourceT,
  type BuurtStatistics as BuurtStatisticsT,
  MeasuredGasUse,
  type MeasuredGasUse as MeasuredGasUseT,
  EnergyPovertyIndicators,
  type EnergyPovertyIndicators as EnergyPovertyIndicatorsT,
  type ImportLogEntry as ImportLogEntryT,
  type PortfolioEntry as PortfolioEntryT,
  type Signal as SignalT,
  type SpeciesObservation as SpeciesObservationT,
} from '../engine/registers.ts';
import type { z } from 'zod';
import { IndicatorSnapshotRow } from '../engine/progress/indicator-snapshot.ts';

/**
 * Mapping between the model records and flat GeoPackage rows. Column names are snake_case so
 * they read well in QGIS; every mapping is two-way and validated on the way in.
 */
export type Row = Record<string, string | number | boolean | null>;

export const DWELLING_COLUMNS = [
  ['vbo_id', 'TEXT'],
  ['pand_id', 'TEXT'],
  ['street', 'TEXT'],
  ['huisnummer', 'INTEGER'],
  ['huisletter', 'TEXT'],
  ['toevoeging', 'TEXT'],
  ['postcode', 'TEXT'],
  ['woonplaats', 'TEXT'],
  ['buurtcode', 'TEXT'],
  ['bouwjaar', 'INTEGER'],
  ['oppervlakte', 'REAL'],
  ['type', 'TEXT'],
  ['ownership', 'TEXT'],
  ['vve_id', 'TEXT'],
  ['label', 'TEXT'],
  ['label_source', 'TEXT'],
  ['label_date', 'TEXT'],
  ['cavity_wall', 'TEXT'],
  ['cavity_wall_status', 'TEXT'],
  ['roof', 'TEXT'],
  ['roof_status', 'TEXT'],
  ['floor', 'TEXT'],
  ['floor_status', 'TEXT'],
  ['glazing', 'TEXT'],
  ['glazing_status', 'TEXT'],
  ['woz_band', 'TEXT'],
  ['floor_level', 'INTEGER'],
  ['provenance', 'TEXT'],
  ['data_date', 'TEXT'],
] as const;

export const BUILDING_COLUMNS = [
  ['pand_id', 'TEXT'],
  ['buurtcode', 'TEXT'],
  ['bouwjaar', 'INTEGER'],
  ['storeys', 'INTEGER'],
  ['roof_shape', 'TEXT'],
  ['facade_azimuth_deg', 'REAL'],
  ['provenance', 'TEXT'],
  ['monument', 'INTEGER'],
  ['block_id', 'TEXT'],
] as const;

export const BUURT_COLUMNS = [
  ['buurtcode', 'TEXT'],
  ['buurtnaam', 'TEXT'],
  ['wijkcode', 'TEXT'],
  ['gemeentecode', 'TEXT'],
  ['programme_area', 'TEXT'],
  ['low_income_share', 'REAL'],
] as const;

export const VVE_COLUMNS = [
  ['vve_id', 'TEXT'],
  ['kvk_number', 'TEXT'],
  ['name', 'TEXT'],
  ['mjop_year', 'INTEGER'],
  ['reserve_fund_eur', 'REAL'],
  ['last_alv_date', 'TEXT'],
  ['majority_rule', 'REAL'],
  ['provenance', 'TEXT'],
] as const;

export const VVE_MEMBER_COLUMNS = [
  ['vve_id', 'TEXT'],
  ['vbo_id', 'TEXT'],
  ['votes', 'REAL'],
] as const;

export function dwellingToRow(d: DwellingT): Row {
  const e = d.elements;
  return {
    vbo_id: d.vboId,
    pand_id: d.pandId,
    street: d.address.street,
    huisnummer: d.address.huisnummer,
    huisletter: d.address.huisletter,
    toevoeging: d.address.toevoeging,
    postcode: d.address.postcode,
    woonplaats: d.address.woonplaats,
    buurtcode: d.buurtcode,
    bouwjaar: d.bouwjaar,
    oppervlakte: d.oppervlakte,
    type: d.type,
    ownership: d.ownership,
    vve_id: d.vveId,
    label: d.energyLabel.label,
    label_source: d.energyLabel.source,
    label_date: d.energyLabel.date,
    cavity_wall: e.cavityWall.level,
    cavity_wall_status: e.cavityWall.status,
    roof: e.roof.level,
    roof_status: e.roof.status,
    floor: e.floor.level,
    floor_status: e.floor.status,
    glazing: e.glazing.level,
    glazing_status: e.glazing.status,
    woz_band: d.wozBand,
    floor_level: d.floorLevel,
    provenance: d.provenance,
    data_date: d.dataDate,
  };
}

/** Thrown when a stored row does not form a valid record; names the table, row and field. */
export class DatasetRowError extends Error {
  constructor(
    readonly table: string,
    readonly fid: number,
    readonly field: string,
    detail: string,
  ) {
    super(`table ${table}, fid ${fid}, field ${field}: ${detail}`);
  }
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, table: string, fid: number): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new DatasetRowError(table, fid, issue.path.join('.') || '(row)', issue.message);
}

export function rowToDwelling(r: Row, location: [number, number], fid: number): DwellingT {
  const el = (k: string) => ({ level: r[k], status: r[`${k}_status`] });
  return parseOrThrow(
    Dwelling,
    {
      vboId: r.vbo_id,
      pandId: r.pand_id,
      address: {
        street: r.street,
        huisnummer: r.huisnummer,
        huisletter: r.huisletter,
        toevoeging: r.toevoeging,
        postcode: r.postcode,
        woonplaats: r.woonplaats,
      },
      buurtcode: r.buurtcode,
      bouwjaar: r.bouwjaar,
      oppervlakte: r.oppervlakte,
      type: r.type,
      ownership: r.ownership,
      vveId: r.vve_id,
      energyLabel: { label: r.label, source: r.label_source, date: r.label_date },
      elements: { cavityWall: el('cavity_wall'), roof: el('roof'), floor: el('floor'), glazing: el('glazing') },
      wozBand: r.woz_band,
      floorLevel: r.floor_level,
      location,
      provenance: r.provenance,
      dataDate: r.data_date,
    },
    'woningen',
    fid,
  );
}

export function buildingToRow(b: BuildingT): Row {
  return {
    pand_id: b.pandId,
    buurtcode: b.buurtcode,
    bouwjaar: b.bouwjaar,
    storeys: b.storeys,
    roof_shape: b.roofShape,
    facade_azimuth_deg: b.facadeAzimuthDeg,
    provenance: b.provenance,
    monument: b.monument === undefined ? null : b.monument ? 1 : 0,
    block_id: b.blockId ?? null,
  };
}

export function rowToBuilding(r: Row, footprint: unknown, fid: number): BuildingT {
  return parseOrThrow(
    Building,
    {
      pandId: r.pand_id,
      buurtcode: r.buurtcode,
      bouwjaar: r.bouwjaar,
      storeys: r.storeys,
      roofShape: r.roof_shape,
      facadeAzimuthDeg: r.facade_azimuth_deg,
      footprint,
      provenance: r.provenance,
      ...(r.monument === null || r.monument === undefined ? {} : { monument: r.monument === 1 }),
      // Files written before blocks existed have no block_id column (undefined).
      ...(r.block_id === null || r.block_id === undefined ? {} : { blockId: r.block_id }),
    },
    'panden',
    fid,
  );
}

export function buurtToRow(b: BuurtT): Row {
  return {
    buurtcode: b.buurtcode,
    buurtnaam: b.buurtnaam,
    wijkcode: b.wijkcode,
    gemeentecode: b.gemeentecode,
    programme_area: b.programmeArea,
    low_income_share: b.lowIncomeShare,
  };
}

export function rowToBuurt(r: Row, geometry: unknown, fid: number): BuurtT {
  return parseOrThrow(
    Buurt,
    {
      buurtcode: r.buurtcode,
      buurtnaam: r.buurtnaam,
      wijkcode: r.wijkcode,
      gemeentecode: r.gemeentecode,
      programmeArea: r.programme_area,
      lowIncomeShare: r.low_income_share,
      geometry,
    },
    'buurten',
    fid,
  );
}

export function vveToRow(v: VveT): Row {
  return {
    vve_id: v.vveId,
    kvk_number: v.kvkNumber,
    name: v.name,
    mjop_year: v.mjopYear,
    reserve_fund_eur: v.reserveFundEur,
    last_alv_date: v.lastAlvDate,
    majority_rule: v.majorityRule,
    provenance: v.provenance,
  };
}

export function rowToVve(r: Row, members: { vboId: string; votes: number }[], pandIds: string[], fid: number): VveT {
  return parseOrThrow(
    Vve,
    {
      vveId: r.vve_id,
      kvkNumber: r.kvk_number,
      name: r.name,
      pandIds,
      members,
      mjopYear: r.mjop_year,
      reserveFundEur: r.reserve_fund_eur,
      lastAlvDate: r.last_alv_date,
      majorityRule: r.majority_rule,
      provenance: r.provenance,
    },
    'vves',
    fid,
  );
}

/** A register stored as one flat attribute (or point feature) table: column name, SQLite type, record field. */
export interface FlatTable<T> {
  table: string;
  description: string;
  columns: readonly (readonly [
    column: string,
    type: 'TEXT' | 'INTEGER' | 'REAL' | 'BOOLEAN',
    field: keyof T & string,
  ])[];
  schema: z.ZodType<T>;
}

export function flatToRow<T>(spec: FlatTable<T>, record: T): Row {
  const row: Row = {};
  for (const [column, type, field] of spec.columns) {
    const v = record[field] as Row[string];
    row[column] = type === 'BOOLEAN' && typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return row;
}

export function rowToFlat<T>(spec: FlatTable<T>, row: Row, fid: number, extra: Record<string, unknown> = {}): T {
  const value: Record<string, unknown> = { ...extra };
  for (const [column, type, field] of spec.columns) {
    const v = row[column];
    value[field] = type === 'BOOLEAN' && typeof v === 'number' ? v !== 0 : v;
  }
  return parseOrThrow(spec.schema, value, spec.table, fid);
}

export const PORTFOLIO_TABLE: FlatTable<PortfolioEntryT> = {
  table: 'portefeuille',
  description: 'Corporatiebezit (VHE) gekoppeld aan BAG-verblijfsobjecten',
  columns: [
    ['vhe_number', 'TEXT', 'vheNumber'],
    ['vbo_id', 'TEXT', 'vboId'],
    ['corporation', 'TEXT', 'corporation'],
    ['complex_code', 'TEXT', 'complexCode'],
    ['rent_eur', 'REAL', 'rentEur'],
    ['label', 'TEXT', 'label'],
    ['planned_maintenance_year', 'INTEGER', 'plannedMaintenanceYear'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: PortfolioEntry,
};

export const BUURT_STATISTICS_TABLE: FlatTable<BuurtStatisticsT> = {
  table: 'buurtcijfers',
  description: 'CBS Wijk- en Buurtkaart: kerncijfers per buurt',
  columns: [
    ['buurtcode', 'TEXT', 'buurtcode'],
    ['inhabitants', 'INTEGER', 'inhabitants'],
    ['dwellings', 'INTEGER', 'dwellings'],
    ['owner_occupied_pct', 'REAL', 'ownerOccupiedPct'],
    ['rental_pct', 'REAL', 'rentalPct'],
    ['corporation_pct', 'REAL', 'corporationPct'],
    ['average_woz_keur', 'REAL', 'averageWozKEur'],
    ['low_income_households_pct', 'REAL', 'lowIncomeHouseholdsPct'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: BuurtStatistics,
};

export const MEASURED_GAS_USE_TABLE: FlatTable<MeasuredGasUseT> = {
  table: 'gasverbruik_cbs',
  description: 'CBS Energieverbruik particuliere woningen: gemiddeld gasverbruik per regio en woningkenmerk',
  columns: [
    ['region_code', 'TEXT', 'regionCode'],
    ['characteristic', 'TEXT', 'characteristic'],
    ['gas_m3', 'REAL', 'gasM3'],
    ['year', 'INTEGER', 'year'],
    ['cbs_table', 'TEXT', 'table'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: MeasuredGasUse,
};

export const ENERGY_POVERTY_TABLE: FlatTable<EnergyPovertyIndicatorsT> = {
  table: 'energiearmoede_cbs',
  description: 'CBS/TNO Monitor Energiearmoede: HEQ, LIHE en LILEK (% huishoudens) per regio en jaar',
  columns: [
    ['region_code', 'TEXT', 'regionCode'],
    ['year', 'INTEGER', 'year'],
    ['heq_pct', 'REAL', 'heqPct'],
    ['lihe_pct', 'REAL', 'lihePct'],
    ['lilek_pct', 'REAL', 'lilekPct'],
    ['households', 'INTEGER', 'households'],
    ['edition', 'TEXT', 'table'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: EnergyPovertyIndicators,
};

/** Point feature table; the location is the geometry, not a column. */
export const SPECIES_TABLE: FlatTable<SpeciesObservationT> = {
  table: 'soortwaarnemingen',
  description: 'Waarnemingen van gebouwbewonende soorten',
  columns: [
    ['observation_id', 'TEXT', 'observationId'],
    ['species', 'TEXT', 'species'],
    ['species_group', 'TEXT', 'speciesGroup'],
    ['date', 'TEXT', 'date'],
    ['roost_type', 'TEXT', 'roostType'],
    ['count', 'INTEGER', 'count'],
    ['buurtcode', 'TEXT', 'buurtcode'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: SpeciesObservation,
};

/** Basemap roads of an imported public source (geometry column: the line). */
export const BASEMAP_STREET_TABLE: FlatTable<BasemapStreetT> = {
  table: 'basemap_straten',
  description: 'Straten voor de ondergrond uit een openbare bron (OpenStreetMap)',
  columns: [
    ['source_id', 'TEXT', 'sourceId'],
    ['name', 'TEXT', 'name'],
    ['road_class', 'TEXT', 'roadClass'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: BasemapStreet,
};

/** Basemap building outlines of an imported public source (geometry column: the footprint). */
export const BASEMAP_BUILDING_TABLE: FlatTable<BasemapBuildingT> = {
  table: 'basemap_panden',
  description: 'Panden voor de ondergrond uit een openbare bron (BAG, OpenStreetMap)',
  columns: [
    ['source_id', 'TEXT', 'sourceId'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: BasemapBuilding,
};

export const ATTRIBUTE_SOURCE_TABLE: FlatTable<AttributeSourceT> = {
  table: 'woning_bronnen',
  description: 'Herkomst per kenmerk (geregistreerd of geschat) en peildatum',
  columns: [
    ['subject', 'TEXT', 'subject'],
    ['attribute', 'TEXT', 'attribute'],
    ['provenance', 'TEXT', 'provenance'],
    ['source', 'TEXT', 'source'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: AttributeSource,
};

export const IMPORT_LOG_TABLE: FlatTable<ImportLogEntryT> = {
  table: 'importlog',
  description: 'Toegepaste imports (bestand, hash, peildatum, aantallen)',
  columns: [
    ['kind', 'TEXT', 'kind'],
    ['source', 'TEXT', 'source'],
    ['sha256', 'TEXT', 'sha256'],
    ['data_date', 'TEXT', 'dataDate'],
    ['read', 'INTEGER', 'read'],
    ['accepted', 'INTEGER', 'accepted'],
    ['rejected', 'INTEGER', 'rejected'],
  ],
  schema: ImportLogEntry,
};

export const INDICATOR_SNAPSHOT_TABLE: FlatTable<IndicatorSnapshotRow> = {
  table: 'indicator_snapshots',
  description: 'Momentopnamen van indicatoren per buurt (aantallen; geen persoonsgegevens)',
  columns: [
    ['snapshot_id', 'TEXT', 'snapshotId'],
    ['taken_on', 'TEXT', 'takenOn'],
    ['trigger', 'TEXT', 'trigger'],
    ['buurtcode', 'TEXT', 'buurtcode'],
    ['indicator', 'TEXT', 'indicator'],
    ['category', 'TEXT', 'category'],
    ['count', 'INTEGER', 'count'],
  ],
  schema: IndicatorSnapshotRow,
};

/** RESTRICTED (docs/domain.md §6): municipality-only signals; read only on request, never in layers, tiles or API. */
export const SIGNAL_TABLE: FlatTable<SignalT> = {
  table: 'signalen',
  description: 'BEPERKT: gemeentelijke signalen per adres en periode (alleen gemeente; niet delen)',
  columns: [
    ['vbo_id', 'TEXT', 'vboId'],
    ['period_start', 'TEXT', 'periodStart'],
    ['period_end', 'TEXT', 'periodEnd'],
    ['nuisance_reports', 'INTEGER', 'nuisanceReports'],
    ['vacancy_months', 'INTEGER', 'vacancyMonths'],
    ['room_letting_permit', 'BOOLEAN', 'roomLettingPermit'],
    ['data_date', 'TEXT', 'dataDate'],
  ],
  schema: Signal,
};
