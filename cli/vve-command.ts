import { dayNumber } from '../engine/retrofit/iso-day.ts';
import { todayInNl } from '../server/today.ts';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Dataset } from '../engine/dataset.ts';
import { rankVves } from '../engine/vve/vve-assess.ts';
import { rankingBody } from '../engine/vve/vve-body.ts';
import type { VveRankingBody } from '../engine/vve/vve-schemas.ts';
import { readDataset } from '../geodata/dataset-store.ts';
import { writeFileAtomic } from '../geodata/file-write.ts';
import { VveConfigError, loadVveConfig } from '../geodata/exports/vve-export-config.ts';
import { exportVve, type VveExportFormat } from '../geodata/exports/vve-export.ts';
import { AuditLog } from '../server/audit/audit-log.ts';
import { defaultStateDir, openStateDb } from '../server/auth/state-db.ts';
import { localActor } from './token-command.ts';
import { UsageError } from './usage-error.ts';

export const VVE_USAGE =
  'voorraad vve [--format table|json|csv] [--dataset P] [--config file.json] [--export file.csv|file.xlsx] [--state-dir DIR] [--date YYYY-MM-DD (rules; today)]';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

async function loadDataset(file: string | undefined): Promise<Dataset> {
  if (file !== undefined) return readDataset(file);
  const { SHIPPED_DATASET, ensureShippedDataset } = await import('../geodata/shipped.ts');
  ensureShippedDataset();
  return readDataset(SHIPPED_DATASET);
}

const nl = (digits: number) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** The ranking as a Dutch table with nl-NL numbers; rejected VvE's and the synthetic mark below it. */
export function vveTable(b: VveRankingBody): string {
  const head = [
    'rang',
    'pilot',
    'VvE',
    'won.',
    'corp.',
    'eig.-bew.',
    'actief',
    'Warmtefonds',
    'per recht',
    'maandlast',
    'besparing',
    'kans besluit',
    'score',
  ];
  const rows = b.vves.map((v) => [
    String(v.rank),
    v.shortlisted ? '★' : '',
    v.vveId,
    String(v.units),
    pct.format(v.corporationVoteShare) + (v.corporationControlled ? '!' : ''),
    pct.format(v.ownerOccupierShare),
    v.active ? 'ja' : 'nee',
    v.eligibleWarmtefonds ? (v.warmtefonds.path === 'small-all-sign' ? 'ja, allen' : 'ja') : 'nee',
    euro.format(v.costPerRightEur),
    euro.format(v.package.loanMonthlyPerRightEur),
    euro.format(v.package.savingPerRightPerMonthEur),
    pct.format(v.decisionProbability),
    nl(1).format(v.score),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i <= 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push(
    '',
    `Pilot-shortlist (★): ${b.shortlist.join(', ') || 'geen'}. "!" = corporatie heeft meer dan de helft van de stemmen (eigen bestuurstraject).`,
  );
  out.push(
    `Peildatum ${b.asOf}; maandlast = Warmtefonds VvE-lening (annuïteit), besparing = energierekening per recht per maand. "ja, allen" = kleine VvE: alle leden moeten tekenen (kans besluit = kans dat iedereen tekent).`,
    `Regels van ${b.rulesDate}: ${b.rulesUsed.map((r) => r.version).join(', ')}.`,
  );
  for (const v of b.vves) if (v.shortlistNote) out.push(`${v.vveId}: ${v.shortlistNote}.`);
  for (const r of b.rejected)
    out.push(`Niet gerangschikt: ${r.vveId} (${r.name}): ${r.issues.map((i) => `${i.code}: ${i.message}`).join('; ')}`);
  if (b.dataset.synthetic) out.push("Let op: synthetische gegevens — geen echte woningen of VvE's.");
  return `${out.join('\n')}\n`;
}

/**
 * `voorraad vve`: ranks the dataset's VvE's for the sustainability pilot (engine/vve) and prints them as a
 * table, JSON or CSV for Dutch Excel, or writes a CSV/XLSX export (audited). Computed in-process: the whole
 * ranking of the shipped dataset takes well under a second (bench/vve.ts).
 * Exit 0 when every VvE was ranked; 1 when some VvE's were reported with data problems (the rest is still
 * printed); 2 for wrong usage or an invalid configuration file.
 */
export async function vveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      format: { type: 'string', default: 'table' },
      dataset: { type: 'string' },
      config: { type: 'string' },
      export: { type: 'string' },
      'state-dir': { type: 'string' },
      name: { type: 'string' },
      date: { type: 'string' },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, found "${values.format}"`);
  let exportFormat: VveExportFormat | null = null;
  if (values.export !== undefined) {
    const ext = extname(values.export).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx')
      throw new UsageError(`--export: expected a file name ending in .csv or .xlsx, found "${values.export}"`);
    exportFormat = ext === '.csv' ? 'csv' : 'xlsx';
  }
  let config;
  try {
    config = loadVveConfig(values.config);
  } catch (err) {
    if (err instanceof VveConfigError) throw new UsageError(`--config: ${err.message}`);
    throw err;
  }
  if (values.date !== undefined && dayNumber(values.date) === null)
    throw new UsageError(`--date: expected a calendar date YYYY-MM-DD, found "${values.date}"`);
  const ds = await loadDataset(values.dataset);
  const r = rankVves(ds, { config, rulesDate: values.date ?? todayInNl() });
  if (!r.ok) throw new UsageError(r.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  const body = rankingBody(ds.meta, r.value, r.warnings, config);
  for (const w of r.warnings) process.stderr.write(`voorraad vve: let op: ${w.code}: ${w.message}\n`);

  const me = localActor();
  const who = {
    exportedBy: { name: values.name ?? me.name, role: 'lokaal', via: 'cli' as const },
    exportedAt: new Date().toISOString(),
  };
  const audited = async (fmt: VveExportFormat, out: string) => {
    const file = await exportVve(body, fmt, who);
    const db = openStateDb(values['state-dir'] ?? defaultStateDir());
    try {
      if (out === 'stdout') process.stdout.write(file.body);
      else writeFileAtomic(out, file.body);
      new AuditLog(db).append({
        actor: who.exportedBy.name,
        role: null,
        via: 'cli',
        action: 'export',
        object: `vve:${fmt}`,
        result: 'ok',
        origin: me.origin,
        detail: { rows: file.rows, format: fmt, dataset: ds.meta.name, synthetic: ds.meta.synthetic, out },
      });
    } finally {
      db.close();
    }
    return file;
  };

  if (format === 'json') process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  else if (format === 'csv') await audited('csv', 'stdout');
  else process.stdout.write(vveTable(body));
  if (exportFormat !== null && values.export !== undefined) {
    const file = await audited(exportFormat, values.export);
    process.stderr.write(`voorraad vve: ${file.rows} rijen → ${values.export}; vastgelegd in het auditlog\n`);
  }
  if (ds.meta.synthetic && format !== 'table')
    process.stderr.write("Let op: synthetische gegevens — geen echte woningen of VvE's.\n");
  for (const x of body.rejected)
    process.stderr.write(`voorraad vve: ${x.vveId}: ${x.issues.map((i) => `${i.code}: ${i.message}`).join('; ')}\n`);
  return body.rejected.length ? 1 : 0;
}
