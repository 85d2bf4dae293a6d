import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { buildBlocks } from '../engine/blocks/blocks.ts';
import type { Dataset } from '../engine/dataset.ts';
import { toColumns, type DwellingColumns } from '../engine/dwelling-table.ts';
import { compileScenario } from '../engine/housing/compile.ts';
import type { CompiledScenario } from '../engine/housing/compiled.ts';
import { RetrofitPlan, type RetrofitPlanEntry } from '../engine/housing/retrofit-plan.ts';
import type { Scenario } from '../engine/housing/scenario-schema.ts';
import {
  parseScenarioText,
  type Locate,
  type ParsedScenario,
  type ScenarioIssue,
} from '../engine/housing/scenario-yaml.ts';
import { housingStockFrom, type HousingStock } from '../engine/housing/stock.ts';
import type { DatasetInfo } from '../engine/housing/summary.ts';
import { FOCUS_BUURTEN, PROGRAMME_AREAS } from '../geodata/boundaries/programme-areas.ts';
import { resolveBuurtParameters } from '../engine/buurt-parameters/resolve.ts';
import { DatasetFileError, readDataset } from '../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../geodata/shipped.ts';

/** Areas where the Woonagenda 2021–2025 builds no new social rent (docs/domain.md §4). */
export const NO_NEW_SOCIAL_RENT_AREAS = ['Kalsdonk', 'Westrand'] as const;

/** A scenario ready to run: compiled against its dataset's stock. */
export interface PreparedScenario {
  /** File stem (or the API's scenario name). */
  id: string;
  file: string | null;
  scenario: Scenario;
  compiled: CompiledScenario;
  stock: HousingStock;
  dataset: DatasetInfo;
  warnings: ScenarioIssue[];
}

export type Prepared = { ok: true; value: PreparedScenario } | { ok: false; issues: ScenarioIssue[] };

/** A dataset as the scenarios use it: the stock of the programme areas' buurten, and buurt names. */
export interface ScenarioDataset {
  stock: HousingStock;
  /** Low-income share per buurt code: the buurt parameters resolved against the dataset (engine/buurt-parameters). */
  lowIncomeShare: Record<string, number>;
  info: DatasetInfo;
  buurtNames: Record<string, string>;
  /** Block (or complex) id of each stock dwelling (engine/blocks), what a scenario's `blocks:` names. */
  blockOf: (string | null)[];
}

/**
 * The stock of the housing-mix buurten (Kalsdonk and Westrand, the programme's differentiation strategy) plus the
 * buurten a scenario names: its own areas, buurt codes, or another programme area such as Centrum-Oud. The old
 * centre has a stock since it became the acquisition target's priority zone; scenarios that do not name it keep
 * the stock they had.
 */
export function scenarioDataset(
  ds: Pick<Dataset, 'meta' | 'buurten' | 'energyPoverty' | 'buildings' | 'dwellings' | 'portfolio'>,
  columns: DwellingColumns,
  extraBuurten: readonly string[] = [],
): ScenarioDataset {
  const buurten = [...new Set([...FOCUS_BUURTEN, ...extraBuurten])];
  // Registered rents from a corporation's portfolio register; the scenario imputes the rest (engine/housing/rents.ts).
  const rents = new Map<string, number>();
  for (const p of ds.portfolio ?? []) if (p.rentEur !== null) rents.set(p.vboId, p.rentEur);
  const stock = housingStockFrom(columns, buurten, rents);
  const blocks = buildBlocks(ds).blockOf;
  const params = resolveBuurtParameters(stock.buurtCodes, ds);
  return {
    stock,
    lowIncomeShare: Object.fromEntries([...params.byCode].map(([code, p]) => [code, p.lowIncomeShare])),
    info: { name: ds.meta.name, synthetic: ds.meta.synthetic, dataDate: ds.meta.dataDate },
    buurtNames: Object.fromEntries(ds.buurten.map((b) => [b.buurtcode, b.buurtnaam])),
    blockOf: stock.vboId.map((v) => blocks.get(v) ?? null),
  };
}

/**
 * Buurten outside the housing-mix buurten that a scenario names anywhere: buurt codes and the buurten of programme
 * areas named by their name (e.g. Centrum-Oud).
 */
export function referencedBuurten(scenario: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/^BU\d{8}$/.test(v)) out.add(v);
      for (const code of PROGRAMME_AREAS[v] ?? []) out.add(code);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(scenario);
  return [...out].filter((c) => !FOCUS_BUURTEN.includes(c));
}

/** Reads each dataset file once per process. */
export class DatasetCache {
  private readonly datasets = new Map<string, { ds: Dataset; columns: DwellingColumns }>();

  load(file: string): { ds: Dataset; columns: DwellingColumns } {
    let d = this.datasets.get(file);
    if (!d) {
      if (file === SHIPPED_DATASET) ensureShippedDataset();
      const ds = readDataset(file);
      d = { ds, columns: toColumns(ds.dwellings) };
      this.datasets.set(file, d);
    }
    return d;
  }
}

