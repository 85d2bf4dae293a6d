import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { ImportFormatError } from './import-error.ts';
import { readHead, sniffText, type SniffOptions } from './text-sniff.ts';
import { zipProblem } from './zip-integrity.ts';

/** A column the importer reads, with the names registers use for it (compared case- and punctuation-insensitively). */
export interface ColumnSpec {
  key: string;
  aliases: readonly string[];
}

export interface TableSpec extends SniffOptions {
  columns: readonly ColumnSpec[];
  /** Keys that must be present. */
  required?: readonly string[];
  /** Each requirement lists alternative key groups; one group must be present completely (e.g. BAG id, or postcode + huisnummer). */
  anyOf?: readonly (readonly (readonly string[])[])[];
  /** Column names that must not be in the file at all (personal data; docs/domain.md §6). */
  forbidden?: readonly string[];
}

/** One data row: its locator, the mapped values, and a problem that makes the whole row unreadable. */
export interface SourceRow {
  row: string;
  values: Record<string, string | undefined>;
  problem?: { field: string; reason: string; message: string };
}

export interface TableSource {
  /** 'csv' or 'xlsx', decided from the file's first bytes. */
  format: 'csv' | 'xlsx';
  /** Lines before the header (CSV only). */
  preamble: string[];
  rows: AsyncGenerator<SourceRow>;
}

/** Lower case, accents and punctuation folded to '_', so "BAG-id", "bag id" and "Bag_ID" compare equal. */
export const normaliseName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

function describeRequired(spec: TableSpec): string {
  const name = (k: string) => spec.columns.find((c) => c.key === k)?.aliases[0] ?? k;
  const parts = (spec.required ?? []).map(name);
  for (const alternatives of spec.anyOf ?? []) {
    const text = alternatives.map((g) => g.map(name).join(' + ')).join(' or ');
    parts.push(alternatives.length > 1 ? `(${text})` : text);
  }
  return `columns ${parts.join(', ')}`;
}

/** Maps header cells to column keys and checks required and forbidden columns; returns key → column index. */
export function mapHeader(file: string, header: string[], spec: TableSpec): Map<string, number> {
  const names = header.map(normaliseName);
  const forbidden = new Set((spec.forbidden ?? []).map(normaliseName));
  const bad = header.filter((_, i) => forbidden.has(names[i]!));
  if (bad.length > 0) {
    throw new ImportFormatError(
      'import.forbidden-column',
      file,
      'no personal data (names, BSN, contact details)',
      `column(s) ${bad.join(', ')}; remove them before importing`,
    );
  }
  const index = new Map<string, number>();
  for (const c of spec.columns) {
    const i = names.findIndex((n) => c.aliases.some((a) => normaliseName(a) === n));
    if (i >= 0) index.set(c.key, i);
  }
  const missing = (spec.required ?? []).filter((k) => !index.has(k));
  const groupOk = (spec.anyOf ?? []).every((alternatives) => alternatives.some((g) => g.every((k) => index.has(k))));
  if (missing.length > 0 || !groupOk) {
    throw new ImportFormatError(
      'import.header',
      file,
      describeRequired(spec),
      `header ${header.map((h) => JSON.stringify(h)).join(', ')}`,
    );
  }
  return index;
}

function rowValues(
  cells: readonly (string | undefined)[],
  index: Map<string, number>,
): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, i] of index) values[key] = cells[i];
  return values;
}

/** Opens a CSV or XLSX register and streams its rows (csv-parse stream / exceljs streaming reader). */
export function openTable(file: string, spec: TableSpec): TableSource {
  const head = readHead(file, 4);
  if (head[0] === 0x50 && head[1] === 0x4b) return { format: 'xlsx', preamble: [], rows: xlsxRows(file, spec) };
  const layout = sniffText(file, spec);
  const index = mapHeader(file, layout.header, spec);
  return {
    format: 'csv',
    preamble: layout.preamble,
    rows: csvRows(file, layout.delimiter, layout.headerLine, layout.header.length, index),
  };
}

async function* csvRows(
  file: string,
  delimiter: string,
  headerLine: number,
  width: number,
  index: Map<string, number>,
): AsyncGenerator<SourceRow> {
  const parser = createReadStream(file).pipe(
    parse({
      delimiter,
      from_line: headerLine + 1,
      relax_column_count: true,
      bom: true,
      skip_empty_lines: true,
      info: true,
      trim: false,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const row = String(info.lines);
      if (record.length !== width) {
        yield {
          row,
          values: {},
          problem: {
            field: '(row)',
            reason: 'invalid.column-count',
            message: `expected ${width} fields, found ${record.length}`,
          },
        };
      } else if (record.some((v) => v.includes('\uFFFD'))) {
        yield {
          row,
          values: {},
          problem: {
            field: '(row)',
            reason: 'invalid.encoding',
            message: 'expected UTF-8, found bytes that are not UTF-8',
          },
        };
      } else {
        yield { row, values: rowValues(record, index) };
      }
    }
  } catch (err) {
    // csv-parse 6 codes are e.g. INVALID_OPENING_QUOTE (no CSV_ prefix): match the class, so every syntax error is coded.
    if (
      err instanceof CsvError ||
      (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('CSV_'))
    ) {
      throw new ImportFormatError(
        'import.syntax',
        file,
        `well-formed CSV separated by '${delimiter === '\t' ? 'tab' : delimiter}'`,
        err.message,
      );
    }
    throw err;
  }
}

/** A spreadsheet cell as text: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText))
      return (v.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return `#${String(v.error)}`;
  }
  return String(v);
}

async function* xlsxRows(file: string, spec: TableSpec): AsyncGenerator<SourceRow> {
  // exceljs's streaming reader never settles on some damaged deflate data: check the container first.
  const problem = zipProblem(file);
  if (problem !== null)
    throw new ImportFormatError('import.format', file, 'an XLSX workbook', `a damaged ZIP container: ${problem}`);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let index: Map<string, number> | null = null;
  let width = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells = (row.values as unknown[]).slice(1).map(cellText);
        if (index === null) {
          if (cells.every((c) => c === undefined || c.trim() === '')) continue;
          const header = cells.map((c) => (c ?? '').trim());
          index = mapHeader(file, header, spec);
          width = header.length;
          continue;
        }
        if (cells.every((c) => c === undefined || c.trim() === '')) continue;
        const locator = `${(sheet as unknown as { name?: string }).name ?? 'blad1'}!${row.number}`;
        if (cells.length > width && cells.slice(width).some((c) => c !== undefined && c.trim() !== '')) {
          yield {
            row: locator,
            values: {},
            problem: {
              field: '(row)',
              reason: 'invalid.column-count',
              message: `expected ${width} columns, found ${cells.length}`,
            },
          };
          continue;
        }
        yield { row: locator, values: rowValues(cells, index) };
      }
      break; // the register is the first worksheet
    }
  } catch (err) {
    if (err instanceof ImportFormatError) throw err;
    throw new ImportFormatError(
      'import.format',
      file,
      'an XLSX workbook',
      `a file exceljs cannot read (${(err as Error).message})`,
    );
  }
  if (index === null)
    throw new ImportFormatError('import.header', file, describeRequired(spec), 'an empty first worksheet');
}
