import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rankVves } from '../../engine/vve/vve-assess.ts';
import { rankingBody } from '../../engine/vve/vve-body.ts';
import { DEFAULT_VVE_CONFIG } from '../../engine/vve/vve-config.ts';
import { owners, vveDataset } from '../../engine/vve/vve-fixture.ts';
import { exportVve } from './vve-export.ts';

const ds = vveDataset([{ vveId: 'VVE-A', ownership: [...owners(3, 'corporatie'), ...owners(7)] }]);
// No decision threshold, so the one VvE is shortlisted and the row shows it (the threshold is tested in engine/vve).
const cfg = { ...DEFAULT_VVE_CONFIG, shortlistMinDecisionProbability: 0 };
const r = rankVves(ds, { config: cfg, rulesDate: '2026-12-08' });
if (!r.ok) throw new Error('ranking failed');
const body = rankingBody(ds.meta, r.value, r.warnings, cfg);
const who = {
  exportedBy: { name: 'tester', role: 'vhf', via: 'session' as const },
  exportedAt: '2025-07-01T10:00:00.000Z',
};

describe('exportVve', () => {
  it('CSV for Dutch Excel: BOM, ";", decimal comma, who, dataset and synthetic mark', async () => {
    const f = await exportVve(body, 'csv', who);
    const text = f.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Geëxporteerd door;tester (rol vhf, via kaart (sessie))');
    expect(text).toContain('Dataset;VvE-proefset (peildatum 2025-06-30)');
    expect(text).toMatch(/Synthetisch;ja — SYNTHETISCHE GEGEVENS/);
    expect(text).toContain('Toelichting;De VvE-rangschikking gebruikt geen gemeentelijke signalen.');
    // The list uses no signals: not the acquisition list's "role without access" line, which would mislead.
    expect(text).toContain('\r\nSignalen;niet gebruikt in deze lijst');
    expect(text).not.toContain('rol zonder inzage');
    expect(text).toMatch(/\r\n1;ja;VVE-A;VvE Proefstraat0;;BU16740202;10;0,3;0,7;/);
    // The export states the policy rule versions it rests on.
    expect(text).toMatch(
      /Toelichting;"?Beleidsregels \(config\/rules\) geldig op 2026-12-08: vve\.decision\.change\.majority@2018-01-01, .*warmtefonds\.vve\.interest-by-term@2020-07-22 \(aanname\), .*warmtefonds\.vve\.max-per-right@2026-01-01/,
    );
    expect(f).toMatchObject({
      contentType: 'text/csv; charset=UTF-8',
      fileName: 'vve-pilot-2025-06-30-vhf.csv',
      rows: 1,
    });
  });
  it('XLSX: the table sheet named for the list, typed numbers, the metadata sheet', async () => {
    const f = await exportVve(body, 'xlsx', who);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['VvE-pilot', 'Over deze export']);
    const ws = wb.getWorksheet('VvE-pilot')!;
    expect(ws.getRow(5).getCell(3).value).toBe('VVE-A');
    expect(ws.getRow(5).getCell(8).value).toBe(0.3);
    expect(wb.subject).toContain('SYNTHETISCHE GEGEVENS');
    const about = wb.getWorksheet('Over deze export')!;
    const signals = about.getRows(1, about.rowCount)!.find((row) => row.getCell(1).value === 'Signalen');
    expect(signals?.getCell(2).value).toMatch(/^niet gebruikt in deze lijst/);
    // The metadata sheet states the policy rule versions too, as the CSV does.
    const texts = about.getRows(1, about.rowCount)!.map((row) => String(row.getCell(2).value ?? ''));
    expect(texts.find((t) => t.startsWith('Beleidsregels'))).toMatch(
      /^Beleidsregels \(config\/rules\) geldig op 2026-12-08: .*vve\.decision\.second-meeting\.majority@2018-01-01.*warmtefonds\.vve\.max-per-right@2026-01-01/,
    );
  });
});