const located = (locate: Locate, issues: readonly ScenarioIssue[]): ScenarioIssue[] =>
  issues.map((i) => ({ ...i, path: i.path ?? [], ...(i.line === undefined ? locate(i.path ?? []) : {}) }));

/** Reads the retrofit plans a scenario links, relative to `baseDir`; null baseDir = plans are not allowed (API bodies). */
export function readRetrofitPlans(
  s: Scenario,
  baseDir: string | null,
): { plans: Record<number, RetrofitPlanEntry[]>; issues: ScenarioIssue[] } {
  const plans: Record<number, RetrofitPlanEntry[]> = {};
  const issues: ScenarioIssue[] = [];
  s.interventions.forEach((iv, k) => {
    if (iv.kind !== 'retrofit' || iv.plan === undefined) return;
    const path = ['interventions', k, 'plan'];
    if (baseDir === null) {
      issues.push({
        code: 'scenario.plan.not-allowed',
        message: 'a scenario sent to the API cannot link a plan file',
        path,
      });
      return;
    }
    const file = resolve(baseDir, iv.plan);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      issues.push({
        code: 'scenario.plan.unreadable',
        message: `cannot read plan ${iv.plan}: ${(err as Error).message}`,
        path,
      });
      return;
    }
    const plan = RetrofitPlan.safeParse(data);
    if (!plan.success) {
      const first = plan.error.issues[0]!;
      issues.push({
        code: 'scenario.plan.invalid',
        message: `${iv.plan}: ${first.message} at ${first.path.join('.')}`,
        path,
      });
      return;
    }
    plans[k] = plan.data.measures;
  });
  return { plans, issues };
}

/** Compiles a parsed scenario against a dataset; issues get positions through `locate`. */
export function prepareParsed(
  parsed: ParsedScenario,
  o: { id: string; file: string | null; baseDir: string | null; data: ScenarioDataset; runs?: number },
): Prepared {
  if (!parsed.ok) return parsed;
  const { scenario, locate } = parsed;
  const { plans, issues } = readRetrofitPlans(scenario, o.baseDir);
  if (issues.length > 0) return { ok: false, issues: located(locate, issues) };
  const compiled = compileScenario(scenario, {
    stock: o.data.stock,
    programmeAreas: PROGRAMME_AREAS,
    buurtNames: o.data.buurtNames,
    noNewSocialRentAreas: NO_NEW_SOCIAL_RENT_AREAS,
    plans,
    lowIncomeShare: o.data.lowIncomeShare,
    blockOf: o.data.blockOf,
    ...(o.runs !== undefined ? { runs: o.runs } : {}),
  });
  if (!compiled.ok) return { ok: false, issues: located(locate, compiled.issues as ScenarioIssue[]) };
  return {
    ok: true,
    value: {
      id: o.id,
      file: o.file,
      scenario,
      compiled: compiled.value,
      stock: o.data.stock,
      dataset: o.data.info,
      warnings: located(locate, compiled.warnings as ScenarioIssue[]),
    },
  };
}

/** The id of a scenario file: its name without directory and extension. */
export function scenarioId(file: string): string {
  return basename(file, extname(file));
}

/** Reads, validates and compiles a scenario file (YAML); its dataset comes from the cache. */
export function loadScenarioFile(file: string, o: { datasets: DatasetCache; runs?: number }): Prepared {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, issues: [{ code: 'scenario.file.unreadable', message: (err as Error).message, path: [] }] };
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return parsed;
  const baseDir = dirname(resolve(file));
  const datasetFile =
    parsed.scenario.dataset === 'shipped' ? SHIPPED_DATASET : resolve(baseDir, parsed.scenario.dataset);
  if (parsed.scenario.dataset !== 'shipped' && !existsSync(datasetFile)) {
    return {
      ok: false,
      issues: located(parsed.locate, [
        { code: 'scenario.dataset.missing', message: `dataset file ${datasetFile} not found`, path: ['dataset'] },
      ]),
    };
  }
  let data: ScenarioDataset;
  try {
    const { ds, columns } = o.datasets.load(datasetFile);
    data = scenarioDataset(ds, columns, [
      ...Object.values(parsed.scenario.areas ?? {}).flat(),
      ...referencedBuurten(parsed.scenario),
    ]);
  } catch (err) {
    if (!(err instanceof DatasetFileError)) throw err;
    return {
      ok: false,
      issues: located(parsed.locate, [{ code: `scenario.${err.code}`, message: err.message, path: ['dataset'] }]),
    };
  }
  return prepareParsed(parsed, {
    id: scenarioId(file),
    file,
    baseDir,
    data,
    ...(o.runs !== undefined ? { runs: o.runs } : {}),
  });
}
