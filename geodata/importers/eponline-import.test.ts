import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import { writeEpOnlineCsv, type EpRow, type EpVariant } from '../../test/fixtures/importers/eponline-csv.ts';
import { importInto, registeredDataset, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { ImportFormatError } from './import-error.ts';

const dir = tempDir('ep');
// Dwellings of the BAG fixture: 1–4 the terraced row, 7 detached, 8 first portiek flat (4702AB 100A).
const ROWS: EpRow[] = [
  { vboId: '1674010000000001', label: 'D', registered: '20190301', recorded: '20190215' },
  { vboId: '1674010000000001', label: 'B', registered: '20240301', recorded: '20240210', gebouwtype: 'Rijwoning hoek' },
  {
    vboId: '1674010000000008',
    label: 'C',
    registered: '20230101',
    gebouwtype: 'Appartement',
    gebouwsubtype: 'Tussenmidden',
  },
  {
    vboId: '',
    postcode: '4702AB',
    huisnummer: 7,
    label: 'A+',
    registered: '20220505',
    gebouwtype: 'Vrijstaande woning',
  },
  { vboId: '1674010000099999', label: 'A', registered: '20220505' },
  { vboId: '1674010000000002', label: 'H', registered: '20220505' },
  { vboId: '1674010000000003', label: 'C', registered: '2022-13-05' },
  { vboId: '1674010000000004', label: 'C', registered: '20220505', klasse: 'U' },
];

describe('import eponline: RVO open data CSV', async () => {
  const { file: dsFile } = await registeredDataset(dir);
  const src = writeEpOnlineCsv(join(dir, 'v20251001_v2_csv.csv'), ROWS);
  const r = await importInto(dsFile, 'eponline', src);
  const ds = readDataset(dsFile);
  const byId = new Map(ds.dwellings.map((d) => [d.vboId, d]));

  it('counts every row and rejects by reason', () => {
    expect(r.summary).toEqual({
      read: 8,
      accepted: 3,
      rejected: 5,
      reasons: {
        'invalid.Pand_energieklasse': 1,
        'invalid.Pand_registratiedatum': 1,
        'no-matching-dwelling': 1,
        'scope.not-a-dwelling': 1,
        superseded: 1,
      },
    });
    const report = readFileSync(r.reportFile!, 'utf8');
    expect(report).toContain(
      '\r\n4;Pand_registratiedatum;vervangen door een nieuwer label voor dezelfde woning;superseded;registration of 2019-03-01 superseded by 2024-03-01 (row 5)\r\n',
    );
  });

  it('keeps the latest registration per dwelling as a registered label with its date', () => {
    expect(byId.get('1674010000000001')!.energyLabel).toEqual({ label: 'B', source: 'registered', date: '2024-03-01' });
    expect(byId.get('1674010000000007')!.energyLabel).toEqual({
      label: 'A+',
      source: 'registered',
      date: '2022-05-05',
    });
    expect(byId.get('1674010000000002')!.energyLabel.source).toBe('imputed');
  });

  it('joins on the address when the row has no BAG id', () => {
    expect(byId.get('1674010000000007')!.address.huisnummer).toBe(7);
  });

  it('re-estimates assumed element levels from the registered label', () => {
    expect(byId.get('1674010000000001')!.elements.cavityWall).toEqual({ level: 'N2', status: 'assumed' });
  });

  it('takes the dwelling type the advisor registered, but not from a flat position', () => {
    expect(byId.get('1674010000000007')!.type).toBe('vrijstaand');
    expect(byId.get('1674010000000008')!.type).toBe('portiek');
    const src1 = ds.attributeSources!.find((s) => s.subject === '1674010000000001' && s.attribute === 'type');
    expect(src1).toEqual({
      subject: '1674010000000001',
      attribute: 'type',
      provenance: 'registered',
      source: 'EP-Online',
      dataDate: '2024-03-01',
    });
  });

  it('dates the import from the metadata line and logs it', () => {
    expect(ds.imports!.at(-1)).toMatchObject({
      kind: 'eponline',
      source: 'v20251001_v2_csv.csv',
      dataDate: '2025-10-01',
      read: 8,
      accepted: 3,
    });
    expect(ds.meta.dataDate).toBe('2025-10-01');
  });

  it('is idempotent, and an older file does not overwrite a later label', async () => {
    const before = sha(dsFile);
    expect((await importInto(dsFile, 'eponline', src)).changed).toBe(false);
    expect(sha(dsFile)).toBe(before);
    const old = writeEpOnlineCsv(join(dir, 'old.csv'), [
      { vboId: '1674010000000001', label: 'F', registered: '20200101' },
    ]);
    const o = await importInto(dsFile, 'eponline', old);
    expect(o.summary.reasons).toEqual({ 'older-than-dataset': 1 });
    expect(readDataset(dsFile).dwellings.find((d) => d.vboId === '1674010000000001')!.energyLabel.label).toBe('B');
  });
});

describe('import eponline: malformed variants are refused, the dataset is untouched', async () => {
  const { file: dsFile } = await registeredDataset(dir, 'bad.gpkg');
  const cases: [EpVariant, string, RegExp][] = [
    ['comma', 'import.delimiter', /expected fields separated by ';', found fields separated by ','/],
    ['no-metadata', 'import.header', /expected 2 metadata lines and the header on line 3, found the header on line 1/],
    ['missing-column', 'import.header', /expected columns .*Pand_energieklasse/],
    ['latin1', 'import.encoding', /expected UTF-8 text, found byte 0xe9/],
    ['utf16', 'import.encoding', /found UTF-16/],
  ];
  it.each(cases)('%s → %s', async (variant, code, message) => {
    const before = sha(dsFile);
    const src = writeEpOnlineCsv(
      join(dir, `${variant}.csv`),
      [{ vboId: '1674010000000001', label: 'B', registered: '20240301', projectnaam: 'Renovatie Café' }],
      variant,
    );
    const err = await importInto(dsFile, 'eponline', src).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportFormatError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toMatch(message);
    expect(sha(dsFile)).toBe(before);
  });
});
