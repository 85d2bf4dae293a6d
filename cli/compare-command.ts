import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { METRIC_IDS } from '../engine/housing/metrics.ts';
import { KEY_METRICS, compareTable } from '../engine/housing/result-table.ts';
import { RESULT_FORMAT, type ScenarioSummary } from '../engine/housing/summary.ts';
import { prepareFiles, reportYears, runAll, runOptions } from './run-command.ts';
import { UsageError } from './usage-error.ts';

function readResult(file: string): ScenarioSummary {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: not a readable result file (${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== RESULT_FORMAT) {
    throw new UsageError(
      `${file}: not a scenario result (expected "format": "${RESULT_FORMAT}", as written by voorraad run)`,
    );
  }
  return data as ScenarioSummary;
}

const list = (raw: string | undefined): string[] | undefined =>
  raw
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * `voorraad compare a.yaml b.yaml [--area Kalsdonk,…] [--years 2030,2035] [--metrics …] [--runs N]`:
 * runs both scenarios (or reads results written by `voorraad run`, *.json) and prints them side by
 * side. Exit 0, or 2 when a file is invalid.
 */
export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      workers: { type: 'string' },
      area: { type: 'string' },
      years: { type: 'string' },
      metrics: { type: 'string' },
      format: { type: 'string', default: 'table' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 2)
    throw new UsageError('expected two scenarios: voorraad compare a.yaml b.yaml (or result .json files)');
  if (values.format !== 'table' && values.format !== 'json')
    throw new UsageError(`--format: expected one of table, json, found "${values.format}"`);
  const metrics = list(values.metrics) ?? [...KEY_METRICS];
  for (const m of metrics) {
    if (!(METRIC_IDS as readonly string[]).includes(m))
      throw new UsageError(`--metrics: unknown metric "${m}"; expected one of ${METRIC_IDS.join(', ')}`);
  }
  const o = runOptions(values);
  const yamlFiles = positionals.filter((f) => extname(f) !== '.json');
  const err = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const prepared = prepareFiles(yamlFiles, o, err);
  if (!prepared) return 2;
  const ran = await runAll(prepared, o);
  const [a, b] = positionals.map((f) => (extname(f) === '.json' ? readResult(f) : ran[yamlFiles.indexOf(f)]!)) as [
    ScenarioSummary,
    ScenarioSummary,
  ];
  const known = new Set(a.units.map((u) => u.id).filter((id) => b.units.some((u) => u.id === id)));
  const areas = list(values.area) ?? a.units.filter((u) => u.kind === 'area' && known.has(u.id)).map((u) => u.id);
  for (const area of areas)
    if (!known.has(area))
      throw new UsageError(`--area: "${area}" is not in both results; expected one of ${[...known].join(', ')}`);
  const years =
    list(values.years)?.map(Number) ?? [...new Set([...reportYears(a), ...reportYears(b)])].sort((x, y) => x - y);
  for (const y of years) {
    if (!Number.isInteger(y) || !a.years.includes(y) || !b.years.includes(y))
      throw new UsageError(`--years: ${y} is not a year of both results`);
  }
  if (values.format === 'json') {
    const pick = (s: ScenarioSummary) => ({
      scenario: s.scenario,
      targets: s.targets,
      series: Object.fromEntries(areas.map((u) => [u, Object.fromEntries(metrics.map((m) => [m, s.series[u]?.[m]]))])),
    });
    process.stdout.write(`${JSON.stringify({ years: a.years, a: pick(a), b: pick(b) }, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(
    [
      `A: ${a.scenario.name} (${a.scenario.runs} runs)`,
      `B: ${b.scenario.name} (${b.scenario.runs} runs)`,
      a.dataset.synthetic || b.dataset.synthetic ? 'Let op: synthetische gegevens — geen echte woningen.' : '',
      '',
      compareTable(a, b, areas, years, metrics),
      '',
    ].join('\n'),
  );
  return 0;
}
