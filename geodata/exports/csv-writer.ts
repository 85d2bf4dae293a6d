import type { ColumnKind, ExportTable, ExportValue } from '../../engine/acquisition/export-table.ts';
import { metaLines, type ExportMeta } from './export-meta.ts';

/**
 * The one CSV writer of the product, for Dutch Excel and LibreOffice: UTF-8 with BOM, `;` separator, CRLF, decimal
 * comma without grouping and never an exponent (a Dutch spreadsheet reads `1,234e-7` as text), `ja`/`nee` for
 * booleans, ISO dates (`YYYY-MM-DD`, read as dates everywhere). Every CSV the product writes goes through here.
 *
 * Text cells:
 * - Formula neutralisation (OWASP "CSV injection"): text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 *   apostrophe, so a spreadsheet shows it instead of running it.
 * - Text a spreadsheet would turn into a number or date (16-digit BAG ids lose their last digit and leading zero,
 *   class labels "1-2"/"3-5" become dates, "6+" becomes 6) is written as the string formula `="…"`: Excel,
 *   LibreOffice and Google Sheets show the exact text and keep it text (a lookup against the id still matches).
 *   This is the only form in which a cell starts with `=`, and only for text made of digits and punctuation — it
 *   can carry no function call. The XLSX (xlsx-writer.ts) is the primary download and needs no such form.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

/** A month name or abbreviation (Dutch or English) that spreadsheets read in dates such as "1-jan". */
const MONTH = '(jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*';

/** Looks like something a spreadsheet types on import: a number, percentage, date, time, fraction or "6+"-style count. */
const SPREADSHEET_TYPED = [
  /^[+-]?[\d\s.,]*\d[\d\s.,]*%?$/, // numbers with either decimal mark or grouping, percentages
  /^[+-]?\d+([.,]\d+)?[eE][+-]?\d+$/, // exponent notation
  /^\d+\s*\+$/, // "6+" (LibreOffice reads it as 6)
  /^\d{1,4}\s*[-/.–]\s*\d{1,4}(\s*[-/.]\s*\d{1,4})?$/, // dates and ranges: 1-2, 3/5, 2025-01-01, 1.2.3
  /^\d{1,2}:\d{2}(:\d{2})?$/, // times
  new RegExp(`^\\d{1,2}[-\\s/.]?${MONTH}\\.?([-\\s/.]?\\d{2,4})?$`, 'i'), // 1-jan, 3 mrt 2025
  new RegExp(`^${MONTH}\\.?[-\\s/.]\\d{1,4}$`, 'i'), // jan-25, mrt 2025
];

export function looksSpreadsheetTyped(text: string): boolean {
  const t = text.trim();
  return t !== '' && SPREADSHEET_TYPED.some((re) => re.test(t));
}

/** Quotes a field that contains the separator, a quote or a line break (RFC 4180 style). */
function quoted(field: string): string {
  return /[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A text cell, neutralised and kept text (see the module comment). */
export function textCell(text: string): string {
  if (looksSpreadsheetTyped(text) && !/["\r\n]/.test(text)) return `="${text}"`;
  return quoted(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
}

/**
 * A finite number in plain decimal notation with a `.` (shortest round-trip digits, exponent expanded).
 * A non-finite number is a bug in the caller (exports hold measured or computed figures), so it throws.
 */
export function plainDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`csv-writer: cannot write the non-finite number ${x}`);
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  const neg = s.startsWith('-');
  const [int = '', frac = ''] = s.slice(neg ? 1 : 0, e).split('.');
  const digits = int + frac;
  const point = int.length + exp;
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${body}` : body;
}

/** A number with a decimal comma, no grouping, no exponent; `integer` columns are rounded. */
export function dutchNumber(x: number, kind: ColumnKind = 'decimal'): string {
  return plainDecimal(kind === 'integer' ? Math.round(x) : x).replace('.', ',');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One field of a row, formatted by its column kind. */
export function csvField(v: ExportValue, kind: ColumnKind = 'text'): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (kind === 'date') {
    if (typeof v !== 'string' || !ISO_DATE.test(v))
      throw new Error(`csv-writer: date column holds "${String(v)}", expected YYYY-MM-DD`);
    return v;
  }
  if (typeof v === 'number' && (kind === 'integer' || kind === 'decimal')) return dutchNumber(v, kind);
  return textCell(typeof v === 'number' ? plainDecimal(v) : v);
}

/** One row (without line end); `kinds[i]` types `values[i]`, text when absent. */
export function csvRow(values: readonly ExportValue[], kinds: readonly ColumnKind[] = []): string {
  return values.map((v, i) => csvField(v, kinds[i] ?? 'text')).join(CSV_SEPARATOR);
}

/** Whole lines (already made by csvRow) as a file: BOM, CRLF after every line. */
export function csvDocument(lines: readonly string[]): string {
  return `${CSV_BOM}${lines.map((l) => `${l}${CSV_NEWLINE}`).join('')}`;
}

/** The header line and one line per row of a table. */
export function tableLines(table: ExportTable): string[] {
  const kinds = table.columns.map((c) => c.kind);
  return [
    csvRow(table.columns.map((c) => c.header)),
    ...table.rows.map((r) =>
      csvRow(
        table.columns.map((c) => r[c.key] ?? null),
        kinds,
      ),
    ),
  ];
}

/**
 * A table as a Dutch CSV file. With `meta` (every user-facing export), the metadata comes first as `label;value`
 * lines, then one empty line, then the table with its header; without it (machine-facing tables such as scenario
 * results, which carry a `synthetisch` column instead) the file is the table alone.
 */
export function toDutchCsv(table: ExportTable, meta?: ExportMeta): string {
  const head = meta
    ? [...metaLines(meta).map(([k, v]) => csvRow([k, v], ['text', typeof v === 'number' ? 'integer' : 'text'])), '']
    : [];
  return csvDocument([...head, ...tableLines(table)]);
}
