import { readFileSync } from 'node:fs';
import { CONFIG_FILES } from '../../config/config-files.ts';
import type { Dataset } from '../../engine/dataset.ts';
import type { MonitorIssueCode } from '../../engine/monitor/monitor-issue-codes.ts';
import { ProgrammeTargets } from '../../engine/progress/programme-targets.ts';
import { buildProgressReport } from '../../engine/progress/progress-report.ts';
import { fmtQuarter } from '../../engine/progress/report-format.ts';
import { reportHtml } from '../../engine/progress/report-html.ts';
import { fail, ok, type Result } from '../../engine/result.ts';
import type { ExportMeta } from '../../geodata/exports/export-meta.ts';
import { progressReportPdf, progressReportXlsx } from '../../geodata/exports/progress-report-export.ts';
import { storedProgressFigures } from '../monitor/monitor-figures.ts';
import type { MonitorStore } from '../monitor/monitor-store.ts';
import type { PlanStore } from '../plans/plan-store.ts';

/**
 * The quarterly progress report as a file, from the stored plans and monitor records and the dataset (buurten,
 * snapshots): shared by `voorraad report progress` and the app's download, so both give the same report.
 */
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The shipped programme targets (config/progress-targets.default.json), validated. */
export function loadProgressTargets(file: URL | string = CONFIG_FILES.progressTargets): ProgrammeTargets {
  return ProgrammeTargets.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface ProgressReportRequest {
  plans: PlanStore;
  monitor: MonitorStore;
  dataset: Pick<Dataset, 'meta' | 'buurten' | 'indicatorSnapshots'>;
  quarter: string;
  format: ReportFormat;
  planId?: number;
  generatedAt: string;
  exportedBy: ExportMeta['exportedBy'];
}

export async function progressReportFile(
  r: ProgressReportRequest,
): Promise<Result<{ body: Uint8Array; fileName: string; mediaType: string; rows: number }, MonitorIssueCode>> {
  const figures = storedProgressFigures(r.plans, r.monitor, r.quarter, r.planId);
  if (!figures.ok) return fail(...figures.issues);
  const doc = buildProgressReport({
    figures: figures.value,
    settings: r.monitor.settings,
    statusDates: r.monitor.statuses().map((s) => s.date),
    moneyDates: r.monitor.money().map((m) => m.date),
    generatedAt: r.generatedAt,
    dataset: r.dataset.meta,
    buurten: r.dataset.buurten,
    snapshots: r.dataset.indicatorSnapshots ?? [],
    targets: loadProgressTargets(),
  });
  const fileName = `voortgangsrapportage-${r.quarter}.${r.format}`;
  const rows = doc.sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  let body: Uint8Array;
  if (r.format === 'xlsx') body = await progressReportXlsx(doc, r.exportedBy);
  else {
    const html = reportHtml(doc);
    body =
      r.format === 'html'
        ? new TextEncoder().encode(html)
        : await progressReportPdf(
            html,
            `${doc.title} — ${fmtQuarter(doc.quarter)}${doc.dataset.synthetic ? ' — SYNTHETISCHE GEGEVENS' : ''}`,
          );
  }
  return ok({ body, fileName, mediaType: REPORT_MEDIA_TYPES[r.format], rows });
}
