import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { BuurtCode, DWELLING_TYPES, DwellingType, OWNERSHIP_CATEGORIES, Ownership } from '../../engine/dwelling.ts';
import type { Issue } from '../../engine/result.ts';
import { DwellingDetailSchema, ScoresResponseSchema, WhatIfResponseSchema } from '../../engine/retrofit/retrofit-schemas.ts';
import { contextToJson, retrofitContext } from '../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS, parseWeightsText, type WeightsConfig } from '../../engine/retrofit/weights.ts';
import { whatIf } from '../../engine/retrofit/what-if.ts';
import { WhatIfInputSchema } from '../../engine/retrofit/what-if-input.ts';
import type { EngineApi } from '../../workers/engine-api.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext } from '../app-context.ts';
import type { RouteDoc } from '../openapi.ts';
import { acceptsGzip, canonicalJson, createResponseCache, digest } from '../response-cache.ts';

/** What the retrofit routes need: the app context with an engine that has the retrofit methods. */
export type RetrofitRouteContext = Omit<AppContext, 'engine'> & { engine: Pick<EngineApi, 'retrofitLoadContext' | 'retrofitScoresJson' | 'retrofitDwelling'> };

export const RetrofitScoresQuery = z.object({
  buurt: z.string().optional().describe('comma-separated CBS buurt codes, e.g. BU16740202; all when absent'),
  ownership: z.string().optional().describe(`comma-separated ownership categories: ${OWNERSHIP_CATEGORIES.join(', ')}`),
  type: z.string().optional().describe(`comma-separated dwelling types: ${DWELLING_TYPES.join(', ')}`),
  weights: z.string().optional().describe('a complete weights file as JSON (config/weights.default.json is the default)'),
});

export const RetrofitDwellingQuery = z.object({
  date: z.string().optional().describe('planning date YYYY-MM-DD for the natuurkalender; today when absent'),
  weights: z.string().optional().describe('a complete weights file as JSON'),
});

export const RetrofitContextResponse = z.object({
  count: z.number().int(), storeys: z.array(z.number().int()), flatRoof: z.array(z.number().int()),
  facadeAzimuthDeg: z.array(z.number().int()).describe('65535 = unknown'), priceMode: z.array(z.number().int()),
  buurtLowIncomeShare: z.array(z.number().nullable()).describe('per entry of the table\'s buurtCodes'),
}).meta({ id: 'RetrofitContext' });

export const RETROFIT_ROUTE_DOCS: RouteDoc[] = [
  { method: 'post', path: '/api/retrofit/what-if', body: WhatIfInputSchema, summary: 'One dwelling, what-if: measures, labels, ecology dates and priority (JSON body: type, bouwjaar, oppervlakte, date?, label?, eigendom?, …; application/json only)', response: WhatIfResponseSchema, errors: [400, 403, 413, 415] },
  { method: 'get', path: '/api/retrofit/scores', summary: 'Retrofit priority with breakdown, label before/after, route, habitat risk and measures summary per dwelling', query: RetrofitScoresQuery, response: ScoresResponseSchema, errors: [400, 404] },
  { method: 'get', path: '/api/retrofit/context', summary: 'Building and buurt context aligned with /api/dwellings/table, so the browser engine worker can score and re-score locally (EngineApi.retrofitLoadContext)', response: RetrofitContextResponse },
  { method: 'get', path: '/api/retrofit/dwellings/{vboId}', summary: 'Every measure (or why not), package, ecology dates and element states of one dwelling (the map popup)', query: RetrofitDwellingQuery, response: DwellingDetailSchema, errors: [400, 404] },
];

/** Today's date in the Netherlands, YYYY-MM-DD (the engine takes dates as input). */
export function todayInNl(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function list<T extends string>(raw: string | undefined, field: string, allowed: readonly T[]): T[] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((v, i) => {
    if (!(allowed as readonly string[]).includes(v)) throw new ApiError(400, `query.${field}.unknown`, `${field} "${v}" is not one of ${allowed.join(', ')}`, ['query', field, i]);
    return v as T;
  });
}

const defaultWeightsKey = canonicalJson(DEFAULT_WEIGHTS);

function weightsFrom(raw: string | undefined): WeightsConfig | undefined {
  if (raw === undefined) return undefined;
  const r = parseWeightsText(raw);
  if (!r.ok) throw ApiError.fromIssue(400, { ...r.issues[0]!, path: ['query', 'weights', ...(r.issues[0]!.path ?? [])] });
  return r.value;
}

