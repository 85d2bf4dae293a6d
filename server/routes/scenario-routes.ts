import { issueSchema } from '../../engine/issue-schema.ts';
import { SCENARIO_ISSUE_CODES } from '../../engine/housing/scenario-issue-codes.ts';
import { HousingRulesSchema } from '../../engine/housing/housing-rules.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultTargetId } from '../../engine/housing/compile.ts';
import { METRIC_IDS } from '../../engine/housing/metrics.ts';
import {
  parseScenarioObject,
  parseScenarioText,
  type ParsedScenario,
  type ScenarioIssue,
} from '../../engine/housing/scenario-yaml.ts';
import type { ScenarioSummary } from '../../engine/housing/summary.ts';
import {
  prepareParsed,
  referencedBuurten,
  scenarioDataset,
  scenarioId,
  type ScenarioDataset,
} from '../../workers/scenario-files.ts';
import { checkRunYears, checkScenarioCost, type BudgetCheck } from '../../workers/scenario-budget.ts';
import { inProcessRunner, runScenario } from '../../workers/scenario-pool.ts';
import { principalOf } from '../auth/principal.ts';
import { QueueFullError, createFairQueue } from '../fair-queue.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext, ScenarioRouteOptions } from '../app-context.ts';
import { ALL_ROLES } from '../auth/roles.ts';
import { json, route, routeGroup } from '../route-spec.ts';

/** Most Monte Carlo runs one API request may ask for; larger runs belong in `voorraad run`. */
export const API_MAX_RUNS = 500;
/** Largest request body, bytes. */
const MAX_BODY = 256 * 1024;
const SHIPPED_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** What the scenario routes may be given beyond the AppContext (all optional). */
const Stats = z.object({
  p10: z.array(z.number().nullable()),
  p50: z.array(z.number().nullable()),
  p90: z.array(z.number().nullable()),
  mean: z.array(z.number().nullable()),
});

export const ScenarioListResponse = z
  .object({
    synthetic: z.boolean(),
    maxRuns: z.number().int(),
    scenarios: z.array(
      z.object({
        id: z.string().describe('file name without .yaml; what POST /api/scenarios/run takes as `scenario`'),
        valid: z.boolean(),
        name: z.string(),
        description: z.string(),
        horizon: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
        runs: z.number().int().nullable(),
        interventions: z.array(z.object({ id: z.string(), kind: z.string() })),
        targets: z.array(z.object({ id: z.string(), metric: z.string(), area: z.string(), year: z.number().int() })),
        issues: z.array(issueSchema(SCENARIO_ISSUE_CODES).required({ path: true })),
      }),
    ),
  })
  .meta({ id: 'ScenarioList' });

export const ScenarioRunRequest = z
  .strictObject({
    scenario: z.string().min(1).optional().describe('id of a shipped scenario, e.g. baseline'),
    inline: z
      .unknown()
      .optional()
      .describe('a whole scenario object (the YAML format as JSON); plan files are not allowed'),
    runs: z
      .number()
      .int()
      .min(1)
      .describe(`Monte Carlo runs, at most ${API_MAX_RUNS}; default the scenario's own`)
      .optional(),
  })
  .meta({ id: 'ScenarioRunRequest' });

export const ScenarioResultResponse = z
  .object({
    format: z.literal('voorraad-scenario-result@1'),
    scenario: z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      seed: z.number(),
      runs: z.number().int(),
      horizon: z.object({ start: z.number(), end: z.number() }),
    }),
    dataset: z.object({ name: z.string(), synthetic: z.boolean(), dataDate: z.string() }),
    years: z.array(z.number().int()),
    units: z.array(
      z.object({ id: z.string(), name: z.string(), kind: z.enum(['buurt', 'area']), buurten: z.array(z.string()) }),
    ),
    metrics: z.array(z.object({ id: z.enum(METRIC_IDS), label: z.string(), unit: z.string() })),
    interventions: z.array(z.object({ id: z.string(), kind: z.string(), description: z.string() })),
    targets: z.array(
      z.object({
        id: z.string(),
        description: z.string(),
        metric: z.string(),
        area: z.string(),
        year: z.number().int(),
        bound: z.enum(['min', 'max']),
        threshold: z.string(),
        requiredProbability: z.number(),
        probability: z.number(),
        median: z.number().nullable(),
        met: z.boolean(),
      }),
    ),
    series: z
      .record(z.string(), z.record(z.string(), Stats))
      .describe('unit id → metric id → p10/p50/p90/mean per year'),
    warnings: z.array(issueSchema(SCENARIO_ISSUE_CODES)),
    rules: HousingRulesSchema.describe('the policy rules of the scenario years (config/rules) and their versions'),
  })
  .meta({ id: 'ScenarioResult' });

