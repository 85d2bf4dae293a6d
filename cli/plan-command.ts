import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlanInput } from '../engine/planner/plan-input.ts';
import { canonicalPlan, type Plan } from '../engine/planner/plan-types.ts';
import type { Issue } from '../engine/result.ts';
import { MEASURE_NL } from '../engine/retrofit/measure-ids.ts';
import { SYNTHETIC_NOTE } from '../geodata/exports/export-meta.ts';
import { planAsCsv, planAsGeoJson, planAsXlsx } from '../geodata/exports/plan-export.ts';
import { notificationsAsCsv, notificationsAsXlsx } from '../geodata/exports/plan-notifications.ts';
import { writeFileAtomic } from '../geodata/file-write.ts';
import { startPlannerWorker } from '../workers/planner-node.ts';
import { readWeightsFile } from './score-command.ts';
import { UsageError } from './usage-error.ts';
import { runDateNl } from '../engine/planner/run-date.ts';
import { solverNl, solverStatusNl } from '../engine/planner/plan-nl.ts';

export const PLAN_USAGE =
  'voorraad plan --budget EUR [--until YYYY-MM-DD] [--from YYYY-MM-DD] [--solver mip|greedy] [--capacity N] [--crew-weeks N]\n' +
  '                [--time-limit S] [--weights file] [--input plan-input.json] [--format table|json] [--export plan.csv|plan.xlsx|plan.geojson] [--dataset P]\n' +
  '                [--policy isolatie-eerst|policy.json] [--permit landelijke-lijn-nvi] [--successor pre-smp|smp|geen] [--notifications meldingen.csv|.xlsx]';

const FORMATS = ['table', 'json'] as const;
const EXPORTS = ['.csv', '.xlsx', '.geojson'] as const;

const issuesText = (issues: Issue[]): string => issues.map((i) => `${i.code}: ${i.message}`).join('\n');

function number(raw: string, flag: string): number {
  const x = Number(raw.replace(/_/g, ''));
  if (raw.trim() === '' || !Number.isFinite(x))
    throw new UsageError(`plan.input.invalid: --${flag}: expected a number, found "${raw}"`);
  return x;
}

function readInputFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `plan.input.invalid: --input: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`plan.input.invalid: ${file}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new UsageError(`plan.input.invalid: ${file}: expected a JSON object with the plan input`);
  return json as Record<string, unknown>;
}

const nl = (x: number, digits = 0): string =>
  x.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const euro = (x: number): string => `€ ${nl(x)}`;
