import { parseArgs } from 'node:util';
import { openMonitorStore } from '../server/monitor/monitor-store.ts';
import { PlanStore } from '../server/plans/plan-store.ts';
import { defaultStateDir } from '../server/auth/state-db.ts';
import { readDataset } from '../geodata/dataset-store.ts';
import { writeFileAtomic } from '../geodata/file-write.ts';
import { REPORT_FORMATS, progressReportFile, type ReportFormat } from '../server/progress/progress-report-file.ts';
import { localActor } from './token-command.ts';
import { UsageError, parseIntArg } from './usage-error.ts';

export const REPORT_USAGE =
  'voorraad report progress --quarter 2027Q1 [--format html|pdf|xlsx] [--out FILE] [--plan N] [--dataset file.gpkg] [--state-dir DIR]';

/** A report that cannot be made from the stored records (no plan, a quarter before the start); exit 1. */
export class ReportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `voorraad report progress`: the quarterly progress report (HTML, PDF printed offline by headless Chromium, or
 * XLSX with the figures behind every chart) from the plans and monitor records in the state directory and the
 * dataset's buurten and snapshots. Written to `--out` (default `voortgangsrapportage-<kwartaal>.<format>`); the
 * export is written to the audit log.
 */
export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      quarter: { type: 'string' },
      format: { type: 'string', default: 'html' },
      out: { type: 'string' },
      plan: { type: 'string' },
      dataset: { type: 'string' },
      'state-dir': { type: 'string' },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'progress')
    throw new UsageError(`expected "report progress"\n${REPORT_USAGE}`);
  if (values.quarter === undefined) throw new UsageError(`--quarter is required, e.g. 2027Q1\n${REPORT_USAGE}`);
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new UsageError(`--format: expected one of ${REPORT_FORMATS.join(', ')}, found "${values.format}"`);
  const planId = values.plan === undefined ? undefined : parseIntArg(values.plan, 'plan');
  let datasetFile = values.dataset;
  if (datasetFile === undefined) {
    const shipped = await import('../geodata/shipped.ts');
    shipped.ensureShippedDataset();
    datasetFile = shipped.SHIPPED_DATASET;
  }
  const dataset = readDataset(datasetFile);
  const stores = openMonitorStore(values['state-dir'] ?? defaultStateDir());
  try {
    const me = localActor();
    const r = await progressReportFile({
      plans: new PlanStore(stores.db, stores.audit),
      monitor: stores.store,
      dataset,
      quarter: values.quarter,
      format,
      ...(planId === undefined ? {} : { planId }),
      generatedAt: new Date().toISOString(),
      // A local run has no signed-in role (the audit entry says role null); the file says so instead of claiming one.
      exportedBy: { name: me.name, role: 'lokaal', via: 'cli' },
    });
    if (!r.ok) throw new ReportError(r.issues[0]!.code, r.issues.map((i) => i.message).join('; '));
    const out = values.out ?? r.value.fileName;
    writeFileAtomic(out, r.value.body);
    stores.audit.append({
      actor: me.name,
      role: null,
      via: 'cli',
      action: 'export',
      object: `progress-report:${format}`,
      result: 'ok',
      origin: me.origin,
      detail: { quarter: values.quarter, format, out, dataset: dataset.meta.name },
    });
    stores.audit.flushHead();
    process.stdout.write(`voortgangsrapportage ${values.quarter} (${format}) → ${out}; vastgelegd in het auditlog\n`);
    return 0;
  } finally {
    stores.close();
  }
}