interface ShippedScenario {
  id: string;
  text: string;
  parsed: ParsedScenario;
}

function readShipped(dir: string): ShippedScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const text = readFileSync(`${dir}${dir.endsWith('/') ? '' : '/'}${f}`, 'utf8');
      return { id: scenarioId(f), text, parsed: parseScenarioText(text) };
    });
}

/** Stocks with extra buurten kept besides the programme areas' one (each at most the whole dataset's size). */
const EXTRA_STOCKS = 4;

function budgetError(b: BudgetCheck, path: (string | number)[]): void {
  if (!b.ok) throw new ApiError(b.code as 'scenario.budget.run-years', b.message, path);
}

function issueError(issues: readonly ScenarioIssue[], prefix: (string | number)[]): ApiError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return ApiError.fromIssue(
    { code: first.code, message: `${first.message}${more}`, path: ['body', ...prefix, ...first.path] },
    400,
  );
}

function scenarioState(ctx: AppContext & { scenarios?: ScenarioRouteOptions }) {
  const dir = ctx.scenarios?.scenarioDir ?? SHIPPED_DIR;
  const shipped = readShipped(dir);
  const { dataset } = ctx.data;
  const base = scenarioDataset(dataset, ctx.data.columns);
  // Stocks for scenarios naming extra buurten: a small LRU, filled only by requests that passed every check (a
  // request with random areas used to leave a copy of the stock behind even when it was then rejected).
  const extraStocks = ctx.scenarios?.stockCache ?? new Map<string, ScenarioDataset>();
  const keyOf = (extra: readonly string[]) => [...new Set(extra)].sort().join(',');
  const dataFor = (extra: readonly string[]): ScenarioDataset => {
    const key = keyOf(extra);
    if (key === '') return base;
    const d = extraStocks.get(key);
    if (d) {
      extraStocks.delete(key);
      extraStocks.set(key, d);
      return d;
    }
    return scenarioDataset(dataset, ctx.data.columns, extra);
  };
  const keep = (extra: readonly string[], d: ScenarioDataset): void => {
    const key = keyOf(extra);
    if (key === '' || extraStocks.has(key)) return;
    if (extraStocks.size >= EXTRA_STOCKS) extraStocks.delete(extraStocks.keys().next().value!);
    extraStocks.set(key, d);
  };
  const queue =
    ctx.scenarios?.queue ?? createFairQueue({ concurrency: 1, perUserActive: 1, perUserQueued: 3, maxQueued: 32 });
  const list = {
    synthetic: dataset.meta.synthetic,
    maxRuns: API_MAX_RUNS,
    scenarios: shipped.map(({ id, parsed }) =>
      parsed.ok
        ? {
            id,
            valid: true,
            name: parsed.scenario.name,
            description: parsed.scenario.description,
            horizon: parsed.scenario.horizon,
            runs: parsed.scenario.runs,
            interventions: parsed.scenario.interventions.map((iv, k) => ({
              id: iv.id ?? `${iv.kind}-${k + 1}`,
              kind: iv.kind,
            })),
            targets: parsed.scenario.targets.map((t) => ({
              id: t.id ?? defaultTargetId(t),
              metric: t.metric,
              area: t.area,
              year: t.year,
            })),
            issues: [],
          }
        : {
            id,
            valid: false,
            name: id,
            description: '',
            horizon: null,
            runs: null,
            interventions: [],
            targets: [],
            issues: parsed.issues.map((i) => ({ code: i.code, message: i.message, path: i.path })),
          },
    ),
  };
  // Results are deterministic, so the last few are kept by scenario and run count.
  return {
    dir,
    shipped,
    dataFor,
    keep,
    queue,
    list,
    runner: ctx.scenarios?.runner ?? inProcessRunner(),
    cache: new Map<string, ScenarioSummary>(),
  };
}

