import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { GeodataFormatError } from '../gpkg/format-error.ts';
import { buildVectorTiles } from './vector-tiles.ts';
import type { VectorLayerInput } from './vector-tiles.ts';

const square = (west: number, south: number, size: number, buurtcode: string): Feature => ({
  type: 'Feature',
  properties: { buurtcode, woningen: 800, kwetsbaar: true },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  },
});
const woning = (lon: number, lat: number, i: number): Feature<Point> => ({
  type: 'Feature',
  properties: { bouwjaar: 1960 + i, label: `E${i}` },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const buurten: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square(4.44, 51.52, 0.02, 'BU17090101'), square(4.48, 51.53, 0.02, 'BU17090202')],
};
const woningen: FeatureCollection = {
  type: 'FeatureCollection',
  features: [0, 1, 2, 3, 4].map((i) => woning(4.445 + 0.009 * i, 51.525 + 0.004 * i, i)),
};
const layers: VectorLayerInput[] = [
  { name: 'buurten', features: buurten, minZoom: 8, maxZoom: 12 },
  { name: 'woningen', features: woningen, minZoom: 10, maxZoom: 14 },
];
const decode = (data: Uint8Array) => new VectorTile(new PbfReader(data));

describe('buildVectorTiles', () => {
  const tiles = buildVectorTiles(layers, { minZoom: 8, maxZoom: 14 });

  it('makes one z10 tile holding both layers with all their features and properties', () => {
    const z10 = tiles.filter((t) => t.z === 10);
    // 524/340 from the OSM wiki slippy-map formula for 4.44-4.50 E, 51.52-51.55 N.
    expect(z10.map((t) => [t.x, t.y])).toEqual([[524, 340]]);
    const vt = decode(z10[0]!.data);
    expect(Object.keys(vt.layers)).toEqual(['buurten', 'woningen']);
    expect([vt.layers.buurten!.length, vt.layers.woningen!.length]).toEqual([2, 5]);
    expect(vt.layers.buurten!.extent).toBe(4096);
    const codes = [0, 1].map((i) => vt.layers.buurten!.feature(i).properties.buurtcode).sort();
    expect(codes).toEqual(['BU17090101', 'BU17090202']);
    expect(vt.layers.buurten!.feature(0).properties.kwetsbaar).toBe(true);
  });

  it('includes each layer only within its own zoom range', () => {
    const layerNamesAt = (z: number) =>
      new Set(tiles.filter((t) => t.z === z).flatMap((t) => Object.keys(decode(t.data).layers)));
    expect([...layerNamesAt(8)]).toEqual(['buurten']);
    expect([...layerNamesAt(12)].sort()).toEqual(['buurten', 'woningen']);
    expect([...layerNamesAt(14)]).toEqual(['woningen']);
  });

  it('writes only tiles with features, sorted by z, x, y', () => {
    for (const t of tiles) {
      const counts = Object.values(decode(t.data).layers).map((l) => l.length);
      expect(counts.length > 0 && counts.every((n) => n > 0)).toBe(true);
    }
    const keys = tiles.map((t) => [t.z, t.x, t.y]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!));
    // Every point appears in exactly one z14 tile: none lies within the 64-unit buffer of a tile edge.
    const z14 = tiles.filter((t) => t.z === 14);
    expect(z14.reduce((n, t) => n + decode(t.data).layers.woningen!.length, 0)).toBe(5);
  });

  it('places points where they were, to within a z14 tile unit', () => {
    const t = tiles.find((tile) => tile.z === 14)!;
    const layer = decode(t.data).layers.woningen!;
    const f = layer.feature(0).toGeoJSON(t.x, t.y, t.z) as Feature<Point>;
    const original = woningen.features.find((w) => w.properties!.label === f.properties!.label) as Feature<Point>;
    expect(f.geometry.coordinates[0]).toBeCloseTo(original.geometry.coordinates[0]!, 4);
    expect(f.geometry.coordinates[1]).toBeCloseTo(original.geometry.coordinates[1]!, 4);
    expect(f.properties!.bouwjaar).toBe(original.properties!.bouwjaar);
  });

  it('gives identical tiles on a second run and leaves the input untouched', () => {
    const before = JSON.stringify(layers);
    expect(buildVectorTiles(layers, { minZoom: 8, maxZoom: 14 })).toEqual(tiles);
    expect(JSON.stringify(layers)).toBe(before);
  });

  it('skips empty layers and rejects duplicate layer names', () => {
    const empty: VectorLayerInput = {
      name: 'leeg',
      features: { type: 'FeatureCollection', features: [] },
      minZoom: 0,
      maxZoom: 14,
    };
    expect(buildVectorTiles([empty], { minZoom: 0, maxZoom: 14 })).toEqual([]);
    expect(() => buildVectorTiles([layers[0]!, layers[0]!], { minZoom: 8, maxZoom: 9 })).toThrow(GeodataFormatError);
  });
});
