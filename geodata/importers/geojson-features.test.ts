import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/importers/harness.ts';
import { readGeoJsonFeatures, type StreamedFeature } from './geojson-features.ts';

const dir = tempDir('geojson');
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const all = async (file: string) => {
  const out: StreamedFeature[] = [];
  for await (const f of readGeoJsonFeatures(file)) out.push(f);
  return out;
};

describe('streaming GeoJSON features', () => {
  it('yields each feature with its index and the crs declared before it, across chunk boundaries', async () => {
    const features = Array.from({ length: 3000 }, (_, i) => ({
      type: 'Feature',
      properties: { i, s: 'a "quoted" } ] string' },
      geometry: { type: 'Point', coordinates: [4.4 + i * 1e-5, 51.5] },
    }));
    const f = write(
      'big.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features,
        links: [],
      }),
    );
    const got = await all(f);
    expect(got).toHaveLength(3000);
    expect(got[2999]).toEqual({ index: 2999, feature: features[2999], crs: 'urn:ogc:def:crs:EPSG::28992' });
  });

  it('refuses what is not a FeatureCollection, and truncated or invalid JSON', async () => {
    await expect(all(write('f.geojson', '{"type":"Feature","properties":{},"geometry":null}'))).rejects.toMatchObject({
      code: 'import.format',
    });
    await expect(all(write('arr.geojson', '[1,2]'))).rejects.toMatchObject({ code: 'import.format' });
    await expect(
      all(write('cut.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature"')),
    ).rejects.toMatchObject({ code: 'import.syntax' });
    await expect(
      all(write('bad.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature",}]}')),
    ).rejects.toMatchObject({ code: 'import.syntax' });
  });
});
