import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../engine/registers.ts';
import { DatasetFileError, readDataset } from '../../geodata/dataset-store.ts';
import { GeodataFormatError } from '../../geodata/gpkg/format-error.ts';
import { ImportFormatError, ImportOptionError } from '../../geodata/importers/import-error.ts';
import { rdToWgs84 } from '../../geodata/importers/rd-new.ts';
import { runImport } from '../../geodata/importers/run-import.ts';
import { writeBagGeoJson, writeBagLight } from '../fixtures/importers/bag-light.ts';
import { KALSDONK_RD } from '../fixtures/importers/base-dataset.ts';
import { writeCbsGeoPackage } from '../fixtures/importers/cbs-gpkg.ts';
import { writeEpOnlineCsv } from '../fixtures/importers/eponline-csv.ts';
import { registeredDataset, sha } from '../fixtures/importers/harness.ts';
import {
  PORTFOLIO_HEADER,
  SIGNALS_HEADER,
  SPECIES_HEADER,
  VVE_HEADER,
  writeCsv,
  writeXlsx,
  type Sheet,
} from '../fixtures/importers/registers.ts';
import { check, nastyString, watchProcess } from './fc-settings.ts';
import { mutatedBytes } from './mutate.ts';

/**
 * Every importer (geodata/importers) with mutated copies of valid fixtures — truncated, flipped bytes, inserted
 * delimiters and quotes, BOMs, huge fields, swapped columns, wrong cell types: the import either succeeds with
 * read = accepted + rejected and a readable dataset, or fails with a coded error (ImportFormatError,
 * GeodataFormatError, ImportOptionError, DatasetFileError) and leaves the dataset byte-identical with no
 * temporary file behind. Nothing else may be thrown, nothing may reject unhandled.
 */
const watch = watchProcess();
// tmpfs when there is one: every run rewrites a dataset GeoPackage, ~0.6 s on disk (fsync) vs ~0.07 s in memory.
// Durability under kill -9 is the fault suite's subject (test/faults), not this one's.
const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'voorraad-import-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { file: baseFile } = await registeredDataset(dir, 'base.gpkg');
const baseSha = sha(baseFile);
const [x, y] = KALSDONK_RD;

interface Fixture {
  kind: ImportKind;
  name: string;
  bytes: Buffer;
  sheet?: Sheet;
}

const csvFixture = (kind: ImportKind, name: string, sheet: Sheet): Fixture => ({
  kind,
  name,
  sheet,
  bytes: readFileSync(writeCsv(join(dir, `valid-${name}`), sheet)),
});

const PORTFOLIO: Sheet = [
  PORTFOLIO_HEADER,
  ['100001', '1674010000000008', '', '', '', '', 'C-12', '612,50', 'E', 2027, 'Alwel'],
  ['100002', '', '4702 ab', 100, 'b', '', 'C-12', '598,00', '', 2027, 'Alwel'],
];
const VVE: Sheet = [
  VVE_HEADER,
  ['12345678', 'VvE Flatweg 200', '1674010000000021', '', '', '', '', 10, 2024, 85000, '2024-05-01', '2/3'],
  ['12345678', 'VvE Flatweg 200', '', '4702AB', 200, '', '2', 12, '', '', '', ''],
];
const SPECIES: Sheet = [
  SPECIES_HEADER,
  ['W1', 'Gewone dwergvleermuis', '2024-06-12', x, y + 10, 'Kraamverblijf', 35],
  ['W2', 'Huismus', '12-04-2024', x + 20, y + 20, 'nest', 2],
];
const SIGNALS: Sheet = [
  SIGNALS_HEADER,
  ['1674010000000001', '', '', '2024', 3, 0, 'nee'],
  ['', '4702AB', 2, '2024-Q3', '', 3, ''],
];

const fixtures: Fixture[] = [
  { kind: 'bag', name: 'bag-light.gpkg', bytes: readFileSync(writeBagLight(join(dir, 'valid-bag-light.gpkg'))) },
  { kind: 'bag', name: 'bag.geojson', bytes: readFileSync(writeBagGeoJson(join(dir, 'valid-bag.geojson'))) },
  {
    kind: 'eponline',
    name: 'v20251001_v2_csv.csv',
    bytes: readFileSync(
      writeEpOnlineCsv(join(dir, 'valid-ep.csv'), [
        {
          vboId: '1674010000000001',
          label: 'B',
          registered: '20240301',
          recorded: '20240210',
          gebouwtype: 'Rijwoning hoek',
        },
        {
          vboId: '',
          postcode: '4702AB',
          huisnummer: 7,
          label: 'A+',
          registered: '20220505',
          gebouwtype: 'Vrijstaande woning',
        },
      ]),
    ),
  },
  { kind: 'cbs', name: 'wijkenbuurten.gpkg', bytes: readFileSync(writeCbsGeoPackage(join(dir, 'valid-cbs.gpkg'))) },
  csvFixture('portfolio', 'bezit.csv', PORTFOLIO),
  {
    kind: 'portfolio',
    name: 'bezit.xlsx',
    bytes: readFileSync(await writeXlsx(join(dir, 'valid-bezit.xlsx'), PORTFOLIO)),
  },
  csvFixture('vve', 'vve.csv', VVE),
  { kind: 'vve', name: 'vve.xlsx', bytes: readFileSync(await writeXlsx(join(dir, 'valid-vve.xlsx'), VVE)) },
  csvFixture('species', 'waarnemingen.csv', SPECIES),
  {
    kind: 'species',
    name: 'waarnemingen.geojson',
    bytes: Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { soort: 'Huiszwaluw', datum: '2024-07-01', aantal: 4 },
            geometry: { type: 'Point', coordinates: rdToWgs84(x, y) },
          },
        ],
      }),
    ),
  },
  csvFixture('signals', 'signalen.csv', SIGNALS),
];

