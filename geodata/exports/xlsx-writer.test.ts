import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportMeta } from './export-meta.ts';
import { HEADER_ROW, META_SHEET, TABLE_SHEET, toXlsx } from './xlsx-writer.ts';

const meta: ExportMeta = {
  title: 'Proef', exportedBy: { name: 'p', role: 'gemeente', via: 'cli' }, exportedAt: '2025-03-01T10:00:00.000Z',
  dataset: { name: 'Set', dataDate: '2025-01-01', synthetic: true }, signals: { source: 'none', included: false, window: null },
  purpose: { id: 'verwerving', label: 'Verwerving' }, rows: 1, notes: [],
};
const table = { columns: [{ key: 'a', header: 'A', kind: 'decimal' as const }, { key: 'b', header: 'B', kind: 'boolean' as const }], rows: [{ a: 1.25, b: true }] };

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
});