const onlyJson = (contentType: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(contentType ?? '');

/**
 * Bounds of the scores cache (server/response-cache.ts). One shipped-stock answer is ~3.2 MB of JSON plus ~0.3 MB
 * gzip'd; 16 entries / 64 MB keep the map's usual filter combinations while capping memory (bench/load.ts RSS).
 */
export const SCORES_CACHE = { maxEntries: 16, maxBytes: 64 * 1024 * 1024 } as const;

/** Sorted, de-duplicated filter values: OR within a filter, so order and repeats cannot change the answer. */
const normalised = (values: readonly string[] | undefined): string[] | null => (values?.length ? [...new Set(values)].sort() : null);

export function registerRetrofitRoutes(app: Hono, ctx: RetrofitRouteContext, opts: { today?: () => string } = {}): void {
  const { dataset: ds, columns } = ctx.data;
  const today = opts.today ?? ctx.today ?? (() => todayInNl());
  const known = new Set(columns.buurtCodes);
  let loading: Promise<void> | null = null;
  const ensureLoaded = (): Promise<void> => (loading ??= (async () => {
    const r = await ctx.engine.retrofitLoadContext(retrofitContext(ds, columns.buurtCodes));
    if (!r.ok) {
      loading = null;
      throw ApiError.fromIssue(503, r.issues[0]!);
    }
  })());
  /** Runs an engine call, loading the retrofit context first (again, if the worker lost it). */
  async function withEngine<T>(call: () => Promise<{ ok: true; value: T } | { ok: false; issues: Issue[] }>): Promise<T> {
    await ensureLoaded();
    let r = await call();
    if (!r.ok && r.issues[0]!.code === 'retrofit.not-loaded') {
      loading = null;
      await ensureLoaded();
      r = await call();
    }
    if (!r.ok) throw ApiError.fromIssue(r.issues[0]!.code === 'dwelling.unknown' ? 404 : 400, r.issues[0]!);
    return r.value;
  }

  app.post('/api/retrofit/what-if', bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new ApiError(413, 'body.too-large', 'request body over 64 KiB'); } }), async (c) => {
    if (!onlyJson(c.req.header('content-type'))) throw new ApiError(415, 'body.content-type', 'send the what-if as application/json');
    const origin = c.req.header('origin');
    if (origin !== undefined && new URL(c.req.url).host !== safeHost(origin)) throw new ApiError(403, 'origin.forbidden', `cross-origin request from ${origin} refused`);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'body.json', 'the body is not valid JSON', ['body']);
    }
    const input = typeof body === 'object' && body !== null && !Array.isArray(body) && !('date' in body) ? { ...body, date: today() } : body;
    const r = whatIf(input);
    if (!r.ok) throw ApiError.fromIssue(400, { ...r.issues[0]!, path: ['body', ...(r.issues[0]!.path ?? [])] });
    return c.json({ ...r.value, warnings: r.warnings });
  });

  // The scores depend only on the dataset (fixed for this app: `ds` above) and the query, so each normalised query's
  // serialised body is cached; concurrent identical requests share one engine call.
  const scoresCache = createResponseCache(SCORES_CACHE);
  const bodyPrefix = JSON.stringify({ synthetic: ds.meta.synthetic, dataDate: ds.meta.dataDate });
  /** `{ synthetic, dataDate, ...result }` as c.json wrote it, spliced from the worker's JSON text of `result`. */
  const withMeta = (resultJson: string): string => (bodyPrefix === '{}' ? resultJson : `${bodyPrefix.slice(0, -1)},${resultJson.slice(1)}`);

  app.get('/api/retrofit/scores', async (c) => {
    const q = RetrofitScoresQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.invalid', q.error.issues[0]!.message, ['query']);
    const buurt = q.data.buurt?.split(',').map((s) => s.trim()).filter(Boolean);
    buurt?.forEach((code, i) => {
      if (!BuurtCode.safeParse(code).success) throw new ApiError(400, 'query.buurt.format', `buurt "${code}" is not a CBS buurt code such as BU16740202`, ['query', 'buurt', i]);
      if (!known.has(code)) throw new ApiError(404, 'buurt.unknown', `buurt ${code} has no dwellings in the dataset`, ['query', 'buurt', i]);
    });
    const ownership = list(q.data.ownership, 'ownership', Ownership.options);
    const type = list(q.data.type, 'type', DwellingType.options);
    // Weights are parsed (and rejected with 400) first and keyed by their canonical form, so key order, spacing or
    // an explicit copy of the defaults do not each miss the cache.
    const weights = weightsFrom(q.data.weights);
    const weightsKey = weights === undefined ? null : canonicalJson(weights);
    const key = JSON.stringify([normalised(buurt), normalised(ownership), normalised(type), weightsKey === null || weightsKey === defaultWeightsKey ? null : digest(weightsKey)]);
    const body = await scoresCache.get(key, async () => {
      const query = {
        ...(buurt ? { buurt } : {}),
        ...optional('ownership', ownership),
        ...optional('type', type),
        ...optional('weights', weights),
      };
      return withMeta(await withEngine(() => ctx.engine.retrofitScoresJson(query)));
    });
    // Vary on both branches: the same URL answers in two encodings.
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
    if (acceptsGzip(c.req.header('accept-encoding'))) return c.body(await body.gzip(), 200, { ...headers, 'Content-Encoding': 'gzip' });
    return c.body(body.identity, 200, headers);
  });

  const contextBody = JSON.stringify(contextToJson(retrofitContext(ds, columns.buurtCodes)));
  app.get('/api/retrofit/context', (c) => c.body(contextBody, 200, { 'Content-Type': 'application/json; charset=UTF-8' }));

  app.get('/api/retrofit/dwellings/:vboId', async (c) => {
    const q = RetrofitDwellingQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.invalid', q.error.issues[0]!.message, ['query']);
    const vboId = c.req.param('vboId');
    if (!/^\d{16}$/.test(vboId)) throw new ApiError(400, 'path.vboId.format', `"${vboId}" is not a 16-digit BAG verblijfsobject id`, ['path', 'vboId']);
    const weights = weightsFrom(q.data.weights);
    const detail = await withEngine(() => ctx.engine.retrofitDwelling(vboId, q.data.date ?? today(), weights));
    return c.json({ synthetic: ds.meta.synthetic, ...detail });
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
