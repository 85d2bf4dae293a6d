import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CBS_BUURTEN_FILE } from '../boundaries/cbs-buurten.ts';
import { readDataset } from '../dataset-store.ts';
import { baseDataset, writeBaseDataset } from '../../test/fixtures/importers/base-dataset.ts';
import { writeCbsGeoPackage, type CbsVariant } from '../../test/fixtures/importers/cbs-gpkg.ts';
import { importInto, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { ImportFormatError } from './import-error.ts';

const dir = tempDir('cbs');
/** The real CBS file as the repository ships it (docs/sources.md: a byte-identical copy of the reference file). */
const REAL_CBS = fileURLToPath(CBS_BUURTEN_FILE);

describe('import cbs: Wijk- en Buurtkaart GeoPackage', () => {
  it.each(['long', 'short'] as const)(
    'reads %s column names, the gemeente’s buurten only, and missing values as null',
    async (names) => {
      const dsFile = writeBaseDataset(join(dir, `${names}.gpkg`));
      const r = await importInto(dsFile, 'cbs', writeCbsGeoPackage(join(dir, `wijkenbuurten-${names}.gpkg`), names));
      // 22 Roosendaal buurten; the Eindhoven row is never read (attribute filter on gemeentecode).
      expect(r.summary).toEqual({ read: 22, accepted: 22, rejected: 0, reasons: {} });
      const ds = readDataset(dsFile);
      const kalsdonk = ds.buurtStatistics!.find((s) => s.buurtcode === 'BU16740202');
      expect(kalsdonk).toEqual({
        buurtcode: 'BU16740202',
        inhabitants: 4100,
        dwellings: 1890,
        ownerOccupiedPct: 38,
        rentalPct: null,
        corporationPct: null,
        averageWozKEur: 212,
        lowIncomeHouseholdsPct: 14.5,
        dataDate: '2024-09-01',
      });
      expect(ds.buurtStatistics!.find((s) => s.buurtcode === 'BU16740300')!.averageWozKEur).toBeNull(); // −99997
      const b = ds.buurten.find((x) => x.buurtcode === 'BU16740202')!;
      expect(b).toMatchObject({
        buurtnaam: 'Kalsdonk',
        wijkcode: 'WK167402',
        programmeArea: 'Kalsdonk',
        lowIncomeShare: 0.145,
      });
      expect(b.geometry.type).toBe('MultiPolygon');
      const [lon, lat] = (b.geometry.type === 'MultiPolygon' ? b.geometry.coordinates[0]![0]![0] : [0, 0]) as [
        number,
        number,
      ];
      expect(lon).toBeCloseTo(4.48, 1); // back in WGS84
      expect(lat).toBeCloseTo(51.54, 1);
      expect(ds.meta.attribution).toContain('Buurtgrenzen en -cijfers: CBS Wijk- en Buurtkaart, CC-BY 4.0');
    },
  );

  it('is idempotent', async () => {
    const dsFile = writeBaseDataset(join(dir, 'idem.gpkg'));
    const src = writeCbsGeoPackage(join(dir, 'idem-src.gpkg'));
    await importInto(dsFile, 'cbs', src);
    const h = sha(dsFile);
    await importInto(dsFile, 'cbs', src);
    expect(sha(dsFile)).toBe(h);
  });

  const bad: [CbsVariant, string, RegExp][] = [
    ['no-buurten', 'import.header', /expected a feature table buurten .*found tables gemeenten, wijken, buurten_oud/],
    [
      'missing-column',
      'import.header',
      /expected buurten columns buurtcode\/BU_CODE, buurtnaam\/BU_NAAM, wijkcode\/WK_CODE/,
    ],
    [
      'epsg3857',
      'import.crs',
      /expected buurten in EPSG:28992 \(RD New\) or EPSG:4326, found srs_id 3857 \(EPSG:3857\)/,
    ],
  ];
  it.each(bad)('%s → %s, dataset untouched', async (variant, code, message) => {
    const dsFile = writeBaseDataset(join(dir, `bad-${variant}.gpkg`));
    const before = sha(dsFile);
    const err = await importInto(dsFile, 'cbs', writeCbsGeoPackage(join(dir, `src-${variant}.gpkg`), variant)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportFormatError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toMatch(message);
    expect(sha(dsFile)).toBe(before);
  });
});

describe('import cbs: the real generalised boundaries (CBS Wijk- en Buurtkaart 2024)', () => {
  it('reads all 22 buurten and gives the boundaries the base dataset was built from', async () => {
    const dsFile = writeBaseDataset(join(dir, 'real.gpkg'));
    const r = await importInto(dsFile, 'cbs', REAL_CBS, {
      reportFile: join(dir, 'real.rejected.csv'),
      dataDate: '2024-01-01',
    });
    expect(r.summary).toEqual({ read: 22, accepted: 22, rejected: 0, reasons: {} });
    expect(r.reportFile).toBeNull();
    const ds = readDataset(dsFile);
    expect(ds.buurten).toEqual(baseDataset().buurten);
    expect(ds.buurtStatistics).toBeUndefined(); // the generalised file has no figures
  });
});
