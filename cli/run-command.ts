import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resultCsv, targetsCsv } from '../geodata/exports/scenario-csv.ts';
import { resultJson } from '../engine/housing/result-json.ts';
import { KEY_METRICS, keyFiguresTable, targetsTable } from '../engine/housing/result-table.ts';
import { formatIssue } from '../engine/housing/scenario-yaml.ts';
import type { ScenarioSummary } from '../engine/housing/summary.ts';
import { DatasetCache, loadScenarioFile, type PreparedScenario } from '../workers/scenario-files.ts';
import { inProcessRunner, runScenario, startScenarioPool, type ScenarioRunner } from '../workers/scenario-pool.ts';
import { UsageError, parseIntArg } from './usage-error.ts';

/** Below this many runs, starting worker threads costs more than it saves. */
const MIN_RUNS_FOR_WORKERS = 64;
const MAX_RUNS = 100_000;

export interface ScenarioRunOptions {
  runs?: number;
  workers?: number;
}

/** Parses --runs and --workers (shared by run and compare). */
export function runOptions(values: { runs?: string | undefined; workers?: string | undefined }): ScenarioRunOptions {
  const o: ScenarioRunOptions = {};
  if (values.runs !== undefined) {
    o.runs = parseIntArg(values.runs, 'runs');
    if (o.runs < 1 || o.runs > MAX_RUNS) throw new UsageError(`--runs: expected 1–${MAX_RUNS}, found ${o.runs}`);
  }
  if (values.workers !== undefined) {
    o.workers = parseIntArg(values.workers, 'workers');
    if (o.workers < 0 || o.workers > 64) throw new UsageError(`--workers: expected 0–64, found ${o.workers}`);
  }
  return o;
}

/**
 * Validates every file first; prints each issue as file:line:column and returns null when any file
 * is invalid (nothing runs then), else the prepared scenarios in argument order.
 */
export function prepareFiles(
  files: readonly string[],
  o: ScenarioRunOptions,
  err: (line: string) => void,
): PreparedScenario[] | null {
  const datasets = new DatasetCache();
  const prepared: PreparedScenario[] = [];
  let invalid = false;
  for (const file of files) {
    const p = loadScenarioFile(file, { datasets, ...(o.runs !== undefined ? { runs: o.runs } : {}) });
    if (!p.ok) {
      invalid = true;
      for (const issue of p.issues) err(formatIssue(file, issue));
      continue;
    }
    for (const w of p.value.warnings) err(`${formatIssue(file, w)} (warning)`);
    prepared.push(p.value);
  }
  return invalid ? null : prepared;
}

/** Runs prepared scenarios on a pool of worker threads (or in this thread for small runs). */
export async function runAll(prepared: readonly PreparedScenario[], o: ScenarioRunOptions): Promise<ScenarioSummary[]> {
  const maxRuns = Math.max(...prepared.map((p) => p.compiled.runs));
  const workers = o.workers ?? (maxRuns >= MIN_RUNS_FOR_WORKERS ? Math.min(4, availableParallelism()) : 0);
  const pool = workers > 0 ? startScenarioPool(workers) : null;
  const runner: ScenarioRunner = pool ?? inProcessRunner();
  try {
    const out: ScenarioSummary[] = [];
    for (const p of prepared) out.push(await runScenario(p, runner));
    return out;
  } finally {
    await pool?.terminate();
  }
}

/** Years worth showing: the start, every target year, and the end. */
export function reportYears(s: ScenarioSummary): number[] {
  const years = new Set([s.years[0]!, ...s.targets.map((t) => t.year), s.years[s.years.length - 1]!]);
  return [...years].sort((a, b) => a - b);
}

/**
 * `voorraad run <files…> [--runs N] [--out dir] [--workers N]`: runs scenario files, writes JSON and
 * CSV per scenario, prints a table. Exit 0 when every target is met, 1 when one is not, 2 when a
 * file is invalid (then nothing runs).
 */
export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      out: { type: 'string', default: 'scenario-results' },
      workers: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0)
    throw new UsageError('expected one or more scenario files, e.g. voorraad run scenarios/*.yaml');
  const o = runOptions(values);
  const err = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const prepared = prepareFiles(positionals, o, err);
  if (!prepared) return 2;
  const ids = prepared.map((p) => p.id);
  const twice = ids.find((id, k) => ids.indexOf(id) !== k);
  if (twice !== undefined)
    throw new UsageError(
      `two scenario files are named ${twice}; their results would overwrite each other in ${values.out}`,
    );
  const summaries = await runAll(prepared, o);
  mkdirSync(values.out, { recursive: true });
  let failed = 0;
  summaries.forEach((s, k) => {
    const base = join(values.out, s.scenario.id);
    writeFileSync(`${base}.json`, resultJson(s));
    writeFileSync(`${base}.csv`, resultCsv(s));
    writeFileSync(`${base}-doelen.csv`, targetsCsv(s));
    const areas = s.units.filter((u) => u.kind === 'area').map((u) => u.id);
    process.stdout.write(
      [
        `\n${s.scenario.name} (${prepared[k]!.file}) — ${s.scenario.runs} runs, seed ${s.scenario.seed}, ${s.years[0]}–${s.years[s.years.length - 1]}`,
        s.dataset.synthetic
          ? 'Let op: synthetische gegevens — geen echte woningen.'
          : `Dataset: ${s.dataset.name} (${s.dataset.dataDate})`,
        '',
        targetsTable(s),
        '',
        keyFiguresTable(s, areas, reportYears(s), KEY_METRICS),
        '',
        `Resultaten: ${base}.json, ${base}.csv, ${base}-doelen.csv`,
        `Beleidsregels (config/rules): ${s.rules.versions.length} versies, met de grenzen per jaar onder "rules" in ${base}.json${s.rules.labelAgreement ? `; prestatieafspraken: labels ${s.rules.labelAgreement.removeLabels.join('/')} weg uiterlijk ${s.rules.labelAgreement.byYear}` : ''}.`,
        `Huren: ${s.rules.rents.registered.toLocaleString('nl-NL')} uit een huurregister, ${s.rules.rents.imputed.toLocaleString('nl-NL')} geschat uit oppervlakte en label (aanname, housing.rent.imputed in config/rules).`,
        ...s.rules.designations
          .filter((d) => !d.designated)
          .map((d) => `Let op: ${d.usedAt.join(', ')} vraagt een aanwijzing (${d.law}) die er niet is.`),
        '',
      ].join('\n'),
    );
    for (const t of s.targets) {
      if (t.met) continue;
      failed++;
      err(
        `${prepared[k]!.file}: target not met: ${t.id} (${t.metric} ${t.area} ${t.year} ${t.bound} ${t.threshold}): probability ${t.probability} < required ${t.requiredProbability}`,
      );
    }
  });
  return failed > 0 ? 1 : 0;
}
