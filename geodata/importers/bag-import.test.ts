import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import {
  bagLayout,
  writeBagGeoJson,
  writeBagLight,
  type BagLightVariant,
} from '../../test/fixtures/importers/bag-light.ts';
import { writeBaseDataset } from '../../test/fixtures/importers/base-dataset.ts';
import { importInto, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { dwellingStats } from '../../engine/dwelling-stats.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { BuurtLocator } from './buurt-locator.ts';
import { ImportFormatError, ImportOptionError } from './import-error.ts';

const dir = tempDir('bag');
const layout = bagLayout();
const accepted = layout.vbos.filter((v) => !v.reject);
const expectedType = new Map(layout.panden.filter((p) => p.expect).map((p) => [p.id, p.expect!]));

describe('import bag: PDOK bag-light.gpkg', async () => {
  const dsFile = writeBaseDataset(join(dir, 'ds.gpkg'));
  const bag = writeBagLight(join(dir, 'bag-light.gpkg'));
  const first = await importInto(dsFile, 'bag', bag);
  const afterFirst = sha(dsFile);
  const ds = readDataset(dsFile);

  it('reads only the rows the rtree selects and accounts for every one', () => {
    const read = layout.vbos.filter((v) => v.reject !== 'not-read').length;
    expect(first.summary).toEqual({
      read,
      accepted: accepted.length,
      rejected: read - accepted.length,
      reasons: {
        'duplicate.identificatie': 1,
        'invalid.oppervlakte': 1,
        'invalid.postcode': 1,
        'scope.not-a-dwelling': 1,
        'scope.outside-buurten': 1,
        'scope.status': 1,
      },
    });
  });

  it('writes each rejected row to the report next to the input with row, field, reason in words and its code', () => {
    expect(first.reportFile).toBe(join(dir, 'bag-light.rejected.csv'));
    const lines = readFileSync(first.reportFile!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('rij;veld;reden;code;melding');
    expect(lines).toHaveLength(1 + first.summary.rejected);
    expect(
      lines.some(
        (l) => l.startsWith('verblijfsobject fid ') && l.includes(';postcode;ongeldige waarde;invalid.postcode;'),
      ),
    ).toBe(true);
  });

  it('infers the dwelling type per pand by the documented rule', () => {
    for (const d of ds.dwellings) expect(d.type, d.pandId).toBe(expectedType.get(d.pandId));
    expect(
      ds
        .attributeSources!.filter((s) => s.attribute === 'type')
        .every((s) => s.provenance === 'imputed' && s.source === 'regel:woningtype-bag@1'),
    ).toBe(true);
  });

  it('keeps BAG attributes as registered, with WGS84 points inside their buurt and the extract date', () => {
    const locate = new BuurtLocator(ds.buurten);
    expect(ds.dwellings).toHaveLength(accepted.length);
    for (const d of ds.dwellings) {
      expect(d.provenance).toBe('registered');
      expect(d.dataDate).toBe('2025-03-01');
      expect(locate.locate(d.location[0], d.location[1])).toBe(d.buurtcode);
    }
    const terraced = ds.dwellings.find((d) => d.vboId === accepted[1]!.id)!;
    expect(terraced.bouwjaar).toBe(1962); // the vbo has none; the pand's is used
    expect(terraced.address).toEqual({
      street: 'Proefstraat',
      huisnummer: 2,
      huisletter: null,
      toevoeging: null,
      postcode: '4702AB',
      woonplaats: 'Roosendaal',
    });
  });

  it('imputes labels and element levels and marks them so', () => {
    for (const d of ds.dwellings) {
      expect(d.energyLabel).toMatchObject({ source: 'imputed', date: null });
      expect(Object.values(d.elements).every((e) => e.status === 'assumed')).toBe(true);
    }
    const flats = ds.dwellings.filter((d) => d.type === 'portiek');
    expect(flats.map((d) => d.floorLevel)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(ds.buildings.find((b) => b.pandId === flats[0]!.pandId)).toMatchObject({
      storeys: 3,
      roofShape: 'plat',
      provenance: 'registered',
    });
  });

  it('replaces the synthetic stock of the buurten it covers; the dataset is then no longer synthetic', () => {
    expect(ds.dwellings.some((d) => d.provenance === 'synthetic')).toBe(false);
    expect(ds.vves).toEqual([]);
    expect(ds.meta).toMatchObject({
      synthetic: false,
      seed: null,
      generator: null,
      name: 'Voorraad Kalsdonk & Westrand',
    });
    expect(ds.meta.attribution).toContain('Woningen en panden: BAG (Kadaster, via PDOK), CC0');
    expect(first.synthetic).toBe(false);
  });

  it('feeds the engine’s statistics like the shipped data', () => {
    const stats = dwellingStats(toColumns(ds.dwellings), ['buurt', 'type']);
    expect(stats.total).toBe(accepted.length);
    expect(stats.rows.find((r) => r.key.buurt === 'BU16740202' && r.key.type === 'galerij')).toMatchObject({
      count: 24,
      medianBouwjaar: 1972,
      shareLabelRegistered: 0,
    });
  });

  it('is idempotent: the same file again leaves the dataset byte-identical', async () => {
    const again = await importInto(dsFile, 'bag', bag);
    expect(again.changed).toBe(false);
    expect(sha(dsFile)).toBe(afterFirst);
    expect(again.summary).toEqual(first.summary);
  });
});

describe('import bag: selection and other sources', () => {
  it('keeps the synthetic stock of buurten outside --buurten, so the dataset stays synthetic', async () => {
    const dsFile = writeBaseDataset(join(dir, 'partial.gpkg'));
    const r = await importInto(dsFile, 'bag', writeBagLight(join(dir, 'b2.gpkg')), { buurten: ['BU16740202'] });
    const ds = readDataset(dsFile);
    // Kalsdonk's box holds neither the Centrum-Oud nor the Westrand row: the rtree never yields them.
    expect(r.summary.reasons['scope.outside-buurten']).toBeUndefined();
    expect(r.summary.accepted).toBe(accepted.length - 1);
    expect(ds.dwellings.filter((d) => d.provenance === 'synthetic').map((d) => d.buurtcode)).toEqual([
      'BU16740300',
      'BU16740300',
    ]);
    expect(ds.meta.synthetic).toBe(true);
  });

  it('refuses --buurten the dataset does not have', async () => {
    const dsFile = writeBaseDataset(join(dir, 'opt.gpkg'));
    await expect(
      importInto(dsFile, 'bag', writeBagLight(join(dir, 'b3.gpkg')), { buurten: ['BU99990000'] }),
    ).rejects.toThrow(ImportOptionError);
  });

  it('gives the same dwellings from PDOK GeoJSON (CRS84 or declared RD) as from bag-light', async () => {
    const ref = readDataset(writeBaseDataset(join(dir, 'ref.gpkg')));
    const fromGpkg = join(dir, 'g1.gpkg');
    writeBaseDataset(fromGpkg, ref);
    await importInto(fromGpkg, 'bag', writeBagLight(join(dir, 'b4.gpkg')));
    const types = (f: string) => readDataset(f).dwellings.map((d) => [d.vboId, d.type, d.buurtcode].join());
    for (const variant of ['crs84', 'rd-declared'] as const) {
      const f = writeBaseDataset(join(dir, `g-${variant}.gpkg`));
      const r = await importInto(f, 'bag', writeBagGeoJson(join(dir, `bag-${variant}.geojson`), variant));
      expect(r.summary.reasons['scope.outside-buurten']).toBe(2); // no rtree: the Amsterdam row is read too
      expect(types(f)).toEqual(types(fromGpkg));
    }
  });
});

describe('import bag: malformed input is refused and the dataset is left byte-identical', () => {
  const cases: [BagLightVariant | 'rd-undeclared', string, RegExp][] = [
    ['wgs84', 'import.crs', /expected (verblijfsobject|pand) in EPSG:28992 \(RD New\), found srs_id 4326/],
    ['no-vbo-table', 'import.header', /expected feature tables pand and verblijfsobject, found tables pand/],
    ['missing-column', 'import.header', /missing postcode/],
    ['plain-sqlite', 'import.format', /expected a GeoPackage/],
    ['text', 'import.format', /expected a GeoJSON FeatureCollection/],
    [
      'rd-undeclared',
      'import.crs',
      /expected lon\/lat degrees .* found coordinates 9\d{4}(\.\d+)?, 39\d{4}(\.\d+)? in features\[0\], which look like RD New metres/,
    ],
  ];
  it.each(cases)('%s → %s', async (variant, code, message) => {
    const dsFile = writeBaseDataset(join(dir, `bad-${variant}.gpkg`));
    const before = sha(dsFile);
    const src =
      variant === 'rd-undeclared'
        ? writeBagGeoJson(join(dir, 'rd.geojson'), 'rd-undeclared')
        : writeBagLight(join(dir, `bad-${variant}.src`), variant);
    const err = await importInto(dsFile, 'bag', src).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportFormatError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toMatch(message);
    expect(sha(dsFile)).toBe(before);
    expect(existsSync(join(dir, `bad-${variant}.rejected.csv`))).toBe(false);
  });
});
