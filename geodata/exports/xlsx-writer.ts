import ExcelJS from 'exceljs';
import type { ColumnKind, ExportTable, ExportValue } from '../../engine/acquisition/export-table.ts';
import {
  EXPORTED_AT_LABEL,
  EXPORT_TIME_ZONE,
  SYNTHETIC_NOTE,
  amsterdamParts,
  amsterdamTime,
  metaLines,
  type ExportMeta,
} from './export-meta.ts';

/**
 * The one XLSX writer of the product (exceljs), the primary download: the table sheet ("Verwervingslijst" unless
 * the caller names it) opens with the export's title, who/when/dataset/purpose and — for synthetic data — the
 * warning, then the table (typed cells, filter, frozen header); sheet "Over deze export" holds every metadata line.
 * The workbook properties repeat author, title and the synthetic mark.
 *
 * Cell types are explicit, so no spreadsheet guesses: `text` columns are string cells with the text format `@`
 * (16-digit BAG ids, KvK numbers and class labels such as "1-2" or "6+" stay exactly as written, also after an
 * edit); numbers are number cells; `date` columns and the export time are date cells (Excel dates carry no zone:
 * the export time is the Europe/Amsterdam wall clock, the zone is stated beside it). String cells are never
 * evaluated, so text needs no formula neutralisation here (the CSV writer does that).
 */
export const TABLE_SHEET = 'Verwervingslijst';
export const META_SHEET = 'Over deze export';
/** Row of the table header in the table sheet (after three lines of context). */
export const HEADER_ROW = 4;

export interface XlsxOptions {
  /** Name of the table sheet; default TABLE_SHEET (the acquisition list). Excel allows at most 31 characters, none of \ / ? * [ ] :. */
  sheetName?: string;
}

const NUM_FMT: Partial<Record<ColumnKind, string>> = { text: '@', decimal: '0.0##', date: 'dd-mm-yyyy' };

/** A value as the cell it becomes: strings for text (never a number), a Date (00:00 UTC = that day) for ISO dates. */
export function xlsxValue(v: ExportValue, kind: ColumnKind): string | number | Date | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (kind === 'date') {
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
    if (!m) throw new Error(`xlsx-writer: date column holds "${String(v)}", expected YYYY-MM-DD`);
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  if (kind === 'text') return String(v);
  return v;
}

/** The workbook as a Node Buffer (server and CLI exports). */
export async function toXlsx(table: ExportTable, meta: ExportMeta, opts: XlsxOptions = {}): Promise<Buffer> {
  return Buffer.from(await toXlsxBytes(table, meta, opts));
}

/** The workbook as bytes, without Node's Buffer (the compare page builds its chart download in the browser). */
export async function toXlsxBytes(
  table: ExportTable,
  meta: ExportMeta,
  opts: XlsxOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  return toXlsxSheetsBytes([{ sheetName: opts.sheetName ?? TABLE_SHEET, table }], meta);
}

/** One table sheet of a workbook with several (the progress report: one sheet per chart's figures). */
export interface XlsxSheet {
  sheetName: string;
  table: ExportTable;
  /** Line under the context lines naming what the sheet holds; the table then starts one row lower. */
  title?: string;
}

/**
 * A workbook of several table sheets, each opening with the export's title and context like the single-table
 * export, then "Over deze export". Sheet names must be valid and distinct.
 */
export async function toXlsxSheetsBytes(
  sheets: readonly XlsxSheet[],
  meta: ExportMeta,
): Promise<Uint8Array<ArrayBuffer>> {
  const names = new Set<string>();
  for (const { sheetName } of sheets) {
    // A bad name is a programming error (names are constants), so it throws instead of returning a Result.
    if (
      sheetName.length === 0 ||
      sheetName.length > 31 ||
      /[\\/?*[\]:]/.test(sheetName) ||
      sheetName === META_SHEET ||
      names.has(sheetName)
    ) {
      throw new Error(
        `toXlsx: sheet name "${sheetName}" is not a valid, distinct Excel sheet name (1–31 characters, none of \\ / ? * [ ] :)`,
      );
    }
    names.add(sheetName);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = `${meta.exportedBy.name} (rol ${meta.exportedBy.role})`;
  wb.title = `voorraad — ${meta.title}`;
  wb.subject = meta.dataset.synthetic ? SYNTHETIC_NOTE : meta.dataset.name;
  wb.description = `Doel: ${meta.purpose.id}. Dataset: ${meta.dataset.name} (peildatum ${meta.dataset.dataDate}).`;
  wb.created = new Date(meta.exportedAt);
  wb.modified = wb.created;
  for (const sheet of sheets) addTableSheet(wb, sheet, meta);
  addMetaSheet(wb, meta);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addTableSheet(
  wb: ExcelJS.Workbook,
  { sheetName, table, title: sheetTitle }: XlsxSheet,
  meta: ExportMeta,
): void {
  const headerRow = sheetTitle === undefined ? HEADER_ROW : HEADER_ROW + 1;
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: headerRow }] });
  const title = ws.getRow(1);
  title.getCell(1).value = meta.dataset.synthetic
    ? `voorraad — ${meta.title} · ${SYNTHETIC_NOTE}`
    : `voorraad — ${meta.title}`;
  title.font = { bold: true, size: 13, color: { argb: meta.dataset.synthetic ? 'FF8A5A00' : 'FF1F4E8C' } };
  ws.getRow(2).getCell(1).value =
    `Geëxporteerd door ${meta.exportedBy.name} (rol ${meta.exportedBy.role}) op ${amsterdamTime(meta.exportedAt)} · dataset ${meta.dataset.name} (peildatum ${meta.dataset.dataDate}) · doel ${meta.purpose.id}`;
  if (sheetTitle !== undefined) {
    ws.getRow(HEADER_ROW).getCell(1).value = sheetTitle;
    ws.getRow(HEADER_ROW).font = { bold: true };
  }
  const header = ws.getRow(headerRow);
  table.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    ws.getColumn(i + 1).width = Math.min(40, Math.max(10, c.header.length + 2));
    const numFmt = NUM_FMT[c.kind];
    if (numFmt) ws.getColumn(i + 1).numFmt = numFmt;
  });
  header.font = { bold: true };
  for (const r of table.rows) ws.addRow(table.columns.map((c) => xlsxValue(r[c.key] ?? null, c.kind)));
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
}

function addMetaSheet(wb: ExcelJS.Workbook, meta: ExportMeta): void {
  const about = wb.addWorksheet(META_SHEET);
  about.columns = [{ width: 22 }, { width: 110 }];
  for (const [k, v] of metaLines(meta)) {
    if (k !== EXPORTED_AT_LABEL) {
      about.addRow([k, v]);
      continue;
    }
    const p = amsterdamParts(meta.exportedAt);
    const row = about.addRow([
      k,
      new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s)),
      `${EXPORT_TIME_ZONE} (${p.zone})`,
    ]);
    row.getCell(2).numFmt = 'dd-mm-yyyy hh:mm:ss';
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  about.getColumn(1).font = { bold: true };
}