/** GET /api/scenarios and POST /api/scenarios/run: computations on the stock that change nothing, every role. */
export const SCENARIO_ROUTES = routeGroup(scenarioState, [
  route({
    method: 'GET',
    path: '/api/scenarios',
    access: ALL_ROLES,
    summary: 'Shipped scenario files with name, description, horizon, interventions and targets',
    responses: { 200: json(ScenarioListResponse) },
    handler: (c, _in, s) => c.json(s.list),
  }),
  route({
    method: 'POST',
    path: '/api/scenarios/run',
    access: ALL_ROLES,
    bodyLimit: MAX_BODY,
    body: ScenarioRunRequest,
    errors: [404, 429],
    summary: `Runs a shipped or inline scenario on the served dataset (body ScenarioRunRequest, at most ${API_MAX_RUNS} runs); median and 10/90 percentiles per unit, metric and year`,
    responses: { 200: json(ScenarioResultResponse) },
    handler: async (c, { body }, s) => {
      const { scenario: name, inline, runs } = body;
      if ((name === undefined) === (inline === undefined))
        throw new ApiError(
          'request.scenario',
          'give exactly one of scenario (a shipped id) and inline (a scenario object)',
          ['body', name === undefined ? 'scenario' : 'inline'],
        );
      if (runs !== undefined && runs > API_MAX_RUNS)
        throw new ApiError(
          'scenario.runs.too-many',
          `runs ${runs} exceeds the API limit of ${API_MAX_RUNS}; run larger batches with voorraad run`,
          ['body', 'runs'],
        );
      let parsed: ParsedScenario, id: string, prefix: (string | number)[];
      if (name !== undefined) {
        const found = s.shipped.find((x) => x.id === name);
        if (!found)
          throw new ApiError(
            'scenario.unknown',
            `no shipped scenario "${name}"; expected one of ${s.shipped.map((x) => x.id).join(', ')}`,
            ['body', 'scenario'],
          );
        ({ parsed, id, prefix } = { parsed: found.parsed, id: found.id, prefix: [] });
      } else {
        ({ parsed, id, prefix } = { parsed: parseScenarioObject(inline), id: 'inline', prefix: ['inline'] });
      }
      if (!parsed.ok) throw issueError(parsed.issues, prefix);
      const wanted = runs ?? parsed.scenario.runs;
      if (wanted > API_MAX_RUNS)
        throw new ApiError(
          'scenario.runs.too-many',
          `the scenario asks for ${wanted} runs, more than the API limit of ${API_MAX_RUNS}; pass runs`,
          ['body', ...prefix, 'runs'],
        );
      const key = name !== undefined ? `${name}:${wanted}` : null;
      const hit = key ? s.cache.get(key) : undefined;
      if (hit) return c.json(hit);
      // Bounded before any work: runs × years first, then (after compiling) runs × years × dwellings and the values.
      budgetError(checkRunYears(parsed.scenario.horizon, wanted), ['body', ...prefix, 'horizon']);
      const extra = [...Object.values(parsed.scenario.areas ?? {}).flat(), ...referencedBuurten(parsed.scenario)];
      const data = s.dataFor(extra);
      const prepared = prepareParsed(parsed, {
        id,
        file: null,
        baseDir: name !== undefined ? s.dir : null,
        data,
        runs: wanted,
      });
      if (!prepared.ok) throw issueError(prepared.issues, prefix);
      budgetError(checkScenarioCost(prepared.value.compiled, prepared.value.stock.count), ['body', ...prefix, 'areas']);
      s.keep(extra, data);
      if (parsed.scenario.dataset !== 'shipped') {
        prepared.value.warnings.push({
          code: 'scenario.dataset.served',
          message: `the API runs scenarios on the served dataset, not "${parsed.scenario.dataset}"`,
          path: [...prefix, 'dataset'],
        });
      }
      const user = principalOf(c)?.name ?? 'anonymous';
      let summary: ScenarioSummary;
      try {
        summary = await s.queue.run(user, () => runScenario(prepared.value, s.runner));
      } catch (err) {
        if (err instanceof QueueFullError) throw new ApiError('scenario.busy', err.message);
        throw err;
      }
      if (key) {
        if (s.cache.size >= 8) s.cache.delete(s.cache.keys().next().value!);
        s.cache.set(key, summary);
      }
      return c.json(summary);
    },
  }),
]);
