import type { ExportTable } from '../../engine/acquisition/export-table.ts';
import { metaLines, type ExportMeta } from './export-meta.ts';

/** A row's place: a point [lon, lat], or a polygon geometry (e.g. a block). */
export type RowGeometry =
  | readonly [number, number]
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/**
 * GeoJSON (RFC 7946, WGS84) for GIS: one feature per row (a Point, or the polygon given) with the table's columns
 * as properties; the export's metadata as a foreign member `metadata` (QGIS ignores it, readers of the file see it).
 */
export function toGeoJson(table: ExportTable, locations: readonly RowGeometry[], meta: ExportMeta): string {
  if (locations.length !== table.rows.length)
    throw new RangeError(`${table.rows.length} rows but ${locations.length} locations`);
  const metadata = {
    ...Object.fromEntries(metaLines(meta)),
    exportedBy: meta.exportedBy,
    exportedAt: meta.exportedAt,
    dataset: meta.dataset,
    purpose: meta.purpose.id,
    synthetic: meta.dataset.synthetic,
    columns: table.columns.map((c) => ({ key: c.key, header: c.header })),
  };
  const features = table.rows.map((r, i) => {
    const at = locations[i]!;
    return {
      type: 'Feature' as const,
      id: String(r.bag_verblijfsobject_id ?? r.blok_id ?? i),
      geometry: 'type' in at ? at : { type: 'Point' as const, coordinates: [at[0], at[1]] },
      properties: Object.fromEntries(table.columns.map((c) => [c.key, r[c.key] ?? null])),
    };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', name: meta.title, metadata, features })}\n`;
}
