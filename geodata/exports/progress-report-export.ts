import { chromium } from 'playwright-core';
import { documentTables, type ReportDocument } from '../../engine/progress/report-document.ts';
import { fmtDate } from '../../engine/progress/report-format.ts';
import { escapeXml } from '../../engine/progress/svg-chart.ts';
import type { ExportMeta } from './export-meta.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './headless-chromium.ts';
import { toXlsxSheetsBytes, type XlsxSheet } from './xlsx-writer.ts';

/**
 * The progress report's files: XLSX with the figures behind every chart (one sheet per table, a summary sheet
 * first) and PDF printed from the report's HTML by headless Chromium, offline (every request refused).
 */
export const REPORT_PURPOSE = {
  id: 'voortgangsrapportage',
  label: 'kwartaalrapportage van het isolatieprogramma aan alliantie, raad en Rijk',
};

/** The metadata every report file states (no signals are used: they are not part of the programme's figures). */
export function reportMeta(d: ReportDocument, by: ExportMeta['exportedBy'], rows: number): ExportMeta {
  return {
    title: `${d.title} ${d.quarter}`,
    exportedBy: by,
    exportedAt: d.generatedAt,
    dataset: d.dataset,
    signals: {
      source: 'none',
      included: false,
      window: null,
      statement: 'niet gebruikt (geen onderdeel van de voortgangscijfers)',
    },
    purpose: REPORT_PURPOSE,
    rows,
    notes: [
      `Kwartaal ${d.quarter} (${fmtDate(d.period.from)} t/m ${fmtDate(d.period.until)})`,
      ...d.dataDates.map((x) => `${x.label}: ${fmtDate(x.date)}`),
      ...d.assumptions,
    ],
  };
}

export async function progressReportXlsx(d: ReportDocument, by: ExportMeta['exportedBy']): Promise<Uint8Array> {
  const summary: XlsxSheet = {
    sheetName: 'Samenvatting',
    title: `Samenvatting ${d.quarter}`,
    table: {
      columns: [
        { key: 'onderdeel', header: 'Onderdeel', kind: 'text' },
        { key: 'tekst', header: 'Tekst', kind: 'text' },
      ],
      rows: [
        ...d.summary.map((tekst) => ({ onderdeel: 'Samenvatting', tekst })),
        ...d.warnings.map((tekst) => ({ onderdeel: 'Let op', tekst })),
        ...d.assumptions.map((tekst) => ({ onderdeel: 'Aanname', tekst })),
      ],
    },
  };
  const tables = documentTables(d);
  const sheets: XlsxSheet[] = [summary, ...tables.map((t) => ({ sheetName: t.sheet, title: t.title, table: t }))];
  return toXlsxSheetsBytes(
    sheets,
    reportMeta(
      d,
      by,
      tables.reduce((n, t) => n + t.rows.length, 0),
    ),
  );
}

/**
 * Prints the report's HTML to A4 PDF with page numbers. The page may fetch nothing: the HTML is self-contained and
 * every request is refused, so the PDF is the same with or without a network.
 */
export async function progressReportPdf(html: string, footer: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${escapeXml(footer)} · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
