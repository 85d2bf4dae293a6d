import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnCells, openXlsx, wallClock } from '../../test/spreadsheet.ts';
import type { ExportMeta } from './export-meta.ts';
import { HEADER_ROW, META_SHEET, TABLE_SHEET, toXlsx, xlsxValue } from './xlsx-writer.ts';

const meta: ExportMeta = {
  title: 'Proef',
  exportedBy: { name: 'p', role: 'gemeente', via: 'cli' },
  exportedAt: '2025-07-01T10:00:00.000Z',
  dataset: { name: 'Set', dataDate: '2025-01-01', synthetic: true },
  signals: { source: 'none', included: false, window: null },
  purpose: { id: 'verwerving', label: 'Verwerving' },
  rows: 1,
  notes: [],
};
const table = {
  columns: [
    { key: 'a', header: 'A', kind: 'decimal' as const },
    { key: 'b', header: 'B', kind: 'boolean' as const },
  ],
  rows: [{ a: 1.25, b: true }],
};

async function sheets(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('toXlsx', () => {
  it('names the table sheet "Verwervingslijst" by default (the acquisition list), then the metadata sheet', async () => {
    const wb = await sheets(await toXlsx(table, meta));
    expect(TABLE_SHEET).toBe('Verwervingslijst');
    expect(wb.worksheets.map((w) => w.name)).toEqual([TABLE_SHEET, META_SHEET]);
    const ws = wb.getWorksheet(TABLE_SHEET)!;
    expect(ws.getRow(HEADER_ROW + 1).values).toEqual([undefined, 1.25, 'ja']);
    expect(ws.getRow(1).getCell(1).value).toMatch(/SYNTHETISCHE GEGEVENS/);
    expect(ws.getRow(2).getCell(1).value).toMatch(/op 01-07-2025 12:00:00 CEST/);
  });

  it('takes the table sheet name from the caller, written once (no rename pass)', async () => {
    const wb = await sheets(await toXlsx(table, meta, { sheetName: 'VvE-pilot' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['VvE-pilot', META_SHEET]);
    expect(wb.getWorksheet('VvE-pilot')!.getRow(HEADER_ROW).getCell(1).value).toBe('A');
  });

  it('refuses a name Excel would refuse or that collides with the metadata sheet', async () => {
    for (const sheetName of ['', 'a'.repeat(32), 'lijst/2025', 'a:b', META_SHEET]) {
      await expect(toXlsx(table, meta, { sheetName })).rejects.toThrow(/not a valid, distinct Excel sheet name/);
    }
  });

  it('refuses a date column value that is not YYYY-MM-DD (a bug in the table)', () => {
    expect(() => xlsxValue('1-2-2025', 'date')).toThrow(/expected YYYY-MM-DD/);
    expect(xlsxValue(164010000012345, 'text')).toBe('164010000012345');
  });

  it('a different reader (SheetJS) sees ids and class labels as text, numbers as numbers, dates and the export time as dates', async () => {
    const typed = {
      columns: [
        { key: 'id', header: 'BAG-id', kind: 'text' as const },
        { key: 'k', header: 'Klasse', kind: 'text' as const },
        { key: 'n', header: 'Score', kind: 'decimal' as const },
        { key: 'd', header: 'Peildatum', kind: 'date' as const },
        { key: 'f', header: 'Tekst', kind: 'text' as const },
      ],
      rows: [
        { id: '0164010000012345', k: '1-2', n: 1.234e-7, d: '2025-01-01', f: '=1+1' },
        { id: '0164010000012346', k: '6+', n: 70, d: '2025-12-31', f: '@x' },
      ],
    };
    const book = openXlsx(await toXlsx(typed, meta));
    const ws = book.get(TABLE_SHEET)!;
    expect(columnCells(ws, 'BAG-id').map((c) => [c.type, c.value])).toEqual([
      ['s', '0164010000012345'],
      ['s', '0164010000012346'],
    ]);
    expect(columnCells(ws, 'Klasse').map((c) => [c.type, c.value])).toEqual([
      ['s', '1-2'],
      ['s', '6+'],
    ]);
    expect(columnCells(ws, 'Score').map((c) => [c.type, c.value])).toEqual([
      ['n', 1.234e-7],
      ['n', 70],
    ]);
    expect(columnCells(ws, 'Peildatum').map((c) => [c.type, wallClock(c.value)])).toEqual([
      ['d', '2025-01-01 00:00:00'],
      ['d', '2025-12-31 00:00:00'],
    ]);
    expect(columnCells(ws, 'Tekst').map((c) => [c.type, c.value, c.formula])).toEqual([
      ['s', '=1+1', undefined],
      ['s', '@x', undefined],
    ]);
    const about = book.get(META_SHEET)!;
    const at = about.find((r) => r[0]!.value === 'Geëxporteerd op')!;
    expect(at[1]!.type).toBe('d');
    // 10:00 UTC on 1 July is 12:00 summer time in Amsterdam: the cell holds the Dutch wall clock.
    expect(wallClock(at[1]!.value)).toBe('2025-07-01 12:00:00');
    expect(at[2]!.value).toBe('Europe/Amsterdam (CEST)');
  });
});