const date = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The plan as a Dutch text table: context, totals, one line per season, unspent budget and warnings. */
export function planTable(plan: Plan): string {
  const m = plan.meta,
    t = plan.totals;
  const lines = [
    `Verduurzamingsplanning — ${m.dataset.name}${m.dataset.synthetic ? ` · ${SYNTHETIC_NOTE}` : ''}`,
    `Periode ${date(m.input.window.from)} t/m ${date(m.input.window.until)} · budget ${euro(m.input.budgetEur)} · capaciteit per seizoen ${m.input.capacity.perSeason.dwellings === undefined ? '' : `${nl(m.input.capacity.perSeason.dwellings)} woningen`}${m.input.capacity.perSeason.crewWeeks === undefined ? '' : ` ${nl(m.input.capacity.perSeason.crewWeeks)} ploegweken`}`,
    `Oplosser ${solverNl(m.solver.used)}${m.solver.used !== m.solver.requested ? ` (gevraagd: ${solverNl(m.solver.requested)})` : ''} · uitkomst ${solverStatusNl(m.solver.status)} · doelwaarde ${nl(m.objective)} · gretige heuristiek ${nl(m.greedyObjective)}${m.greedyObjective > 0 ? ` (${nl((m.objective / m.greedyObjective - 1) * 100, 2)}% beter)` : ''}${m.mipGap === null ? '' : ` · MIP-gat ${nl(m.mipGap * 100, 3)}%`}`,
    `Kandidaten ${nl(m.candidates.dwellings)} woningen in ${nl(m.candidates.units)} eenheden (${m.input.batching.unit}); projectprijs vanaf ${m.input.batching.projectPriceMinDwellings} woningen`,
    '',
  ];
  const head = [
    'Seizoen',
    'Batches',
    'Woningen',
    'Programmabijdrage',
    'Gasbesparing m³/jr',
    'Natuurvrij vanaf',
    'Isoleren tot',
  ];
  const rows = plan.seasons.map((s) => {
    const inS = plan.batches.filter((b) => b.season === s.id);
    const bs = t.bySeason.find((x) => x.season === s.id)!;
    return [
      s.id,
      nl(inS.length),
      nl(bs.dwellings),
      euro(bs.programmeContributionEur),
      nl(inS.reduce((a, b) => a + b.gasSavingM3PerYear, 0)),
      date(s.exclusionFrom),
      date(s.insulationUntil),
    ];
  });
  rows.push([
    'Totaal',
    nl(t.batches),
    nl(t.dwellings),
    euro(t.programmeContributionEur),
    nl(t.gasSavingM3PerYear),
    '',
    '',
  ]);
  const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const fmt = (r: string[]): string =>
    r
      .map((c, k) => (k === 0 || k >= 5 ? c.padEnd(width[k]!) : c.padStart(width[k]!)))
      .join('  ')
      .trimEnd();
  lines.push(fmt(head), ...rows.map(fmt), '');
  lines.push(...assumptionLines(plan), '');
  lines.push(
    `Verwacht: kosten ${euro(t.costEur)} · programmabijdrage ${euro(t.programmeContributionEur)} · energiearme huishoudens bereikt ≈ ${nl(t.energyPoorHouseholds)}; eigen bijdrage als alle uitgenodigden meedoen ${euro(t.ownerContributionEur)}`,
  );
  lines.push(
    `Niet besteed: ${euro(plan.unspent.eur)}${plan.unspent.reason ? ` — ${plan.unspent.reason.code}: ${plan.unspent.reason.message}` : ''}`,
  );
  for (const w of plan.warnings) lines.push(`Let op: ${w.code}: ${w.message}`);
  return `${lines.join('\n')}\n`;
}

const MEASURE_TEXT: Record<string, string> = MEASURE_NL;