const CODED = [ImportFormatError, GeodataFormatError, ImportOptionError, DatasetFileError];
let runId = 0;

/** Imports `bytes` as `name` into a fresh copy of the base dataset and checks the outcome contract. */
async function expectOutcome(f: Fixture, bytes: Uint8Array, label: string): Promise<void> {
  const n = ++runId;
  const work = join(dir, `run-${n}`);
  const dsFile = `${work}.gpkg`;
  copyFileSync(baseFile, dsFile);
  const input = join(dir, `run-${n}-${f.name}`);
  writeFileSync(input, bytes);
  const before = new Set(readdirSync(dir));
  try {
    const r = await runImport({
      kind: f.kind,
      file: input,
      datasetFile: dsFile,
      reportFile: `${work}.rejected.csv`,
      dataDate: '2025-06-01',
    });
    expect(r.summary.read, label).toBe(r.summary.accepted + r.summary.rejected);
    expect(
      Object.values(r.summary.reasons).reduce((a, b) => a + b, 0),
      label,
    ).toBe(r.summary.rejected);
    expect(() => readDataset(dsFile, { restricted: true }), label).not.toThrow();
  } catch (err) {
    const coded = CODED.some((C) => err instanceof C);
    expect(
      coded,
      `${label}: uncoded ${(err as Error)?.constructor?.name}: ${(err as Error)?.stack ?? String(err)}`,
    ).toBe(true);
    expect(typeof (err as { code?: unknown }).code === 'string' || err instanceof ImportOptionError, label).toBe(true);
    expect(sha(dsFile), `${label}: dataset changed by a failed import`).toBe(baseSha);
  }
  const left = readdirSync(dir).filter((e) => !before.has(e) && e !== `run-${n}.rejected.csv`);
  expect(left, `${label}: files left behind`).toEqual([]);
}

/** A CSV/XLSX sheet with one cell, row or column changed: wrong types, huge values, swapped or dropped columns. */
const sheetEdit = (sheet: Sheet) =>
  fc
    .oneof(
      fc.record({
        kind: fc.constant('cell' as const),
        row: fc.nat(),
        col: fc.nat(),
        value: fc.oneof(nastyString(), fc.double(), fc.constantFrom(null, -1, 1e308, 0)),
      }),
      fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('drop-col' as const), col: fc.nat() }),
      fc.record({ kind: fc.constant('dup-col' as const), col: fc.nat() }),
      fc.record({ kind: fc.constant('ragged' as const), row: fc.nat(), cut: fc.nat() }),
    )
    .map((e): Sheet => {
      const s = sheet.map((r) => [...r]);
      const w = s[0]!.length;
      switch (e.kind) {
        case 'cell': {
          const r = s[e.row % s.length]!;
          r[e.col % w] = e.value as string | number | null;
          break;
        }
        case 'swap':
          for (const r of s) {
            const [a, b] = [e.a % w, e.b % w];
            [r[a], r[b]] = [r[b]!, r[a]!];
          }
          break;
        case 'drop-col':
          for (const r of s) r.splice(e.col % w, 1);
          break;
        case 'dup-col':
          for (const r of s) r.push(r[e.col % w]!);
          break;
        case 'ragged': {
          const r = s[1 + (e.row % (s.length - 1))]!;
          r.length = e.cut % w;
          break;
        }
      }
      return s;
    });

describe('importers with mutated input files', () => {
  it('the valid fixtures import (so the mutations start from files that work)', async () => {
    for (const f of fixtures) await expectOutcome(f, f.bytes, `valid ${f.name}`);
  });

  for (const f of fixtures) {
    it(`${f.kind} ${f.name}: mutated bytes end in a coded error (dataset untouched) or a consistent import`, async () => {
      await check(
        fc.asyncProperty(mutatedBytes(f.bytes), async (b) =>
          expectOutcome(f, b, `${f.name} ${b.subarray(0, 120).toString('latin1')}`),
        ),
        10,
      );
    });
  }

  for (const f of fixtures.filter((g) => g.sheet)) {
    it(`${f.kind} ${f.name}: swapped, dropped and duplicated columns, ragged rows and wrong cell types`, async () => {
      await check(
        fc.asyncProperty(
          sheetEdit(f.sheet!),
          fc.constantFrom(';', ','),
          fc.boolean(),
          async (sheet, delimiter, xlsx) => {
            const file = join(dir, `sheet-${++runId}`);
            const bytes = xlsx
              ? readFileSync(await writeXlsx(`${file}.xlsx`, sheet))
              : readFileSync(writeCsv(`${file}.csv`, sheet, { delimiter }));
            await expectOutcome(
              { ...f, name: xlsx ? f.name.replace(/\.csv$/, '.xlsx') : f.name },
              bytes,
              `${f.name} ${JSON.stringify(sheet).slice(0, 300)}`,
            );
          },
        ),
        8,
      );
    });
  }

  it('no unhandled rejection or uncaught exception', () => {
    watch.stop();
    expect(watch.seen).toEqual([]);
  });
});
