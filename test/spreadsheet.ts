import XLSX from 'xlsx';

/**
 * Opens an export the way a spreadsheet user does, with SheetJS — a different library from the writer (exceljs)
 * whose CSV import guesses types like Excel does (16-digit numbers become numbers, "1-2" becomes a date), so a
 * test that reads a cell's type fails when a writer lets a spreadsheet retype it.
 */
export interface ReadCell {
  /** s = text, n = number, d = date, b = boolean. */
  type: 's' | 'n' | 'd' | 'b' | 'e' | 'z';
  value: string | number | boolean | Date | undefined;
  /** The formula, when the cell holds one (a CSV cell `="…"`). */
  formula?: string;
}

export type ReadSheet = ReadCell[][];

function sheetRows(ws: XLSX.WorkSheet): ReadSheet {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
  const rows: ReadSheet = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: ReadCell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      row.push(
        cell
          ? { type: cell.t, value: cell.v as ReadCell['value'], ...(cell.f ? { formula: cell.f } : {}) }
          : { type: 'z', value: undefined },
      );
    }
    rows.push(row);
  }
  return rows;
}

/** A Dutch CSV (`;`, BOM) as the rows a spreadsheet shows, with the types it gives each cell. */
export function openCsv(text: string | Buffer): ReadSheet {
  const s = (typeof text === 'string' ? text : text.toString('utf8')).replace(/^\uFEFF/, '');
  const wb = XLSX.read(s, { type: 'string', FS: ';', cellDates: true, raw: false });
  return sheetRows(wb.Sheets[wb.SheetNames[0]!]!);
}

/** Every sheet of an XLSX file by name, with the cell types stored in the file. */
export function openXlsx(buf: Buffer): Map<string, ReadSheet> {
  const wb = XLSX.read(buf, { type: 'buffer', cellDates: true });
  return new Map(wb.SheetNames.map((n) => [n, sheetRows(wb.Sheets[n]!)]));
}

/** The column of a header cell in a sheet (header row found by its text). */
export function column(sheet: ReadSheet, header: string): { headerRow: number; col: number } {
  for (let r = 0; r < sheet.length; r++) {
    const c = sheet[r]!.findIndex((x) => x.value === header);
    if (c >= 0) return { headerRow: r, col: c };
  }
  throw new Error(`no header "${header}" in the sheet`);
}

/** The cells below a header, up to the first empty one. */
export function columnCells(sheet: ReadSheet, header: string): ReadCell[] {
  const { headerRow, col } = column(sheet, header);
  const out: ReadCell[] = [];
  for (let r = headerRow + 1; r < sheet.length && sheet[r]![col]!.type !== 'z'; r++) out.push(sheet[r]![col]!);
  return out;
}

/**
 * The wall-clock date and time of a date cell as `YYYY-MM-DD hh:mm:ss`. Spreadsheet dates carry no zone; SheetJS
 * hands them out as a local Date (tests run with TZ=Europe/Amsterdam), so the local fields are the cell's value.
 */
export function wallClock(v: ReadCell['value']): string {
  if (!(v instanceof Date)) throw new Error(`not a date cell value: ${String(v)}`);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${two(v.getMonth() + 1)}-${two(v.getDate())} ${two(v.getHours())}:${two(v.getMinutes())}:${two(v.getSeconds())}`;
}