/** The plan's assumptions in Dutch: permit profile(s), scope and the money per measure and tenure. */
export function assumptionLines(plan: Plan): string[] {
  const m = plan.meta,
    t = plan.totals,
    out: string[] = [];
  const policy = m.input.policy;
  if (typeof policy !== 'string') {
    out.push(
      `Scope: ${policy.name} — maatregelen ${policy.measures.map((x) => MEASURE_TEXT[x.id] ?? x.id).join(', ')}; eigendom ${policy.tenures.map((x) => `${x.id} (${nl(x.programmeShare * 100)} % programma)`).join(', ')}${policy.vve ? "; VvE's" : ''}; geen kandidaat vanaf label ${policy.target.label}`,
    );
  }
  if (m.permit) {
    const [first, ...rest] = m.permit.profiles;
    if (first)
      out.push(
        `Vergunningsprofiel: ${first.name} (${first.id}), geldig ${date(first.validFrom)} t/m ${date(first.validUntil)}${first.placeholder ? ' — waarden te bevestigen' : ''}`,
      );
    out.push(
      m.permit.afterValidity === 'refused'
        ? 'Na de geldigheid: natuurwerk onder het profiel wordt geweigerd (geen opvolger opgegeven)'
        : `Daarna: ${rest.map((p) => `${p.name} (${p.id}), geldig ${date(p.validFrom)} t/m ${date(p.validUntil)}${p.placeholder ? ' — waarden te bevestigen' : ''}`).join('; ')}`,
    );
    const full = m.permit.caps.filter((c) => c.planned >= c.cap).length;
    if (m.permit.caps.length)
      out.push(
        `Plafonds per CBS-buurt en periode: ${m.permit.caps.length} groepen, ${full} vol; nergens boven het plafond`,
      );
  }
  const u = m.uptake;
  if (u) {
    const band = (b: { expected: number; p10: number; p90: number }, f: (x: number) => string): string =>
      `${f(b.expected)} (p10–p90: ${f(b.p10)} – ${f(b.p90)})`;
    out.push(
      u.enabled
        ? `Deelname eigenaren (aannames, ${u.params}; seed ${u.seed}): ${nl(u.invited)} uitgenodigd; verwacht ${band(u.dwellings, nl)} woningen, programmageld ${band(u.programmeContributionEur, euro)}, gasbesparing ${band(u.gasSavingM3PerYear, nl)} m³/jr`
        : 'Deelname eigenaren: iedere uitgenodigde eigenaar doet mee (uptake uitgeschakeld)',
    );
    if (u.buurtFactors.length)
      out.push(
        `Bijgesteld per buurt na ja/nee: ${u.buurtFactors.map((b) => `${b.buurtcode} ×${nl(b.factor, 2)} (${b.accepted} ja, ${b.declined} nee)`).join(' · ')}`,
      );
  }
  const nc = m.natureCosts;
  if (nc) {
    out.push(
      `Natuurkosten: inbouwvoorziening per woning ${nc.roostsPerDwelling.map((r) => `${MEASURE_TEXT[r.measure] ?? r.measure} ${euro(r.eur)}`).join(', ')} (aanname)${nc.compensation ? `; compensatieopgave ${euro(nc.compensation.eur)} als vaste budgetpost (aanname), termijnen ${nc.compensation.deadlines.map((d) => `${nl(d.share * 100)} % vóór ${date(d.before)}`).join(', ')}` : ''}`,
    );
  }
  if (t.byMeasure?.length)
    out.push(
      `Programmageld per maatregel (als alle uitgenodigden meedoen): ${t.byMeasure.map((x) => `${MEASURE_TEXT[x.measure] ?? x.measure} ${euro(x.programmeContributionEur)}`).join(' · ')}`,
    );
  if (t.byTenure?.length)
    out.push(
      `Programmageld per eigendom (als alle uitgenodigden meedoen): ${t.byTenure.map((x) => `${x.ownership} ${euro(x.programmeContributionEur)} (${nl(x.dwellings)} woningen)`).join(' · ')}`,
    );
  return out;
}

/**
 * `voorraad plan --budget 8400000 --until 2033-12-31 [...]`: plans retrofit batches per season in a planner worker
 * (HiGHS MIP or greedy), prints a Dutch table or the plan JSON, and optionally exports CSV/XLSX/GeoJSON.
 */
