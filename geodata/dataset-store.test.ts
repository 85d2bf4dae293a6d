import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { registerGpkgFunctions } from './gpkg/spatial-functions.ts';
import { DatasetFileError, readDataset, writeDataset } from './dataset-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-store-'));
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('dataset GeoPackage store', () => {
  const ds = smallDataset();
  const file = join(dir, 'a.gpkg');
  writeDataset(file, ds);

  it('round-trips every record', () => {
    expect(readDataset(file)).toEqual(ds);
  });

  it('writes a GeoPackage with the layers QGIS lists', () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
      const contents = db.prepare('SELECT table_name, data_type FROM gpkg_contents ORDER BY table_name').all();
      expect(contents).toEqual([
        { table_name: 'buurten', data_type: 'features' },
        { table_name: 'dataset_meta', data_type: 'attributes' },
        { table_name: 'panden', data_type: 'features' },
        { table_name: 'vve_members', data_type: 'attributes' },
        { table_name: 'vves', data_type: 'attributes' },
        { table_name: 'woningen', data_type: 'features' },
      ]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('gives byte-identical files for identical input and leaves no temporary file', () => {
    const other = join(dir, 'b.gpkg');
    writeDataset(other, smallDataset());
    expect(sha(other)).toBe(sha(file));
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('reports a missing file and a file that is not a GeoPackage', () => {
    expect(() => readDataset(join(dir, 'none.gpkg'))).toThrow(expect.objectContaining({ code: 'dataset.missing' }));
    const junk = join(dir, 'junk.gpkg');
    writeFileSync(junk, 'niet sqlite');
    expect(() => readDataset(junk)).toThrow(DatasetFileError);
    expect(() => readDataset(junk)).toThrow(expect.objectContaining({ code: 'dataset.corrupt' }));
  });

  it('names table, fid and field of an invalid row', () => {
    const bad = join(dir, 'bad.gpkg');
    writeDataset(bad, smallDataset());
    const db = new Database(bad);
    registerGpkgFunctions(db); // the R-tree triggers call ST_* functions, as in QGIS
    db.prepare("UPDATE woningen SET label = 'H' WHERE fid = 3").run();
    db.close();
    expect(() => readDataset(bad)).toThrow(/table woningen, fid 3, field energyLabel\.label/);
    expect(() => readDataset(bad)).toThrow(expect.objectContaining({ code: 'dataset.invalid' }));
  });

  it('does not replace an existing file when writing fails', () => {
    const target = join(dir, 'keep.gpkg');
    writeDataset(target, smallDataset());
    const before = sha(target);
    const broken = smallDataset();
    broken.dwellings[0]!.location = [Number.NaN, 51] as [number, number];
    (broken.meta as { attribution: unknown }).attribution = undefined;
    expect(() => writeDataset(target, broken)).toThrow(/dataset\.meta\[0\]\.attribution/);
    expect(sha(target)).toBe(before);
    expect(existsSync(`${target}.tmp-${process.pid}`)).toBe(false);
  });

  it('round-trips the optional registers and reads the restricted signals only on request', () => {
    const full = smallDataset();
    const d = full.dwellings[0]!;
    full.portfolio = [
      {
        vheNumber: 'V1',
        vboId: d.vboId,
        corporation: 'Alwel',
        complexCode: null,
        rentEur: 612.5,
        label: 'E',
        plannedMaintenanceYear: 2027,
        dataDate: '2025-01-01',
      },
    ];
    full.buurtStatistics = [
      {
        buurtcode: 'BU16740202',
        inhabitants: 4100,
        dwellings: null,
        ownerOccupiedPct: 38,
        rentalPct: null,
        corporationPct: null,
        averageWozKEur: 212,
        lowIncomeHouseholdsPct: 14.5,
        dataDate: '2024-09-01',
      },
    ];
    full.species = [
      {
        observationId: 'W1',
        species: 'Huismus',
        speciesGroup: 'huismus',
        date: '2024-04-12',
        location: [4.45, 51.54],
        roostType: 'nest',
        count: 2,
        buurtcode: 'BU16740202',
        dataDate: '2024-12-31',
      },
    ];
    full.attributeSources = [
      {
        subject: d.vboId,
        attribute: 'type',
        provenance: 'imputed',
        source: 'regel:woningtype-bag@1',
        dataDate: '2025-01-01',
      },
    ];
    full.imports = [
      {
        kind: 'bag',
        source: 'bag-light.gpkg',
        sha256: 'a'.repeat(64),
        dataDate: '2025-01-01',
        read: 6,
        accepted: 6,
        rejected: 0,
      },
    ];
    full.signals = [
      {
        vboId: d.vboId,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        nuisanceReports: 2,
        vacancyMonths: null,
        roomLettingPermit: true,
        dataDate: '2025-01-01',
      },
    ];
    const f = join(dir, 'registers.gpkg');
    writeDataset(f, full);
    expect(readDataset(f, { restricted: true })).toEqual(full);
    const { signals, ...open } = full;
    expect(signals).toHaveLength(1);
    expect(readDataset(f)).toEqual(open);
    const db = new Database(f, { readonly: true });
    try {
      expect(
        db.prepare("SELECT data_type FROM gpkg_contents WHERE table_name = 'soortwaarnemingen'").pluck().get(),
      ).toBe('features');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('refuses an invalid register record before writing', () => {
    const ds = smallDataset();
    ds.signals = [
      {
        vboId: 'x',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        nuisanceReports: 1,
        vacancyMonths: null,
        roomLettingPermit: null,
        dataDate: '2025-01-01',
      },
    ];
    expect(() => writeDataset(join(dir, 'bad-register.gpkg'), ds)).toThrow(/dataset\.signals\[0\]\.vboId/);
  });
});
