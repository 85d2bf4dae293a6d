import type { ExportTable } from '../../engine/acquisition/export-table.ts';
import { metaLines, type ExportMeta } from './export-meta.ts';

/**
 * GeoJSON (RFC 7946, WGS84) for GIS: one Point per row with the table's columns as properties; the export's
 * metadata as a foreign member `metadata` (QGIS ignores it, readers of the file see it).
 */
export function toGeoJson(
  table: ExportTable,
  locations: readonly (readonly [number, number])[],
  meta: ExportMeta,
): string {
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
  const features = table.rows.map((r, i) => ({
    type: 'Feature' as const,
    id: String(r.bag_verblijfsobject_id ?? i),
    geometry: { type: 'Point' as const, coordinates: [locations[i]![0], locations[i]![1]] },
    properties: Object.fromEntries(table.columns.map((c) => [c.key, r[c.key] ?? null])),
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', name: meta.title, metadata, features })}\n`;
}
