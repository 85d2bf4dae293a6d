import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { forecastProgress } from '../engine/monitor/forecast.ts';
import type { MonitorIssue, MonitorIssueCode } from '../engine/monitor/monitor-issue-codes.ts';
import type { Result } from '../engine/result.ts';
import { moneyEntrySchema, statusEventSchema } from '../engine/monitor/monitor-records.ts';
import type { ProgressFigures } from '../engine/monitor/progress-figures.ts';
import { readFinanceFile, readStatusFile, type ReadRecords } from '../geodata/importers/finance-import.ts';
import { defaultStateDir } from '../server/auth/state-db.ts';
import { storedProgressFigures } from '../server/monitor/monitor-figures.ts';
import { openMonitorStore } from '../server/monitor/monitor-store.ts';
import { PlanStore, type PlanActor } from '../server/plans/plan-store.ts';
import { UsageError, parseIntArg } from './usage-error.ts';

export const MONITOR_USAGE =
  'voorraad monitor show --quarter 2027Q1 [--plan ID] [--format table|json] [--seed N] [--state-dir DIR]   realised against planned, forecast\n' +
  '  voorraad monitor record geld --referentie R --soort toegezegd|betaald --datum D --bedrag EUR --bron vhf|cofinanciering|subsidie|eigenaar\n' +
  '                (--vbo ID | --batch ID) [--corrigeert R] [--state-dir DIR]\n' +
  '  voorraad monitor record status --vbo ID --status uitgenodigd|akkoord|natuurvrij|geïsoleerd|afgezien --datum D [--state-dir DIR]\n' +
  '  voorraad monitor import geld|status FILE.csv|FILE.xlsx [--state-dir DIR]   all rows or none (docs/monitor-finance-layout.md)';

const OPTIONS = {
  quarter: { type: 'string' },
  plan: { type: 'string' },
  format: { type: 'string' },
  seed: { type: 'string' },
  'state-dir': { type: 'string' },
  referentie: { type: 'string' },
  soort: { type: 'string' },
  datum: { type: 'string' },
  bedrag: { type: 'string' },
  bron: { type: 'string' },
  vbo: { type: 'string' },
  batch: { type: 'string' },
  corrigeert: { type: 'string' },
  status: { type: 'string' },
} as const;

const cliActor = (): PlanActor => ({ name: userInfo().username, role: null, via: 'cli', origin: 'cli' });
const printIssues = (issues: readonly MonitorIssue[]): void => {
  for (const i of issues) process.stderr.write(`${i.code}: ${i.message}${i.path ? ` (${i.path.join(' › ')})` : ''}\n`);
};

/** `voorraad monitor`: record and import money and statuses, and show the figures of a quarter with the forecast. */
export async function monitorCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  const [sub, what, file] = positionals;
  const s = openMonitorStore(values['state-dir'] ?? defaultStateDir());
  try {
    if (sub === 'show') return show(s, values);
    if (sub === 'record' && what === 'geld') {
      const parsed = moneyEntrySchema.safeParse({
        reference: values.referentie,
        kind: values.soort,
        date: values.datum,
        amountEur: values.bedrag === undefined ? undefined : Number(values.bedrag.replace(',', '.')),
        source: values.bron,
        vboId: values.vbo ?? null,
        batchId: values.batch ?? null,
        corrects: values.corrigeert ?? null,
      });
      if (!parsed.success) throw usageOf(parsed.error.issues);
      return stored(s.store.recordMoney([{ record: parsed.data, path: ['opdrachtregel'] }], cliActor(), 'cli'));
    }
    if (sub === 'record' && what === 'status') {
      const parsed = statusEventSchema.safeParse({ vboId: values.vbo, status: values.status, date: values.datum });
      if (!parsed.success) throw usageOf(parsed.error.issues);
      return stored(s.store.recordStatuses([{ record: parsed.data, path: ['opdrachtregel'] }], cliActor(), 'cli'));
    }
    if (sub === 'import' && what === 'geld' && file) {
      const read = await readFinanceFile(file);
      return readOk(file, read) ? stored(s.store.recordMoney(read.records, cliActor(), `import:${basename(file)}`)) : 1;
    }
    if (sub === 'import' && what === 'status' && file) {
      const read = await readStatusFile(file);
      return readOk(file, read)
        ? stored(s.store.recordStatuses(read.records, cliActor(), `import:${basename(file)}`))
        : 1;
    }
    throw new UsageError(`usage: ${MONITOR_USAGE}`);
  } finally {
    s.close();
  }
}

const usageOf = (issues: readonly { path: PropertyKey[]; message: string }[]): UsageError =>
  new UsageError(
    `monitor.record.invalid: ${issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`,
  );