export async function planCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      budget: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      solver: { type: 'string' },
      capacity: { type: 'string' },
      'crew-weeks': { type: 'string' },
      'time-limit': { type: 'string' },
      weights: { type: 'string' },
      input: { type: 'string' },
      format: { type: 'string', default: 'table' },
      export: { type: 'string' },
      dataset: { type: 'string' },
      policy: { type: 'string' },
      permit: { type: 'string' },
      successor: { type: 'string' },
      notifications: { type: 'string' },
    },
    strict: true,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(
      `plan.input.invalid: --format: expected one of ${FORMATS.join(', ')}, found "${values.format}"`,
    );
  const exportExt = values.export === undefined ? null : extname(values.export).toLowerCase();
  if (exportExt !== null && !(EXPORTS as readonly string[]).includes(exportExt)) {
    throw new UsageError(`plan.input.invalid: --export: "${values.export}" must end in ${EXPORTS.join(', ')}`);
  }
  const noticeExt = values.notifications === undefined ? null : extname(values.notifications).toLowerCase();
  if (noticeExt !== null && noticeExt !== '.csv' && noticeExt !== '.xlsx') {
    throw new UsageError(`plan.input.invalid: --notifications: "${values.notifications}" must end in .csv or .xlsx`);
  }
  const input: Record<string, unknown> = values.input === undefined ? {} : readInputFile(values.input);
  if (values.budget !== undefined) input.budgetEur = number(values.budget, 'budget');
  if (input.budgetEur === undefined)
    throw new UsageError('plan.input.invalid: --budget: give the budget in euro (or budgetEur in --input)');
  if (values.from !== undefined || values.until !== undefined) {
    const w = (typeof input.window === 'object' && input.window !== null ? input.window : {}) as Record<
      string,
      unknown
    >;
    input.window = {
      ...w,
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.until === undefined ? {} : { until: values.until }),
    };
  }
  if (values.solver !== undefined) input.solver = values.solver;
  // A shipped policy id, or a policy file (config/plan-policy/ shape).
  if (values.policy !== undefined)
    input.policy = values.policy.endsWith('.json') ? readInputFile(values.policy) : values.policy;
  if (values.permit !== undefined || values.successor !== undefined) {
    const p = (typeof input.permit === 'object' && input.permit !== null ? input.permit : {}) as Record<
      string,
      unknown
    >;
    input.permit = {
      ...p,
      ...(values.permit === undefined ? {} : { profile: values.permit }),
      ...(values.successor === undefined ? {} : { successor: values.successor === 'geen' ? null : values.successor }),
    };
  }
  if (values['time-limit'] !== undefined) input.timeLimitSeconds = number(values['time-limit'], 'time-limit');
  if (values.weights !== undefined) input.weights = readWeightsFile(values.weights);
  if (values.capacity !== undefined || values['crew-weeks'] !== undefined) {
    const c = (typeof input.capacity === 'object' && input.capacity !== null ? input.capacity : {}) as Record<
      string,
      unknown
    >;
    input.capacity = {
      ...c,
      perSeason: {
        ...(values.capacity === undefined ? {} : { dwellings: number(values.capacity, 'capacity') }),
        ...(values['crew-weeks'] === undefined ? {} : { crewWeeks: number(values['crew-weeks'], 'crew-weeks') }),
      },
    };
  }
  // Validated here too, so bad input fails before a worker thread starts (the worker validates again at its boundary).
  // The run date is today's date in the Netherlands: the window starts there unless --from says otherwise.
  const checked = parsePlanInput(input, runDateNl(new Date()));
  if (!checked.ok) throw new UsageError(issuesText(checked.issues));

  const worker = startPlannerWorker();
  let plan: Plan;
  try {
    const r = await worker.plan(checked.value, values.dataset === undefined ? {} : { datasetPath: values.dataset });
    if (!r.ok) throw new UsageError(issuesText(r.issues));
    plan = r.value;
  } finally {
    await worker.terminate();
  }
  const timing = plan.meta.timing;
  if (format === 'json') process.stdout.write(`${JSON.stringify(canonicalPlan(plan), null, 2)}\n`);
  else process.stdout.write(planTable(plan));
  if (timing)
    process.stderr.write(
      `oplostijd ${nl(timing.solveMs)} ms (greedy ${nl(timing.greedyMs)} ms, totaal ${nl(timing.totalMs)} ms)\n`,
    );
  if (values.export !== undefined) {
    const ctx = {
      exportedBy: { name: safeUser(), role: 'projectorganisatie', via: 'cli' as const },
      exportedAt: new Date().toISOString(),
    };
    const body =
      exportExt === '.csv'
        ? planAsCsv(plan, ctx)
        : exportExt === '.xlsx'
          ? await planAsXlsx(plan, ctx)
          : planAsGeoJson(plan, ctx);
    writeFileAtomic(values.export, body);
    process.stderr.write(
      `geëxporteerd: ${values.export} (${nl(plan.totals.dwellings)} woningen${plan.meta.dataset.synthetic ? ', synthetische gegevens' : ''})\n`,
    );
  }
  if (values.notifications !== undefined) {
    const ctx = {
      exportedBy: { name: safeUser(), role: 'projectorganisatie', via: 'cli' as const },
      exportedAt: new Date().toISOString(),
    };
    writeFileAtomic(
      values.notifications,
      noticeExt === '.csv' ? notificationsAsCsv(plan, ctx) : await notificationsAsXlsx(plan, ctx),
    );
    process.stderr.write(`meldingen: ${values.notifications} (per aannemer en week)\n`);
  }
  return 0;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'onbekend';
  }
}
