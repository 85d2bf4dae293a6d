import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { vbo } from '../../engine/monitor/monitor-test-plan.ts';
import { readFinanceFile, readStatusFile } from './finance-import.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-finance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finance and status files', () => {
  it('reads an XLSX export of the financial system in the documented layout', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Boekingen');
    ws.addRow(['Referentie', 'Soort', 'Datum', 'Bedrag (EUR)', 'Bron', 'VBO-id', 'Batch-id', 'Corrigeert']);
    ws.addRow(['F-1', 'Betaald', new Date(Date.UTC(2027, 1, 3)), 1234.5, 'VHF', vbo(1), null, null]);
    ws.addRow(['F-2', 'toegezegd', '2027-02-04', '370,35', 'cofinanciering', null, '2026-najaar:K1', 'F-0']);
    const file = join(dir, 'boekingen.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await readFinanceFile(file);
    expect(r.rejected).toEqual([]);
    expect(r.read).toBe(2);
    expect(r.records.map((x) => x.record)).toEqual([
      {
        reference: 'F-1',
        kind: 'betaald',
        date: '2027-02-03',
        amountEur: 1234.5,
        source: 'vhf',
        vboId: vbo(1),
        batchId: null,
        corrects: null,
      },
      {
        reference: 'F-2',
        kind: 'toegezegd',
        date: '2027-02-04',
        amountEur: 370.35,
        source: 'cofinanciering',
        vboId: null,
        batchId: '2026-najaar:K1',
        corrects: 'F-0',
      },
    ]);
  });

  it('rejects rows naming file, row and column, and counts read = accepted + rejected', async () => {
    const file = join(dir, 'status.csv');
    writeFileSync(
      file,
      `vbo_id;status;datum\n${vbo(1)};uitgenodigd;2026-05-01\n${vbo(2)};klaar;2026-05-01\n123;akkoord;31-02-2026\n`,
    );
    const r = await readStatusFile(file);
    expect(r.read).toBe(3);
    expect(r.records).toHaveLength(1);
    expect(r.rejected.map((i) => [i.code, i.path?.slice(1)])).toEqual([
      ['monitor.record.invalid', ['rij 3', 'status']],
      ['monitor.record.invalid', ['rij 4', 'vbo_id']],
      ['monitor.record.invalid', ['rij 4', 'datum']],
    ]);
  });
});