/** Prints the read count (read = accepted + rejected); false when a row was rejected, so nothing is stored. */
function readOk(file: string, read: ReadRecords<unknown>): boolean {
  process.stdout.write(
    `${basename(file)}: gelezen ${read.read} = geaccepteerd ${read.records.length} + geweigerd ${read.rejected.length}\n`,
  );
  if (!read.rejected.length) return true;
  printIssues(read.rejected);
  process.stderr.write('niets opgeslagen: een bestand wordt alleen in zijn geheel ingelezen\n');
  return false;
}

function stored(r: Result<{ recorded: number }, MonitorIssueCode>): number {
  if (!r.ok) {
    printIssues(r.issues);
    process.stderr.write('niets opgeslagen\n');
    return 1;
  }
  process.stdout.write(`opgeslagen: ${r.value.recorded}\n`);
  return 0;
}

function show(s: ReturnType<typeof openMonitorStore>, values: Record<string, string | undefined>): number {
  if (values.quarter === undefined) throw new UsageError('--quarter: expected a quarter such as 2027Q1');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError(`--format: expected table or json, found "${format}"`);
  const plans = new PlanStore(s.db, s.audit);
  const planId = values.plan === undefined ? undefined : parseIntArg(values.plan, 'plan');
  const r = storedProgressFigures(plans, s.store, values.quarter, planId);
  if (!r.ok) return (printIssues(r.issues), 1);
  const seed = values.seed === undefined ? 1 : parseIntArg(values.seed, 'seed');
  const forecast = forecastProgress(r.value, s.store.settings, { seed });
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ figures: r.value, forecast })}\n`);
    return 0;
  }
  process.stdout.write(table(r.value));
  const b = forecast.insulatedTarget;
  process.stdout.write(
    `\nPrognose (tempo laatste ${forecast.quartersUsed} kwartalen, seed ${seed}): doel ${nl(forecast.target.dwellings)} woningen geïsoleerd in ${b.p50 ?? 'n.v.t.'} (p10–p90 ${b.p10 ?? '–'} – ${b.p90 ?? '–'}); kans op tijd ${Math.round(forecast.onTimeProbability * 100)} %\n`,
  );
  for (const w of [...r.value.warnings, ...forecast.warnings])
    process.stdout.write(`waarschuwing ${w.code}: ${w.message}\n`);
  return 0;
}

const nl = (x: number, digits = 0) => x.toLocaleString('nl-NL', { maximumFractionDigits: digits });

function table(f: ProgressFigures): string {
  const rows = [
    { name: 'Totaal', set: f.total },
    ...f.byArea.map((a) => ({ name: a.area ?? 'buiten gebied', set: a })),
    ...f.byBuurt.map((b) => ({ name: b.buurtcode, set: b })),
  ];
  const head =
    `Voortgang ${f.quarter} (plan ${f.plan.id} versie ${f.plan.version}; programma ${f.programme.settingsId})\n` +
    `${'gebied'.padEnd(14)} ${'uitgenodigd'.padStart(15)} ${'akkoord'.padStart(15)} ${'natuurvrij'.padStart(15)} ${'geïsoleerd'.padStart(15)} ${'afgezien'.padStart(15)} ${'betaald €'.padStart(14)}\n`;
  const cell = (r: number, p: number) => `${nl(r)}/${nl(p, 1)}`.padStart(15);
  const body = rows
    .map(
      ({ name, set }) =>
        `${name.padEnd(14)} ${cell(set.realised.invited, set.planned.invited)} ${cell(set.realised.accepted, set.planned.accepted)} ${cell(set.realised.natuurvrij, set.planned.natuurvrij)} ${cell(set.realised.insulated, set.planned.insulated)} ${cell(set.realised.declined, set.planned.declined)} ${nl(set.money.paidEur).padStart(14)}`,
    )
    .join('\n');
  const bud = f.budget;
  return `${head}${body}\n(gerealiseerd/gepland)\nBudget VHF €${nl(bud.vhfBudgetEur)}: toegezegd €${nl(bud.committed.vhfEur)}, betaald €${nl(bud.paid.vhfEur)}; cofinanciering €${nl(bud.cofinancingBudgetEur)}: toegezegd €${nl(bud.committed.cofinancingEur)}, betaald €${nl(bud.paid.cofinancingEur)}\nGasbesparing ${nl(f.total.gasSavingM3PerYear.realised)} m³/jaar (gepland ${nl(f.total.gasSavingM3PerYear.planned)}), CO₂ ${nl(f.total.co2SavingKgPerYear.realised)} kg/jaar\n`;
}
