import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUND_BOUND_TYPES } from '../../engine/dwelling.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { FLOOR_LEVEL_UNKNOWN, retrofitContext } from '../../engine/retrofit/stock.ts';
import { readDataset } from '../dataset-store.ts';
import { importInto, registeredDataset, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { PORTFOLIO_HEADER, writeCsv, writeXlsx } from '../../test/fixtures/importers/registers.ts';

const dir = tempDir('portfolio');

describe('import portfolio: a corporation’s dwelling list', async () => {
  const { file: dsFile } = await registeredDataset(dir);
  const rows = [
    PORTFOLIO_HEADER,
    ['100001', '1674010000000008', '', '', '', '', 'C-12', '612,50', 'E', 2027, 'Alwel'],
    ['100002', '', '4702 ab', 100, 'b', '', 'C-12', '598,00', '', 2027, 'Alwel'],
    ['100003', '1674010000000008', '', '', '', '', 'C-12', '612,50', '', 2027, 'Alwel'],
    ['100004', '1674010000099999', '', '', '', '', 'C-12', '612,50', '', 2027, 'Alwel'],
    ['100005', '1674010000000010', '', '', '', '', 'C-12', 'veel', '', 2027, 'Alwel'],
    ['100001', '1674010000000011', '', '', '', '', 'C-12', '600', '', 2027, 'Alwel'],
    ['100007', '1674010000000012', '', '', '', '', 'C-12', '600', 'Q', 2027, 'Alwel'],
  ];
  const csv = writeCsv(join(dir, 'bezit.csv'), rows);
  const r = await importInto(dsFile, 'portfolio', csv, { dataDate: '2025-02-01' });
  const ds = readDataset(dsFile);

  it('joins VHEs on BAG id or address and rejects the rest by reason', () => {
    expect(r.summary).toEqual({
      read: 7,
      accepted: 2,
      rejected: 5,
      reasons: {
        'duplicate.dwelling': 1,
        'duplicate.vhe_nummer': 1,
        'invalid.energielabel': 1,
        'invalid.huur': 1,
        'no-matching-dwelling': 1,
      },
    });
    expect(ds.portfolio).toEqual([
      {
        vheNumber: '100001',
        vboId: '1674010000000008',
        corporation: 'Alwel',
        complexCode: 'C-12',
        rentEur: 612.5,
        label: 'E',
        plannedMaintenanceYear: 2027,
        dataDate: '2025-02-01',
      },
      {
        vheNumber: '100002',
        vboId: '1674010000000009',
        corporation: 'Alwel',
        complexCode: 'C-12',
        rentEur: 598,
        label: null,
        plannedMaintenanceYear: 2027,
        dataDate: '2025-02-01',
      },
    ]);
  });

  it('makes the dwellings corporation-owned (registered) and uses the list’s label only where none was registered', () => {
    const d8 = ds.dwellings.find((d) => d.vboId === '1674010000000008')!;
    expect(d8.ownership).toBe('corporatie');
    expect(d8.energyLabel).toEqual({ label: 'E', source: 'registered', date: null });
    expect(ds.attributeSources!.find((s) => s.subject === d8.vboId && s.attribute === 'ownership')).toMatchObject({
      provenance: 'registered',
      source: 'portefeuille',
    });
    expect(ds.dwellings.find((d) => d.vboId === '1674010000000010')!.ownership).toBe('overig');
  });

  it('is idempotent, and reads the same list from XLSX', async () => {
    const h = sha(dsFile);
    await importInto(dsFile, 'portfolio', csv, { dataDate: '2025-02-01' });
    expect(sha(dsFile)).toBe(h);
    const x = await writeXlsx(
      join(dir, 'bezit.xlsx'),
      rows.map((row) => row.map((c) => (c === '' ? null : c))),
    );
    const rx = await importInto(dsFile, 'portfolio', x, { dataDate: '2025-02-01' });
    expect(rx.summary).toEqual(r.summary);
  });

  it('refuses a list without a VHE column, naming it', async () => {
    const before = sha(dsFile);
    const f = writeCsv(join(dir, 'geen-vhe.csv'), [
      ['BAG verblijfsobject id', 'Kale huur'],
      ['1674010000000008', '600'],
    ]);
    await expect(importInto(dsFile, 'portfolio', f)).rejects.toMatchObject({
      code: 'import.header',
      message: expect.stringMatching(/expected columns vhe_nummer, \(bag_vbo_id or postcode \+ huisnummer\)/),
    });
    expect(sha(dsFile)).toBe(before);
  });
});

describe('import portfolio: the floor of each flat (verdieping) is its registered position in the building', async () => {
  const floorDir = tempDir('portfolio-floor');
  const { file: dsFile } = await registeredDataset(floorDir);
  const before = readDataset(dsFile);
  const guessed = new Set(
    (before.attributeSources ?? [])
      .filter((a) => a.attribute === 'floorLevel' && a.provenance === 'imputed')
      .map((a) => a.subject),
  );
  const flats = before.dwellings.filter((d) => guessed.has(d.vboId) && !GROUND_BOUND_TYPES.includes(d.type));
  const [first, second, third] = flats;
  const row = (vhe: string, vboId: string, floor: string) => [
    vhe,
    vboId,
    '',
    '',
    '',
    '',
    'C-1',
    '600',
    '',
    2027,
    'Alwel',
    floor,
  ];
  const csv = writeCsv(join(floorDir, 'bezit-verdieping.csv'), [
    [...PORTFOLIO_HEADER, 'verdieping'],
    row('200001', first!.vboId, '2'),
    row('200002', second!.vboId, ''),
    row('200003', third!.vboId, 'vijf'),
  ]);
  const r = await importInto(dsFile, 'portfolio', csv, { dataDate: '2025-02-01' });
  const ds = readDataset(dsFile);

  it('sets the floor where the portfolio gives it and marks it registered; a bad storey is rejected by name', () => {
    expect(flats.length).toBeGreaterThanOrEqual(3);
    expect(r.summary).toMatchObject({ read: 3, accepted: 2, rejected: 1, reasons: { 'invalid.verdieping': 1 } });
    expect(ds.dwellings.find((d) => d.vboId === first!.vboId)!.floorLevel).toBe(2);
    expect(ds.attributeSources!.find((a) => a.subject === first!.vboId && a.attribute === 'floorLevel')).toMatchObject({
      provenance: 'registered',
      source: 'portefeuille',
    });
  });

  it('the retrofit scores a registered floor as known and a guessed one at its probability share', () => {
    const table = toColumns(ds.dwellings);
    const ctx = retrofitContext(ds, table.buurtCodes);
    const at = (id: string) => ds.dwellings.findIndex((d) => d.vboId === id);
    expect(ctx.floorLevel[at(first!.vboId)]).toBe(2);
    expect(ctx.floorLevel[at(second!.vboId)]).toBe(FLOOR_LEVEL_UNKNOWN);
  });
});
