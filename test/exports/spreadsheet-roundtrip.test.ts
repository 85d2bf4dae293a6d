import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnKind, ExportValue } from '../../engine/acquisition/export-table.ts';
import { DWELLING_TYPE_NL, OWNERSHIP_NL } from '../../engine/labels-nl.ts';
import { EXPORTED_AT_LABEL, amsterdamTime } from '../../geodata/exports/export-meta.ts';
import { META_SHEET } from '../../geodata/exports/xlsx-writer.ts';
import { openInLibreOffice } from '../libreoffice.ts';
import { wallClock, type ReadCell, type ReadSheet } from '../spreadsheet.ts';
import { WRITER_MODULES, allExports, type CatalogueFile } from './export-catalogue.ts';

/**
 * Every CSV and XLSX the product writes, opened in LibreOffice Calc with Dutch import settings (test/libreoffice.ts):
 * each cell must come back with the type and value its writer was given — identifiers, postcodes, KvK numbers and
 * class labels as text with every character, amounts as numbers, dates as date cells — and each file must state its
 * export time in Europe/Amsterdam and the synthetic data.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT = 240_000;
/** Export columns that hold a dwelling type or a tenure. */
const TYPE_OR_TENURE = /^(type|woningtype|eigendom|eigendom_categorie|ownership)$/i;

/** A control file: bare values as a careless writer would put them; Calc must retype them, or the test proves nothing. */
const CONTROL = '\uFEFFid;klasse;aantal;bedrag\r\n0363010000123456;1-2;6+;1,5\r\n';

let files: CatalogueFile[];
let opened: Map<string, Map<string, ReadSheet>>;

beforeAll(async () => {
  files = await allExports();
  opened = await openInLibreOffice([
    ...files.map((f) => ({ name: f.name, body: f.body })),
    { name: 'control.csv', body: CONTROL },
  ]);
}, TIMEOUT);

const firstSheet = (name: string): ReadSheet => [...opened.get(name)!.values()][0]!;

function tableSheet(f: CatalogueFile): ReadSheet {
  const book = opened.get(f.name)!;
  if (f.name.endsWith('.csv')) return [...book.values()][0]!;
  const sheet = book.get(f.sheet!);
  if (!sheet) throw new Error(`${f.name}: no sheet "${f.sheet}" (sheets: ${[...book.keys()].join(', ')})`);
  return sheet;
}

/** The row index of the table header: the first row whose first cells are exactly the column headers. */
function headerRow(sheet: ReadSheet, headers: readonly string[]): number {
  const r = sheet.findIndex((row) => headers.every((h, i) => row[i]?.type === 's' && row[i]?.value === h));
  if (r < 0) throw new Error(`no header row ${headers.slice(0, 3).join(';')}…`);
  return r;
}

/** What a cell must show for a value of a column, as [type, value]. */
function expected(v: ExportValue, kind: ColumnKind, csv: boolean): [ReadCell['type'], unknown] {
  if (v === null) return ['z', undefined];
  if (typeof v === 'boolean') return ['s', v ? 'ja' : 'nee'];
  if (kind === 'date') return ['d', `${String(v)} 00:00:00`];
  if (typeof v === 'number' && (kind === 'integer' || kind === 'decimal'))
    return ['n', kind === 'integer' ? Math.round(v) : v];
  const text = String(v);
  // The CSV writer's formula neutralisation: a leading apostrophe, which Calc shows as part of the text.
  return ['s', csv && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text];
}

function actual(c: ReadCell | undefined): [ReadCell['type'], unknown] {
  if (!c || c.type === 'z') return ['z', undefined];
  if (c.type === 'd') return ['d', wallClock(c.value)];
  return [c.type, c.value];
}

/**
 * Equal as a spreadsheet holds it: numbers to 15 significant digits, the precision Excel and Calc keep (a coordinate
 * written as 4.440600000000001 is read back as 4.4406); everything else exactly.
 */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a.toPrecision(15) === b.toPrecision(15);
  return a === b;
}

function metaValue(sheet: ReadSheet, label: string): ReadCell[] {
  const row = sheet.find((r) => r[0]?.value === label);
  if (!row) throw new Error(`no metadata line "${label}"`);
  return row.slice(1);
}

