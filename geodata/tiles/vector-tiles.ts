import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { GeodataFormatError } from '../gpkg/format-error.ts';
import { featureCollectionBounds, tileRange } from './web-mercator.ts';

export interface VectorLayerInput {
  /** Source-layer name in the style. */
  name: string;
  /** WGS 84 longitude/latitude. */
  features: FeatureCollection;
  minZoom: number;
  maxZoom: number;
}
export interface EncodedTile {
  z: number;
  x: number;
  y: number;
  /** Uncompressed MVT (spec version 2). */
  data: Uint8Array;
}

// MVT conventions: 4096 units per tile edge, 64 units of overlap so strokes and labels cross edges cleanly.
const EXTENT = 4096;
const BUFFER = 64;
// In tile units; geojson-vt scales it per zoom and does not simplify at a layer's maxZoom at all.
const TOLERANCE = 1;

/**
 * Cuts layers into MVT tiles for every zoom in opts and each tile that holds a feature of any layer
 * present at that zoom; beyond a layer's maxZoom the map client overzooms. Sorted by z, x, y.
 */
export function buildVectorTiles(
  layers: VectorLayerInput[],
  opts: { minZoom: number; maxZoom: number },
): EncodedTile[] {
  const names = new Set<string>();
  for (const layer of layers) {
    if (names.has(layer.name)) {
      throw new GeodataFormatError(
        'tiles.duplicate-layer',
        `vector tiles: expected unique layer names, found "${layer.name}" twice`,
      );
    }
    names.add(layer.name);
  }
  const indexed = layers.map((layer) => ({
    layer,
    bounds: featureCollectionBounds(layer.features),
    index: new GeoJSONVT(layer.features, {
      maxZoom: layer.maxZoom,
      indexMaxZoom: layer.maxZoom,
      tolerance: TOLERANCE,
      extent: EXTENT,
      buffer: BUFFER,
    }),
  }));
  const out: EncodedTile[] = [];
  for (let z = opts.minZoom; z <= opts.maxZoom; z++) {
    // Keyed by x * 2^z + y, so sorting keys sorts tiles by x then y.
    const tiles = new Map<number, Record<string, GeoJSONVTTile>>();
    for (const { layer, bounds, index } of indexed) {
      if (z < layer.minZoom || z > layer.maxZoom || bounds === null) continue;
      const [x0, y0, x1, y1] = tileRange(bounds, z);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const tile = index.getTile(z, x, y);
          if (tile === null || tile.features.length === 0) continue;
          const key = x * 2 ** z + y;
          const entry = tiles.get(key) ?? {};
          entry[layer.name] = tile;
          tiles.set(key, entry);
        }
      }
    }
    for (const key of [...tiles.keys()].sort((a, b) => a - b)) {
      const x = Math.floor(key / 2 ** z);
      out.push({ z, x, y: key - x * 2 ** z, data: fromGeojsonVt(tiles.get(key)!, { version: 2, extent: EXTENT }) });
    }
  }
  return out;
}
