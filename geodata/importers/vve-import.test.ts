import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import { importInto, registeredDataset, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { VVE_HEADER, writeCsv, writeXlsx } from '../../test/fixtures/importers/registers.ts';

const dir = tempDir('vve');
const may = new Date(Date.UTC(2025, 3, 14));

describe('import vve: a VvE register, one row per member dwelling', async () => {
  const { file: dsFile } = await registeredDataset(dir);
  // Galerij flat 4702AB 200-1 … 200-24 = vbo 21 … 44.
  const xlsx = await writeXlsx(join(dir, 'vve-register.xlsx'), [
    VVE_HEADER,
    ['12345678', 'VvE Flatweg 200', '1674010000000021', null, null, null, null, 10, 2024, 85000, may, '2/3'],
    ['12345678', 'VvE Flatweg 200', null, '4702AB', 200, null, '2', 12, null, null, null, null],
    ['12345678', 'VvE Flatweg 200', '1674010000000023', null, null, null, null, 10, 2024, 90000, null, null],
    ['12345678', 'VvE Flatweg 200', '1674010000000021', null, null, null, null, 10, null, null, null, null],
    ['1234567X', 'VvE Fout', '1674010000000024', null, null, null, null, 10, null, null, null, null],
    [
      null,
      'VvE Boven-beneden',
      '1674010000000045',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '1-3-2024',
      'gewone meerderheid',
    ],
    [null, 'VvE Boven-beneden', '1674010000000046', null, null, null, null, null, null, null, null, null],
  ]);
  const r = await importInto(dsFile, 'vve', xlsx, { dataDate: '2025-05-01' });
  const ds = readDataset(dsFile);

  it('groups member rows into VvE’s and rejects conflicts, duplicates and bad KvK numbers', () => {
    expect(r.summary).toEqual({
      read: 7,
      accepted: 4,
      rejected: 3,
      reasons: { 'conflict.reserveFundEur': 1, 'duplicate.member': 1, 'invalid.kvk_nummer': 1 },
    });
    expect(ds.vves).toEqual([
      {
        vveId: 'VVE-KVK-12345678',
        kvkNumber: '12345678',
        name: 'VvE Flatweg 200',
        pandIds: ['1674100000000010'],
        members: [
          { vboId: '1674010000000021', votes: 10 },
          { vboId: '1674010000000022', votes: 12 },
        ],
        mjopYear: 2024,
        reserveFundEur: 85000,
        lastAlvDate: '2025-04-14',
        majorityRule: 0.6667,
        provenance: 'registered',
      },
      {
        vveId: 'VVE-VVE_BOVEN_BENEDEN',
        kvkNumber: null,
        name: 'VvE Boven-beneden',
        pandIds: ['1674100000000011'],
        members: [
          { vboId: '1674010000000045', votes: 1 },
          { vboId: '1674010000000046', votes: 1 },
        ],
        mjopYear: null,
        reserveFundEur: null,
        lastAlvDate: '2024-03-01',
        majorityRule: 0.5,
        provenance: 'registered',
      },
    ]);
  });

  it('links member dwellings to their VvE, registered', () => {
    expect(ds.dwellings.filter((d) => d.vveId === 'VVE-KVK-12345678').map((d) => d.vboId)).toEqual([
      '1674010000000021',
      '1674010000000022',
    ]);
    expect(ds.attributeSources!.find((s) => s.subject === '1674010000000021' && s.attribute === 'vveId')).toMatchObject(
      { provenance: 'registered', source: 'VvE-register' },
    );
  });

  it('is idempotent; a later register replaces a VvE’s membership and empties left VvE’s', async () => {
    const h = sha(dsFile);
    await importInto(dsFile, 'vve', xlsx, { dataDate: '2025-05-01' });
    expect(sha(dsFile)).toBe(h);
    const moved = writeCsv(join(dir, 'verhuisd.csv'), [
      VVE_HEADER,
      ['87654321', 'VvE Nieuw', '1674010000000045', '', '', '', '', '1', '', '', '', ''],
      ['87654321', 'VvE Nieuw', '1674010000000046', '', '', '', '', '1', '', '', '', ''],
    ]);
    await importInto(dsFile, 'vve', moved, { dataDate: '2025-06-01' });
    const after = readDataset(dsFile);
    expect(after.vves.map((v) => v.vveId)).toEqual(['VVE-KVK-12345678', 'VVE-KVK-87654321']);
    expect(after.dwellings.find((d) => d.vboId === '1674010000000045')!.vveId).toBe('VVE-KVK-87654321');
  });

  it('refuses a register that identifies neither VvE nor dwelling', async () => {
    const f = writeCsv(join(dir, 'leeg.csv'), [
      ['Breukdeel', 'MJOP jaar'],
      ['1', '2024'],
    ]);
    await expect(importInto(dsFile, 'vve', f)).rejects.toMatchObject({
      code: 'import.header',
      message: expect.stringMatching(
        /expected columns \(kvk_nummer or naam_vve\), \(bag_vbo_id or postcode \+ huisnummer\)/,
      ),
    });
  });
});
