import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { z } from 'zod';
import { defaultTargetId } from '../../engine/housing/compile.ts';
import { METRIC_IDS } from '../../engine/housing/metrics.ts';
import { parseScenarioObject, parseScenarioText, type ParsedScenario, type ScenarioIssue } from '../../engine/housing/scenario-yaml.ts';
import type { ScenarioSummary } from '../../engine/housing/summary.ts';
import { prepareParsed, scenarioDataset, scenarioId, type ScenarioDataset } from '../../workers/scenario-files.ts';
import { checkRunYears, checkScenarioCost, type BudgetCheck } from '../../workers/scenario-budget.ts';
import { inProcessRunner, runScenario, type ScenarioRunner } from '../../workers/scenario-pool.ts';
import { ApiError } from '../api-error.ts';
import { principalOf } from '../auth/principal.ts';
import { QueueFullError, createFairQueue, type FairQueue } from '../fair-queue.ts';
import type { AppContext } from '../app-context.ts';
import type { RouteDoc } from '../openapi.ts';

/** Most Monte Carlo runs one API request may ask for; larger runs belong in `voorraad run`. */
export const API_MAX_RUNS = 500;
/** Largest request body, bytes. */
const MAX_BODY = 256 * 1024;
const SHIPPED_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** What the scenario routes may be given beyond the AppContext (all optional). */
export interface ScenarioRouteOptions {
  /** Directory of the shipped scenario files; default the repository's scenarios/. */
  scenarioDir?: string;
  /** Runs the Monte Carlo runs; default in this thread, yielding between chunks (pass a worker pool in production). */
  runner?: ScenarioRunner;
  /** Fair per-user queue in front of the runner; default one run at a time, one per user, three waiting per user. */
  queue?: FairQueue;
}

/** Stocks with extra buurten kept besides the programme areas' one (each at most the whole dataset's size). */
const EXTRA_STOCKS = 4;

function budgetError(b: BudgetCheck, path: (string | number)[]): void {
  if (!b.ok) throw new ApiError(400, b.code, b.message, path);
}

const Stats = z.object({ p10: z.array(z.number().nullable()), p50: z.array(z.number().nullable()), p90: z.array(z.number().nullable()), mean: z.array(z.number().nullable()) });

export const ScenarioListResponse = z.object({
  synthetic: z.boolean(),
  maxRuns: z.number().int(),
  scenarios: z.array(z.object({
    id: z.string().describe('file name without .yaml; what POST /api/scenarios/run takes as `scenario`'),
    valid: z.boolean(),
    name: z.string(),
    description: z.string(),
    horizon: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
    runs: z.number().int().nullable(),
    interventions: z.array(z.object({ id: z.string(), kind: z.string() })),
    targets: z.array(z.object({ id: z.string(), metric: z.string(), area: z.string(), year: z.number().int() })),
    issues: z.array(z.object({ code: z.string(), message: z.string(), path: z.array(z.union([z.string(), z.number()])) })),
  })),
}).meta({ id: 'ScenarioList' });

export const ScenarioRunRequest = z.strictObject({
  scenario: z.string().min(1).optional().describe('id of a shipped scenario, e.g. baseline'),
  inline: z.unknown().optional().describe('a whole scenario object (the YAML format as JSON); plan files are not allowed'),
  runs: z.number().int().min(1).describe(`Monte Carlo runs, at most ${API_MAX_RUNS}; default the scenario's own`).optional(),
}).meta({ id: 'ScenarioRunRequest' });

export const ScenarioResultResponse = z.object({
  format: z.literal('voorraad-scenario-result@1'),
  scenario: z.object({ id: z.string(), name: z.string(), description: z.string(), seed: z.number(), runs: z.number().int(), horizon: z.object({ start: z.number(), end: z.number() }) }),
  dataset: z.object({ name: z.string(), synthetic: z.boolean(), dataDate: z.string() }),
  years: z.array(z.number().int()),
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['buurt', 'area']), buurten: z.array(z.string()) })),
  metrics: z.array(z.object({ id: z.enum(METRIC_IDS), label: z.string(), unit: z.string() })),
  interventions: z.array(z.object({ id: z.string(), kind: z.string(), description: z.string() })),
  targets: z.array(z.object({
    id: z.string(), description: z.string(), metric: z.string(), area: z.string(), year: z.number().int(), bound: z.enum(['min', 'max']),
    threshold: z.string(), requiredProbability: z.number(), probability: z.number(), median: z.number().nullable(), met: z.boolean(),
  })),
  series: z.record(z.string(), z.record(z.string(), Stats)).describe('unit id → metric id → p10/p50/p90/mean per year'),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() })),
}).meta({ id: 'ScenarioResult' });

