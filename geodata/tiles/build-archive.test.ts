import { VectorTile } from '@mapbox/vector-tile';
import { createHash } from 'node:crypto';
import type { FeatureCollection } from 'geojson';
import { PbfReader } from 'pbf';
import { PMTiles, TileType } from 'pmtiles';
import type { RangeResponse, Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { buildPmtilesArchive, fieldTypes } from './build-archive.ts';
import type { ArchiveOptions } from './build-archive.ts';
import type { VectorLayerInput } from './vector-tiles.ts';

class MemorySource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

const buurten: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { buurtcode: 'BU17090101', woningen: 812, kwetsbaar: false, opmerking: null },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [4.44, 51.52],
            [4.5, 51.52],
            [4.5, 51.55],
            [4.44, 51.52],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { buurtcode: 'BU17090202', woningen: 'onbekend', kwetsbaar: true, opmerking: 'Westrand' },
      geometry: { type: 'Point', coordinates: [4.47, 51.53] },
    },
  ],
};
const layers: VectorLayerInput[] = [{ name: 'buurten', features: buurten, minZoom: 6, maxZoom: 16 }];
const options: ArchiveOptions = {
  minZoom: 8,
  maxZoom: 14,
  attribution: 'CBS Wijk- en Buurtkaart 2024, CC-BY 4.0',
  name: 'voorraad-buurten',
  description: 'Buurten van Kalsdonk en Westrand',
};

describe('buildPmtilesArchive', () => {
  const bytes = buildPmtilesArchive(layers, options);
  const archive = new PMTiles(new MemorySource(bytes, 'archive'));

  it('sets zooms, data bounds and a centre that fits the data', async () => {
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      tileType: TileType.Mvt,
      minZoom: 8,
      maxZoom: 14,
      minLon: 4.44,
      minLat: 51.52,
      maxLon: 4.5,
      maxLat: 51.55,
      centerLon: 4.47,
      centerLat: 51.535,
    });
    // 0.06 degrees of longitude is 1/6000 of the world; a 1024-pixel view of 512-pixel tiles fits it at z13.
    expect(header.centerZoom).toBe(13);
  });

  it('writes TileJSON metadata with vector_layers clamped to the archive zooms', async () => {
    expect(await archive.getMetadata()).toEqual({
      name: 'voorraad-buurten',
      description: 'Buurten van Kalsdonk en Westrand',
      attribution: 'CBS Wijk- en Buurtkaart 2024, CC-BY 4.0',
      vector_layers: [
        {
          id: 'buurten',
          fields: { buurtcode: 'String', kwetsbaar: 'Boolean', opmerking: 'String', woningen: 'String' },
          minzoom: 8,
          maxzoom: 14,
        },
      ],
    });
  });

  it('serves tiles that decode to the features', async () => {
    const tile = await archive.getZxy(10, 524, 340);
    const layer = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers.buurten!;
    expect(layer.length).toBe(2);
    expect(layer.feature(1).properties).toMatchObject({ buurtcode: 'BU17090202', kwetsbaar: true });
  });

  it('is deterministic', () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(buildPmtilesArchive(layers, options))).toBe(sha(bytes));
  });

  it('writes a valid, tile-less archive with world bounds when there are no features', async () => {
    const empty = buildPmtilesArchive(
      [{ name: 'leeg', features: { type: 'FeatureCollection', features: [] }, minZoom: 0, maxZoom: 14 }],
      options,
    );
    const header = await new PMTiles(new MemorySource(empty, 'empty')).getHeader();
    expect([header.numAddressedTiles, header.minLon, header.maxLon, header.centerZoom]).toEqual([0, -180, 180, 8]);
  });
});

describe('fieldTypes', () => {
  it('types each property by its non-null values, falling back to String', () => {
    expect(fieldTypes(buurten)).toEqual({
      buurtcode: 'String',
      kwetsbaar: 'Boolean',
      opmerking: 'String',
      woningen: 'String',
    });
    expect(
      fieldTypes({ type: 'FeatureCollection', features: [{ ...buurten.features[0]!, properties: { n: 1.5 } }] }),
    ).toEqual({ n: 'Number' });
  });
});
