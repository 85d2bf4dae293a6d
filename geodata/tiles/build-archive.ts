import type { FeatureCollection } from 'geojson';
import { writePmtiles } from './pmtiles-writer.ts';
import { buildVectorTiles } from './vector-tiles.ts';
import type { VectorLayerInput } from './vector-tiles.ts';
import { featureCollectionBounds, mercatorX, mercatorY, unionBounds } from './web-mercator.ts';
import type { LonLatBounds } from './web-mercator.ts';

export interface ArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** Shown by MapLibre's attribution control, e.g. CBS_ATTRIBUTION. */
  attribution: string;
  name: string;
  description: string;
}
/** TileJSON vector_layers entry; field types follow tippecanoe's "String" / "Number" / "Boolean". */
export interface VectorLayerMetadata {
  id: string;
  fields: Record<string, 'String' | 'Number' | 'Boolean'>;
  minzoom: number;
  maxzoom: number;
}

// Archives without any feature still need valid bounds for MapLibre.
const WORLD: LonLatBounds = [-180, -85.0511287798066, 180, 85.0511287798066];

/** Cuts the layers into MVT tiles and packs them with TileJSON-style metadata into one PMTiles archive. */
export function buildPmtilesArchive(layers: VectorLayerInput[], opts: ArchiveOptions): Uint8Array {
  const tiles = buildVectorTiles(layers, opts);
  const bounds = layers.map((l) => featureCollectionBounds(l.features)).reduce(unionBounds, null) ?? WORLD;
  const [west, south, east, north] = bounds;
  return writePmtiles({
    tiles,
    metadata: {
      name: opts.name,
      description: opts.description,
      attribution: opts.attribution,
      vector_layers: layers.map((l): VectorLayerMetadata => ({
        id: l.name,
        fields: fieldTypes(l.features),
        minzoom: Math.max(l.minZoom, opts.minZoom),
        maxzoom: Math.min(l.maxZoom, opts.maxZoom),
      })),
    },
    minZoom: opts.minZoom,
    maxZoom: opts.maxZoom,
    bounds,
    center: [(west + east) / 2, (south + north) / 2, fitZoom(bounds, opts.minZoom, opts.maxZoom)],
  });
}

/** Property types per name, sorted by name; a property holding several types (or objects) is a String. */
export function fieldTypes(fc: FeatureCollection): Record<string, 'String' | 'Number' | 'Boolean'> {
  const seen = new Map<string, Set<string>>();
  for (const f of fc.features) {
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      const types = seen.get(key) ?? new Set<string>();
      if (value !== null && value !== undefined) types.add(typeof value);
      seen.set(key, types);
    }
  }
  const fields: Record<string, 'String' | 'Number' | 'Boolean'> = {};
  for (const key of [...seen.keys()].sort()) {
    const types = [...seen.get(key)!];
    fields[key] =
      types.length === 1 && types[0] === 'number'
        ? 'Number'
        : types.length === 1 && types[0] === 'boolean'
          ? 'Boolean'
          : 'String';
  }
  return fields;
}

/** The highest zoom at which the bounds fit a 1024-pixel view of 512-pixel tiles (MapLibre's), within the archive's zooms. */
function fitZoom([west, south, east, north]: LonLatBounds, minZoom: number, maxZoom: number): number {
  const span = Math.max(mercatorX(east) - mercatorX(west), mercatorY(south) - mercatorY(north), 2 ** -30);
  return Math.max(minZoom, Math.min(maxZoom, Math.floor(Math.log2(1024 / 512 / span))));
}
