import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import { importInto, registeredDataset, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { SIGNALS_HEADER, writeCsv } from '../../test/fixtures/importers/registers.ts';

const dir = tempDir('signals');

describe('import signals: restricted municipal data', async () => {
  const { file: dsFile } = await registeredDataset(dir);
  const csv = writeCsv(join(dir, 'signalen.csv'), [
    SIGNALS_HEADER,
    ['1674010000000001', '', '', '2024', 3, 0, 'nee'],
    ['', '4702AB', 2, '2024-Q3', '', 3, ''],
    ['1674010000000002', '', '', '2024-02', '', 5, ''],
    ['1674010000000003', '', '', '2024', '', '', ''],
    ['1674010000000001', '', '', '2024', 1, '', ''],
  ]);
  const r = await importInto(dsFile, 'signals', csv, { dataDate: '2025-01-15' });

  it('stores counts per dwelling and period and rejects the rest by reason', () => {
    expect(r.summary).toEqual({
      read: 5,
      accepted: 2,
      rejected: 3,
      reasons: { 'duplicate.periode': 1, 'invalid.empty': 1, 'invalid.leegstand_maanden': 1 },
    });
    expect(readDataset(dsFile, { restricted: true }).signals).toEqual([
      {
        vboId: '1674010000000001',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        nuisanceReports: 3,
        vacancyMonths: 0,
        roomLettingPermit: false,
        dataDate: '2025-01-15',
      },
      {
        vboId: '1674010000000002',
        periodStart: '2024-07-01',
        periodEnd: '2024-09-30',
        nuisanceReports: null,
        vacancyMonths: 3,
        roomLettingPermit: null,
        dataDate: '2025-01-15',
      },
    ]);
  });

  it('keeps them out of the dwellings layer and of an ordinary read (what the server and tiles use)', () => {
    const ds = readDataset(dsFile);
    expect(ds.signals).toBeUndefined();
    expect(JSON.stringify(ds)).not.toMatch(/nuisance|vacancy|roomLetting/);
    const db = new Database(dsFile, { readonly: true });
    try {
      const cols = (db.prepare('PRAGMA table_info(woningen)').all() as { name: string }[]).map((c) => c.name);
      expect(cols.some((c) => /overlast|leegstand|kamer|signal|nuisance|vacancy/.test(c))).toBe(false);
      expect(db.prepare("SELECT description FROM gpkg_contents WHERE table_name = 'signalen'").pluck().get()).toMatch(
        /^BEPERKT/,
      );
    } finally {
      db.close();
    }
    expect(ds.meta.attribution.join()).not.toMatch(/signal/i);
  });

  it('keeps signals through later imports of other registers, and is idempotent', async () => {
    const h = sha(dsFile);
    await importInto(dsFile, 'signals', csv, { dataDate: '2025-01-15' });
    expect(sha(dsFile)).toBe(h);
    const other = writeCsv(join(dir, 'portefeuille.csv'), [
      ['vhe_nummer', 'bag_vbo_id'],
      ['9', '1674010000000003'],
    ]);
    await importInto(dsFile, 'portfolio', other, { dataDate: '2025-02-01' });
    expect(readDataset(dsFile, { restricted: true }).signals).toHaveLength(2);
  });

  it('refuses files with personal data columns, before reading a row', async () => {
    const before = sha(dsFile);
    const f = writeCsv(join(dir, 'met-naam.csv'), [
      [...SIGNALS_HEADER, 'Naam'],
      ['1674010000000001', '', '', '2024', 3, 0, 'nee', 'Jansen'],
    ]);
    await expect(importInto(dsFile, 'signals', f)).rejects.toMatchObject({
      code: 'import.forbidden-column',
      message: expect.stringMatching(/found column\(s\) Naam/),
    });
    expect(sha(dsFile)).toBe(before);
  });
});
