import { describe, expect, it } from 'vitest';
import { generateProgrammeFixture } from '../../engine/monitor/programme-fixture.ts';
import { progressReportFromRecords } from '../../engine/progress/progress-report.ts';
import { reportHtml } from '../../engine/progress/report-html.ts';
import { haveChromium } from '../../geodata/exports/headless-chromium.ts';
import { progressReportPdf, progressReportXlsx } from '../../geodata/exports/progress-report-export.ts';
import { fullProgrammeReportInput } from '../fixtures/progress-report-input.ts';
import { column, columnCells, openXlsx } from '../spreadsheet.ts';

/**
 * The quarterly report of the full-programme fixture opened the way a user opens it: the XLSX in a spreadsheet
 * reader (SheetJS, not the writer's library), the PDF as a PDF file. Its totals must equal the stored records.
 */
const fx = generateProgrammeFixture({ seed: 1 });
const QUARTER = '2029Q4';
const UNTIL = '2029-12-31';
const built = progressReportFromRecords(fullProgrammeReportInput(QUARTER, fx));
if (!built.ok) throw new Error(JSON.stringify(built.issues));
const doc = built.value;

/** VHF money paid up to the quarter's end, with corrections replacing what they correct, counted from the records. */
function vhfPaidFromRecords(): number {
  const effective = new Map<string, { kind: string; source: string; amountEur: number }>();
  for (const m of fx.money) {
    if (m.date > UNTIL) continue;
    if (m.corrects !== null) effective.delete(m.corrects);
    effective.set(m.reference, m);
  }
  let sum = 0;
  for (const m of effective.values()) if (m.kind === 'betaald' && m.source === 'vhf') sum += m.amountEur;
  return Math.round(sum * 100) / 100;
}

describe('progress report files for the full programme', () => {
  it('XLSX: a sheet per chart and table, the totals equal to the records, the synthetic mark on every sheet', async () => {
    const sheets = openXlsx(Buffer.from(await progressReportXlsx(doc, { name: 'test', role: 'vhf', via: 'cli' })));
    expect([...sheets.keys()]).toEqual([
      'Samenvatting',
      'Budget',
      'Labels',
      'Realisatie per kwartaal',
      'Per buurt',
      'Statuskaart',
      'Doelen voorraad',
      'Voorraad per gebied',
      'Voorraad per buurt',
      'Over deze export',
    ]);
    for (const chart of doc.sections.flatMap((s) => s.charts)) expect(sheets.has(chart.sheet)).toBe(true);
    for (const [name, sheet] of sheets)
      if (name !== 'Over deze export') expect(String(sheet[0]![0]!.value)).toContain('SYNTHETISCHE GEGEVENS');

    const series = sheets.get('Realisatie per kwartaal')!;
    const quarters = columnCells(series, 'Kwartaal');
    expect(quarters[0]!.value).toBe('2025Q1');
    expect(quarters.at(-1)!.value).toBe(QUARTER);
    const insulated = new Set(
      fx.statuses.filter((s) => s.status === 'geïsoleerd' && s.date <= UNTIL).map((s) => s.vboId),
    );
    expect(columnCells(series, 'geïsoleerd (gerealiseerd)').at(-1)!.value).toBe(insulated.size);

    const budget = sheets.get('Budget')!;
    const { headerRow, col } = column(budget, 'Betaald (€)');
    expect(budget[headerRow + 1]![0]!.value).toBe('Volkshuisvestingsfonds');
    expect(budget[headerRow + 1]![col]!).toMatchObject({ type: 'n', value: vhfPaidFromRecords() });
    // Buurt codes stay text.
    expect(columnCells(sheets.get('Per buurt')!, 'Buurtcode').every((c) => c.type === 's')).toBe(true);
  });

  it.skipIf(!haveChromium())('PDF: printed offline by headless Chromium, several A4 pages', async () => {
    const pdf = Buffer.from(await progressReportPdf(reportHtml(doc), 'voorraad — test'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(5);
    // A4 = 595 × 842 pt.
    expect(text).toMatch(
      /\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841\.\d+|\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842/,
    );
  });
});
