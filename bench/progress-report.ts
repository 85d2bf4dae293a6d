import { generateProgrammeFixture } from '../engine/monitor/programme-fixture.ts';
import { progressReportFromRecords } from '../engine/progress/progress-report.ts';
import { reportHtml } from '../engine/progress/report-html.ts';
import { progressReportPdf } from '../geodata/exports/progress-report-export.ts';
import { fullProgrammeReportInput } from '../test/fixtures/progress-report-input.ts';
import { compare, type BenchFigure } from './measure.ts';

/**
 * Generating the quarterly progress report for the full-programme fixture (~1,700 dwellings, nine years of
 * statuses and payments): HTML (target < 5 s) against the monitor's figures alone, and PDF (target < 15 s, headless
 * Chromium started per report as the CLI does) against the HTML.
 */
export async function benchProgressReport(): Promise<BenchFigure[]> {
  const input = fullProgrammeReportInput('2029Q4', generateProgrammeFixture({ seed: 1 }));
  const html = (): string => {
    const r = progressReportFromRecords(input);
    if (!r.ok) throw new Error(`report failed: ${JSON.stringify(r.issues)}`);
    return reportHtml(r.value);
  };
  let sink = 0;
  const htmlFigure = await compare(
    'progress report: HTML for the full programme, target < 5 s',
    () => {
      sink += html().length;
    },
    'the figures alone (computeProgressFigures via the report without rendering)',
    () => {
      const r = progressReportFromRecords(input);
      sink += r.ok ? r.value.sections.length : 0;
    },
    7,
  );
  const page = html();
  const pdfFigure = await compare(
    'progress report: PDF for the full programme (Chromium start included), target < 15 s',
    async () => {
      sink += (await progressReportPdf(page, 'voorraad')).length;
    },
    'HTML only',
    () => {
      sink += html().length;
    },
    3,
    { htmlKb: Math.round(page.length / 1024) },
  );
  if (sink === -1) console.log(sink);
  return [
    { ...htmlFigure, extra: { ...htmlFigure.extra, target: '< 5000 ms', pass: htmlFigure.ms < 5000 ? 'yes' : 'no' } },
    { ...pdfFigure, extra: { ...pdfFigure.extra, target: '< 15000 ms', pass: pdfFigure.ms < 15000 ? 'yes' : 'no' } },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchProgressReport()) console.log(JSON.stringify(f));
}
