import type { Geometry } from 'geojson';
import { addFeatureTable, finalizeFeatureTable, insertFeatures, type FeatureInput } from '../gpkg/feature-table.ts';
import type { PropertyValue } from '../gpkg/feature-table.ts';
import { createGeoPackage } from '../gpkg/geopackage.ts';

/**
 * Writes a GeoPackage in PDOK's bag-light schema (tables `pand` and `verblijfsobject`, rtree indexes): the one
 * writer of those rows, used by the importer's test fixture and its benchmark data.
 */

/** A pand row; names follow the fixture and bench code, columns follow PDOK. */
export interface BagPandRow {
  id: string;
  bouwjaar: number;
  gebruiksdoel: string | null;
  dwellings: number;
  oppervlakte?: [min: number, max: number];
}

/** A verblijfsobject row. */
export interface BagVboRow {
  id: string;
  pand: string;
  oppervlakte: number;
  status: string;
  gebruiksdoel: string;
  huisnummer: number;
  huisletter: string | null;
  toevoeging: string | null;
  postcode: string;
  woonplaats: string;
  bouwjaar: number | null;
  street: string;
  nummeraanduiding: string | null;
}

const PAND_COLUMNS = {
  identificatie: 'TEXT',
  bouwjaar: 'INTEGER',
  status: 'TEXT',
  gebruiksdoel: 'TEXT',
  oppervlakte_min: 'INTEGER',
  oppervlakte_max: 'INTEGER',
  aantal_verblijfsobjecten: 'INTEGER',
} as const;

export const BAG_VBO_COLUMNS = {
  identificatie: 'TEXT',
  oppervlakte: 'INTEGER',
  status: 'TEXT',
  gebruiksdoel: 'TEXT',
  huisnummer: 'INTEGER',
  huisletter: 'TEXT',
  toevoeging: 'TEXT',
  postcode: 'TEXT',
  woonplaats_naam: 'TEXT',
  bouwjaar: 'INTEGER',
  pand_identificatie: 'TEXT',
  nummeraanduiding_hoofdadres_identificatie: 'TEXT',
  openbare_ruimte_naam: 'TEXT',
} as const;
export type BagVboColumn = keyof typeof BAG_VBO_COLUMNS;

export function bagPandProperties(p: BagPandRow): Record<keyof typeof PAND_COLUMNS, PropertyValue> {
  return {
    identificatie: p.id,
    bouwjaar: p.bouwjaar,
    status: 'Pand in gebruik',
    gebruiksdoel: p.gebruiksdoel,
    oppervlakte_min: p.oppervlakte?.[0] ?? null,
    oppervlakte_max: p.oppervlakte?.[1] ?? null,
    aantal_verblijfsobjecten: p.dwellings,
  };
}

export function bagVboProperties(v: BagVboRow): Record<BagVboColumn, PropertyValue> {
  return {
    identificatie: v.id,
    oppervlakte: v.oppervlakte,
    status: v.status,
    gebruiksdoel: v.gebruiksdoel,
    huisnummer: v.huisnummer,
    huisletter: v.huisletter,
    toevoeging: v.toevoeging,
    postcode: v.postcode,
    woonplaats_naam: v.woonplaats,
    bouwjaar: v.bouwjaar,
    pand_identificatie: v.pand,
    nummeraanduiding_hoofdadres_identificatie: v.nummeraanduiding,
    openbare_ruimte_naam: v.street,
  };
}

export interface BagLightContent {
  srsId: number;
  /** ISO 8601 UTC timestamp of gpkg_contents, passed in so reruns give identical files. */
  lastChange: string;
  panden: Iterable<{ geometry: Geometry; row: BagPandRow }>;
  /** Absent: no verblijfsobject table (a malformed file). */
  vbos?: Iterable<{ geometry: Geometry; row: BagVboRow }>;
  /** A column left out of the verblijfsobject table (a malformed file). */
  omitVboColumn?: BagVboColumn;
}

/** Writes the two tables into a new GeoPackage at `file`; rows are streamed into SQLite, never held twice. */
export function writeBagLightGpkg(file: string, c: BagLightContent): void {
  const db = createGeoPackage(file);
  const spec = (table: string, geometryType: 'GEOMETRY' | 'POINT', columns: Record<string, 'TEXT' | 'INTEGER'>) => ({
    table,
    geometryType,
    srsId: c.srsId,
    lastChange: c.lastChange,
    rtree: true,
    columns: Object.entries(columns).map(([name, type]) => ({ name, type })),
  });
  addFeatureTable(db, spec('pand', 'GEOMETRY', PAND_COLUMNS));
  insertFeatures(db, 'pand', features(c.panden, bagPandProperties), c.srsId);
  finalizeFeatureTable(db, 'pand');
  if (c.vbos) {
    const columns = Object.fromEntries(Object.entries(BAG_VBO_COLUMNS).filter(([k]) => k !== c.omitVboColumn));
    addFeatureTable(db, spec('verblijfsobject', 'POINT', columns));
    const props = (v: BagVboRow) => {
      const p: Record<string, PropertyValue> = bagVboProperties(v);
      if (c.omitVboColumn) delete p[c.omitVboColumn];
      return p;
    };
    insertFeatures(db, 'verblijfsobject', features(c.vbos, props), c.srsId);
    finalizeFeatureTable(db, 'verblijfsobject');
  }
  db.close();
}

function* features<R>(
  rows: Iterable<{ geometry: Geometry; row: R }>,
  props: (r: R) => Record<string, PropertyValue>,
): Generator<FeatureInput> {
  for (const { geometry, row } of rows) yield { geometry, properties: props(row) };
}
