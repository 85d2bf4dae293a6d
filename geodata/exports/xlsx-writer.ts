import ExcelJS from 'exceljs';
import type { ExportTable } from '../../engine/acquisition/export-table.ts';
import { SYNTHETIC_NOTE, metaLines, type ExportMeta } from './export-meta.ts';

/**
 * XLSX (exceljs): the table sheet ("Verwervingslijst" unless the caller names it) opens with the export's title,
 * who/when/dataset/purpose and — for synthetic data — the warning, then the table (typed cells, filter, frozen
 * header); sheet "Over deze export" holds every metadata line. The workbook properties repeat author, title and
 * the synthetic mark.
 */
export const TABLE_SHEET = 'Verwervingslijst';
export const META_SHEET = 'Over deze export';
/** Row of the table header in the table sheet (after three lines of context). */
export const HEADER_ROW = 4;

export interface XlsxOptions {
  /** Name of the table sheet; default TABLE_SHEET (the acquisition list). Excel allows at most 31 characters, none of \ / ? * [ ] :. */
  sheetName?: string;
}

export async function toXlsx(table: ExportTable, meta: ExportMeta, opts: XlsxOptions = {}): Promise<Buffer> {
  const sheetName = opts.sheetName ?? TABLE_SHEET;
  // A bad name is a programming error (names are constants), so it throws instead of returning a Result.
  if (sheetName.length === 0 || sheetName.length > 31 || /[\\/?*[\]:]/.test(sheetName) || sheetName === META_SHEET) {
    throw new Error(`toXlsx: sheet name "${sheetName}" is not a valid, distinct Excel sheet name (1–31 characters, none of \\ / ? * [ ] :)`);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = `${meta.exportedBy.name} (rol ${meta.exportedBy.role})`;
  wb.title = `voorraad — ${meta.title}`;
  wb.subject = meta.dataset.synthetic ? SYNTHETIC_NOTE : meta.dataset.name;
  wb.description = `Doel: ${meta.purpose.id}. Dataset: ${meta.dataset.name} (peildatum ${meta.dataset.dataDate}).`;
  wb.created = new Date(meta.exportedAt);
  wb.modified = wb.created;

  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const title = ws.getRow(1);
  title.getCell(1).value = meta.dataset.synthetic ? `voorraad — ${meta.title} · ${SYNTHETIC_NOTE}` : `voorraad — ${meta.title}`;
  title.font = { bold: true, size: 13, color: { argb: meta.dataset.synthetic ? 'FF8A5A00' : 'FF1F4E8C' } };
  ws.getRow(2).getCell(1).value =
    `Geëxporteerd door ${meta.exportedBy.name} (rol ${meta.exportedBy.role}) op ${meta.exportedAt} · dataset ${meta.dataset.name} (peildatum ${meta.dataset.dataDate}) · doel ${meta.purpose.id}`;
  const header = ws.getRow(HEADER_ROW);
  table.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    ws.getColumn(i + 1).width = Math.min(40, Math.max(10, c.header.length + 2));
    if (c.kind === 'decimal') ws.getColumn(i + 1).numFmt = '0.0';
  });
  header.font = { bold: true };
  for (const r of table.rows) {
    ws.addRow(table.columns.map((c) => {
      const v = r[c.key] ?? null;
      return typeof v === 'boolean' ? (v ? 'ja' : 'nee') : v;
    }));
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: table.columns.length } };

  const about = wb.addWorksheet(META_SHEET);
  about.columns = [{ width: 22 }, { width: 110 }];
  for (const [k, v] of metaLines(meta)) about.addRow([k, v]);
  about.getColumn(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
