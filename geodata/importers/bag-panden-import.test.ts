import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import { basemapBuildings } from '../build-tiles.ts';
import { importInto, registeredDataset, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { bagLayout, writeBagLight } from '../../test/fixtures/importers/bag-light.ts';
import { KALSDONK_RD } from '../../test/fixtures/importers/base-dataset.ts';
import { writeOsmExtract } from '../../test/fixtures/importers/osm-extract.ts';
import { rdToWgs84 } from './rd-new.ts';

/** A PDOK OGC API style GeoJSON download (CRS84) of panden around Kalsdonk, with one verblijfsobject point. */
function writePandenGeoJson(file: string): string {
  const square = (dx: number): [number, number][] =>
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ].map(([x, y]) => rdToWgs84(KALSDONK_RD[0] + dx + x!, KALSDONK_RD[1] - 300 + y!));
  const pand = (id: string, dx: number, status: string) => ({
    type: 'Feature',
    properties: { identificatie: id, status, bouwjaar: 1990 },
    geometry: { type: 'Polygon', coordinates: [square(dx)] },
  });
  const features = [
    pand('1674100000900001', 0, 'Pand in gebruik'),
    pand('1674100000900002', 20, 'Pand gesloopt'),
    pand('16741', 40, 'Pand in gebruik'),
    pand('1674100000900001', 60, 'Pand in gebruik'),
    {
      type: 'Feature',
      properties: { identificatie: '1674100000900003', status: 'Pand in gebruik' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [5.9, 52.2],
            [5.901, 52.2],
            [5.901, 52.201],
            [5.9, 52.2],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { identificatie: '1674010000900009', huisnummer: 1 },
      geometry: { type: 'Point', coordinates: square(0)[0] },
    },
  ];
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

describe('import bag-panden: every standing BAG pand for the basemap building layer', async () => {
  const dir = tempDir('bag-panden');
  const { file } = await registeredDataset(dir);
  const gpkg = await importInto(file, 'bag-panden', writeBagLight(join(dir, 'bag-light-panden.gpkg')));
  const afterGpkg = readDataset(file);

  it('reads the panden of bag-light in the dataset buurten, also those without dwellings', () => {
    const inBox = bagLayout().panden.length - 1; // the Amsterdam pand lies outside the rtree box: not read
    expect(gpkg.summary).toEqual({ read: inBox, accepted: inBox, rejected: 0, reasons: {} });
    expect(afterGpkg.basemapBuildings).toHaveLength(inBox);
    expect(afterGpkg.basemapBuildings?.[0]?.sourceId).toMatch(/^bag:\d{16}$/);
    expect(afterGpkg.basemapBuildings?.[0]?.dataDate).toBe('2025-03-01');
  });

  it('draws only the panden the dataset does not have itself, and BAG instead of OSM buildings', async () => {
    const own = new Set(afterGpkg.buildings.map((b) => `bag:${b.pandId}`));
    const extra = afterGpkg.basemapBuildings!.filter((b) => !own.has(b.sourceId));
    expect(extra.length).toBeGreaterThan(0);
    expect(basemapBuildings(afterGpkg).features).toHaveLength(afterGpkg.buildings.length + extra.length);
    await importInto(file, 'osm', writeOsmExtract(join(dir, 'x.osm')));
    const both = readDataset(file);
    expect(both.basemapBuildings!.some((b) => b.sourceId.startsWith('osm:'))).toBe(true);
    expect(basemapBuildings(both).features).toHaveLength(afterGpkg.buildings.length + extra.length);
  });

  it('reads a PDOK GeoJSON download: rejects demolished, badly numbered, repeated and far-away panden', async () => {
    const warnings: string[] = [];
    const r = await importInto(file, 'bag-panden', writePandenGeoJson(join(dir, 'panden.json')), {
      warn: (m) => warnings.push(m),
    });
    expect(r.summary).toEqual({
      read: 5,
      accepted: 1,
      rejected: 4,
      reasons: {
        'duplicate.identificatie': 1,
        'invalid.identificatie': 1,
        'scope.outside-buurten': 1,
        'scope.status': 1,
      },
    });
    expect(warnings).toEqual(['1 features that are not panden (polygons) were not read']);
    // The new download replaces the earlier BAG panden; the OSM buildings stay.
    const ds = readDataset(file);
    expect(ds.basemapBuildings!.filter((b) => b.sourceId.startsWith('bag:')).map((b) => b.sourceId)).toEqual([
      'bag:1674100000900001',
    ]);
    const hash = sha(file);
    expect((await importInto(file, 'bag-panden', join(dir, 'panden.json'))).changed).toBe(false);
    expect(sha(file)).toBe(hash);
  });
});