describe('every export opened in LibreOffice Calc (Dutch locale)', () => {
  it('reads a careless CSV the way Excel does: ids become numbers, "1-2" a date, "6+" the number 6', () => {
    const [, row] = firstSheet('control.csv');
    expect(row!.map((c) => c.type)).toEqual(['n', 'd', 'n', 'n']);
    expect(row![0]!.value).not.toBe('0363010000123456');
    expect(row![2]!.value).toBe(6);
    expect(row![3]!.value).toBe(1.5);
  });

  it('covers every module that writes a CSV or XLSX through the shared writers', () => {
    const users: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) {
          if (e !== 'node_modules' && !e.startsWith('.')) walk(p);
        } else if (p.endsWith('.ts') && !/\.(test|bench)\.ts$/.test(p) && !/-bench-/.test(p)) {
          if (/from '[^']*\/(csv-writer|xlsx-writer)\.ts'/.test(readFileSync(p, 'utf8'))) users.push(relative(ROOT, p));
        }
      }
    };
    for (const d of ['engine', 'geodata', 'server', 'cli', 'workers', 'web/src']) walk(join(ROOT, d));
    const writers = new Set(['geodata/exports/xlsx-writer.ts', 'geodata/exports/csv-writer.ts']);
    expect(users.filter((u) => !writers.has(u)).sort()).toEqual([...WRITER_MODULES].sort());
  });

  it('opens every file: each has its table, header and one row per exported row', () => {
    for (const f of files) {
      const sheet = tableSheet(f);
      const h = headerRow(
        sheet,
        f.table.columns.map((c) => c.header),
      );
      const body = sheet.slice(h + 1).filter((row) => row.some((c) => c.type !== 'z'));
      expect(body.length, f.name).toBe(f.table.rows.length);
      expect(f.table.rows.length, `${f.name} has rows`).toBeGreaterThan(0);
    }
  });

  it('names dwelling types and tenures from the one Dutch label table (engine/labels-nl.ts)', () => {
    const words = new Set([...Object.values(DWELLING_TYPE_NL), ...Object.values(OWNERSHIP_NL)]);
    const seen = new Set<string>();
    for (const f of files) {
      const sheet = tableSheet(f);
      const headers = f.table.columns.map((c) => c.header);
      const h = headerRow(sheet, headers);
      const cols = headers.flatMap((x, i) => (TYPE_OR_TENURE.test(x) ? [i] : []));
      for (const row of sheet.slice(h + 1))
        for (const i of cols) {
          const v = row[i]?.value;
          if (v === undefined) continue;
          expect(words.has(String(v)), `${f.name} ${headers[i]} "${String(v)}"`).toBe(true);
          seen.add(String(v));
        }
    }
    // The stored "portiek" and "galerij" differ from their Dutch names, so their presence makes this check bite.
    expect([...seen]).toEqual(expect.arrayContaining(['portiekflat', 'galerijflat', 'eigenaar-bewoner']));
  });

  it('keeps the type and value of every cell: text stays text, numbers numbers, dates dates', () => {
    const wrong: string[] = [];
    for (const f of files) {
      const csv = f.name.endsWith('.csv');
      const sheet = tableSheet(f);
      const h = headerRow(
        sheet,
        f.table.columns.map((c) => c.header),
      );
      f.table.rows.forEach((row, i) => {
        f.table.columns.forEach((col, j) => {
          const want = expected(row[col.key] ?? null, col.kind, csv);
          const got = actual(sheet[h + 1 + i]?.[j]);
          if (got[0] !== want[0] || !same(got[1], want[1]))
            wrong.push(`${f.name} row ${i + 1} ${col.header}: ${JSON.stringify(want)} became ${JSON.stringify(got)}`);
        });
      });
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('exercises the values spreadsheets break: 16-digit BAG ids, KvK with a leading zero, postcodes, classes, dates', () => {
    const text = new Set<string>();
    let csvDates = 0,
      xlsxDates = 0;
    for (const f of files) {
      for (const row of f.table.rows)
        for (const col of f.table.columns) {
          const v = row[col.key];
          if (typeof v === 'string' && col.kind !== 'date') text.add(v);
          if (col.kind === 'date' && v != null) {
            if (f.name.endsWith('.csv')) csvDates++;
            else xlsxDates++;
          }
        }
    }
    expect([...text].some((t) => /^\d{16}$/.test(t))).toBe(true);
    expect([...text].some((t) => /^0\d{15}$/.test(t) || /^0\d{7}$/.test(t))).toBe(true);
    expect(text.has('01234567')).toBe(true);
    expect([...text].some((t) => /^\d{4} ?[A-Z]{2}$/.test(t))).toBe(true);
    for (const cls of ['1-2', '3-5', '6+']) expect(text.has(cls), cls).toBe(true);
    expect(csvDates).toBeGreaterThan(0);
    expect(xlsxDates).toBeGreaterThan(0);
  });

  it('states the export time in Europe/Amsterdam (a date cell in XLSX) and the synthetic data', () => {
    for (const f of files) {
      const book = opened.get(f.name)!;
      if (f.exportedAt === undefined) {
        if (f.synthetic) {
          const col = f.table.columns.findIndex((c) => c.key === 'synthetisch');
          expect(col, `${f.name} has a synthetisch column`).toBeGreaterThanOrEqual(0);
        }
        continue;
      }
      if (f.name.endsWith('.csv')) {
        const sheet = [...book.values()][0]!;
        const [at] = metaValue(sheet, EXPORTED_AT_LABEL);
        expect([at!.type, at!.value], f.name).toEqual(['s', amsterdamTime(f.exportedAt)]);
        expect(String(metaValue(sheet, 'Synthetisch')[0]!.value)).toMatch(/^ja — SYNTHETISCHE GEGEVENS/);
      } else {
        const [at, zone] = metaValue(book.get(META_SHEET)!, EXPORTED_AT_LABEL);
        expect(at!.type, f.name).toBe('d');
        // 10:15:30 UTC on 1 July is 12:15:30 summer time in Roosendaal.
        expect(wallClock(at!.value)).toBe('2025-07-01 12:15:30');
        expect(zone!.value).toBe('Europe/Amsterdam (CEST)');
        expect(String(tableSheet(f)[0]![0]!.value)).toContain('SYNTHETISCHE GEGEVENS');
      }
    }
  });
});