export const SCENARIO_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/scenarios', summary: 'Shipped scenario files with name, description, horizon, interventions and targets', response: ScenarioListResponse },
  {
    method: 'post', path: '/api/scenarios/run', body: ScenarioRunRequest,
    summary: `Runs a shipped or inline scenario on the served dataset (body ScenarioRunRequest, Content-Type application/json, at most ${API_MAX_RUNS} runs); median and 10/90 percentiles per unit, metric and year`,
    response: ScenarioResultResponse, errors: [400, 404, 413, 415, 429],
  },
];

interface ShippedScenario { id: string; text: string; parsed: ParsedScenario }

function readShipped(dir: string): ShippedScenario[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const text = readFileSync(`${dir}${dir.endsWith('/') ? '' : '/'}${f}`, 'utf8');
    return { id: scenarioId(f), text, parsed: parseScenarioText(text) };
  });
}

function issueError(status: 400 | 404, issues: readonly ScenarioIssue[], prefix: (string | number)[]): ApiError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return new ApiError(status, first.code, `${first.message}${more}`, [...prefix, ...first.path]);
}

/**
 * GET /api/scenarios and POST /api/scenarios/run. Results are deterministic, so the last few are
 * kept by scenario and run count.
 */
export function registerScenarioRoutes(app: Hono, ctx: AppContext & { scenarios?: ScenarioRouteOptions }): { cachedStocks(): number } {
  const dir = ctx.scenarios?.scenarioDir ?? SHIPPED_DIR;
  const runner = ctx.scenarios?.runner ?? inProcessRunner();
  const shipped = readShipped(dir);
  const { dataset } = ctx.data;
  const queue = ctx.scenarios?.queue ?? createFairQueue({ concurrency: 1, perUserActive: 1, perUserQueued: 3, maxQueued: 32 });
  const base = scenarioDataset(dataset, ctx.data.columns);
  // Stocks for scenarios naming extra buurten: a small LRU, filled only by requests that passed every check (a
  // request with random areas used to leave a copy of the stock behind even when it was then rejected).
  const extraStocks = new Map<string, ScenarioDataset>();
  const keyOf = (extra: readonly string[]) => [...new Set(extra)].sort().join(',');
  const dataFor = (extra: readonly string[]): ScenarioDataset => {
    const key = keyOf(extra);
    if (key === '') return base;
    const d = extraStocks.get(key);
    if (d) { extraStocks.delete(key); extraStocks.set(key, d); return d; }
    return scenarioDataset(dataset, ctx.data.columns, extra);
  };
  const keep = (extra: readonly string[], d: ScenarioDataset): void => {
    const key = keyOf(extra);
    if (key === '' || extraStocks.has(key)) return;
    if (extraStocks.size >= EXTRA_STOCKS) extraStocks.delete(extraStocks.keys().next().value!);
    extraStocks.set(key, d);
  };
  const cache = new Map<string, ScenarioSummary>();

  const list = {
    synthetic: dataset.meta.synthetic,
    maxRuns: API_MAX_RUNS,
    scenarios: shipped.map(({ id, parsed }) => parsed.ok
      ? {
          id, valid: true, name: parsed.scenario.name, description: parsed.scenario.description, horizon: parsed.scenario.horizon, runs: parsed.scenario.runs,
          interventions: parsed.scenario.interventions.map((iv, k) => ({ id: iv.id ?? `${iv.kind}-${k + 1}`, kind: iv.kind })),
          targets: parsed.scenario.targets.map((t) => ({ id: t.id ?? defaultTargetId(t), metric: t.metric, area: t.area, year: t.year })),
          issues: [],
        }
      : { id, valid: false, name: id, description: '', horizon: null, runs: null, interventions: [], targets: [], issues: parsed.issues.map((i) => ({ code: i.code, message: i.message, path: i.path })) }),
  };
  app.get('/api/scenarios', (c) => c.json(list));

  app.post('/api/scenarios/run', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new ApiError(415, 'body.content-type', `send the request body as application/json (found "${type || 'none'}")`);
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_BODY) throw new ApiError(413, 'request.too-large', `request body of ${length} bytes exceeds ${MAX_BODY}`);
    const raw = await c.req.text();
    if (raw.length > MAX_BODY) throw new ApiError(413, 'request.too-large', `request body exceeds ${MAX_BODY} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ApiError(400, 'request.json', 'the request body is not valid JSON');
    }
    const body = ScenarioRunRequest.safeParse(json);
    if (!body.success) {
      const i = body.error.issues[0]!;
      throw new ApiError(400, 'request.invalid', i.message, i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    }
    const { scenario: name, inline, runs } = body.data;
    if ((name === undefined) === (inline === undefined)) throw new ApiError(400, 'request.scenario', 'give exactly one of scenario (a shipped id) and inline (a scenario object)', [name === undefined ? 'scenario' : 'inline']);
    if (runs !== undefined && runs > API_MAX_RUNS) throw new ApiError(400, 'scenario.runs.too-many', `runs ${runs} exceeds the API limit of ${API_MAX_RUNS}; run larger batches with voorraad run`, ['runs']);
    let parsed: ParsedScenario, id: string, prefix: (string | number)[];
    if (name !== undefined) {
      const s = shipped.find((x) => x.id === name);
      if (!s) throw new ApiError(404, 'scenario.unknown', `no shipped scenario "${name}"; expected one of ${shipped.map((x) => x.id).join(', ')}`, ['scenario']);
      ({ parsed, id, prefix } = { parsed: s.parsed, id: s.id, prefix: [] });
    } else {
      ({ parsed, id, prefix } = { parsed: parseScenarioObject(inline), id: 'inline', prefix: ['inline'] });
    }
    if (!parsed.ok) throw issueError(400, parsed.issues, prefix);
    const wanted = runs ?? parsed.scenario.runs;
    if (wanted > API_MAX_RUNS) throw new ApiError(400, 'scenario.runs.too-many', `the scenario asks for ${wanted} runs, more than the API limit of ${API_MAX_RUNS}; pass runs`, [...prefix, 'runs']);
    const key = name !== undefined ? `${name}:${wanted}` : null;
    const hit = key ? cache.get(key) : undefined;
    if (hit) return c.json(hit);
    // Bounded before any work: runs × years first, then (after compiling) runs × years × dwellings and the values.
    budgetError(checkRunYears(parsed.scenario.horizon, wanted), [...prefix, 'horizon']);
    const extra = Object.values(parsed.scenario.areas ?? {}).flat();
    const data = dataFor(extra);
    const prepared = prepareParsed(parsed, { id, file: null, baseDir: name !== undefined ? dir : null, data, runs: wanted });
    if (!prepared.ok) throw issueError(400, prepared.issues, prefix);
    budgetError(checkScenarioCost(prepared.value.compiled, prepared.value.stock.count), [...prefix, 'areas']);
    keep(extra, data);
    if (parsed.scenario.dataset !== 'shipped') {
      prepared.value.warnings.push({ code: 'scenario.dataset.served', message: `the API runs scenarios on the served dataset, not "${parsed.scenario.dataset}"`, path: [...prefix, 'dataset'] });
    }
    const user = principalOf(c)?.name ?? 'anonymous';
    let summary: ScenarioSummary;
    try {
      summary = await queue.run(user, () => runScenario(prepared.value, runner));
    } catch (err) {
      if (err instanceof QueueFullError) throw new ApiError(429, 'scenario.busy', err.message);
      throw err;
    }
    if (key) {
      if (cache.size >= 8) cache.delete(cache.keys().next().value!);
      cache.set(key, summary);
    }
    return c.json(summary);
  });
  return { cachedStocks: () => extraStocks.size };
}
