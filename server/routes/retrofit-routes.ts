import { z } from 'zod';
import { DWELLING_TYPES, OWNERSHIP_CATEGORIES } from '../../engine/dwelling.ts';
import type { Issue } from '../../engine/result.ts';
import {
  DwellingDetailSchema,
  ScoresResponseSchema,
  WhatIfResponseSchema,
} from '../../engine/retrofit/retrofit-schemas.ts';
import { contextToJson, retrofitContext } from '../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS, parseWeightsText, type WeightsConfig } from '../../engine/retrofit/weights.ts';
import { whatIf } from '../../engine/retrofit/what-if.ts';
import { WhatIfInputSchema } from '../../engine/retrofit/what-if-input.ts';
import type { EngineApi } from '../../workers/engine-api.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext } from '../app-context.ts';
import { ALL_ROLES } from '../auth/roles.ts';
import { BuurtList, CsvOf, checkKnownBuurten } from '../query-params.ts';
import { utf8 } from '../loaded-dataset.ts';
import { json, route, routeGroup } from '../route-spec.ts';
import { acceptsGzip, canonicalJson, createResponseCache, digest } from '../response-cache.ts';
import { todayInNl } from '../today.ts';

/** What the retrofit routes need: the app context with an engine that has the retrofit methods. */
export type RetrofitRouteContext = Omit<AppContext, 'engine'> & {
  engine: Pick<EngineApi, 'retrofitLoadContext' | 'retrofitScoresJson' | 'retrofitDwelling'>;
};

export const RetrofitScoresQuery = z.object({
  buurt: BuurtList.optional().describe('comma-separated CBS buurt codes, e.g. BU16740202; all when absent'),
  ownership: CsvOf(OWNERSHIP_CATEGORIES)
    .optional()
    .describe(`comma-separated ownership categories: ${OWNERSHIP_CATEGORIES.join(', ')}`),
  type: CsvOf(DWELLING_TYPES)
    .optional()
    .describe(`comma-separated dwelling types: ${DWELLING_TYPES.join(', ')}`),
  weights: z
    .string()
    .optional()
    .describe('a complete weights file as JSON (config/weights.default.json is the default)'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe("planning date YYYY-MM-DD of the subsidies behind each dwelling's net cost; today when absent"),
});

export const RetrofitDwellingQuery = z.object({
  date: z.string().optional().describe('planning date YYYY-MM-DD for the natuurkalender; today when absent'),
  weights: z.string().optional().describe('a complete weights file as JSON'),
});

export const RetrofitContextResponse = z
  .object({
    count: z.number().int(),
    storeys: z.array(z.number().int()),
    floorLevel: z
      .array(z.number().int())
      .describe('storey of each dwelling as scored; 255 = unknown (a flat whose floor was only guessed)'),
    flatRoof: z.array(z.number().int()),
    facadeAzimuthDeg: z.array(z.number().int()).describe('65535 = unknown'),
    priceMode: z.array(z.number().int()),
    buurtLowIncomeShare: z.array(z.number().nullable()).describe("per entry of the table's buurtCodes"),
    buurtQuoteIncomeEur: z
      .array(z.number())
      .describe("net income of a low-income household per buurt (€/yr), the energy quote's denominator"),
    buurtShareSource: z
      .array(z.number().int())
      .describe('where each share came from: 0 cbs, 1 config, 2 fallback, 3 input'),
    measuredGasM3: z
      .array(z.number().nullable())
      .describe('measured gas use (m³/yr) of the CBS row each dwelling calibrates against; null when none'),
    measuredSource: z
      .array(z.number().int())
      .describe('which CBS row: 0 buurt, 1 wijk, 2 gemeente, 3 regional-proxy, 255 none'),
  })
  .meta({ id: 'RetrofitContext' });

export { todayInNl } from '../today.ts';

const defaultWeightsKey = canonicalJson(DEFAULT_WEIGHTS);

function weightsFrom(raw: string | undefined): WeightsConfig | undefined {
  if (raw === undefined) return undefined;
  const r = parseWeightsText(raw);
  if (!r.ok)
    throw ApiError.fromIssue({ ...r.issues[0]!, path: ['query', 'weights', ...(r.issues[0]!.path ?? [])] }, 400);
  return r.value;
}

/**
 * Bounds of the scores cache (server/response-cache.ts). One shipped-stock answer is ~3.2 MB of JSON plus ~0.3 MB
 * gzip'd; 16 entries / 64 MB keep the map's usual filter combinations while capping memory (bench/load.ts RSS).
 */
export const SCORES_CACHE = { maxEntries: 16, maxBytes: 64 * 1024 * 1024 } as const;

/** Sorted, de-duplicated filter values: OR within a filter, so order and repeats cannot change the answer. */
const normalised = (values: readonly string[] | undefined): string[] | null =>
  values?.length ? [...new Set(values)].sort() : null;

/** The what-if body: the engine's input, with the planning date optional (today in the Netherlands when absent). */
const WhatIfBody = WhatIfInputSchema.extend({
  date: z.string().optional().describe('planning date YYYY-MM-DD; today when absent'),
});

const VboIdParams = z.object({ vboId: z.string().regex(/^\d{16}$/, 'a 16-digit BAG verblijfsobject id') });

function retrofitState(ctx: RetrofitRouteContext) {
  const { dataset: ds, columns } = ctx.data;
  const today = ctx.today ?? (() => todayInNl());
  let loading: Promise<void> | null = null;
  const ensureLoaded = (): Promise<void> =>
    (loading ??= (async () => {
      const r = await ctx.engine.retrofitLoadContext(retrofitContext(ds, columns.buurtCodes));
      if (!r.ok) {
        loading = null;
        throw ApiError.fromIssue(r.issues[0]!, 503);
      }
    })());
  /** Runs an engine call, loading the retrofit context first (again, if the worker lost it). */
  async function withEngine<T>(
    call: () => Promise<{ ok: true; value: T } | { ok: false; issues: Issue[] }>,
  ): Promise<T> {
    await ensureLoaded();
    let r = await call();
    if (!r.ok && r.issues[0]!.code === 'retrofit.not-loaded') {
      loading = null;
      await ensureLoaded();
      r = await call();
    }
    if (!r.ok) throw ApiError.fromIssue(r.issues[0]!, 400);
    return r.value;
  }
  // The scores depend only on the dataset (fixed for this app) and the query, so each normalised query's
  // serialised body is cached; concurrent identical requests share one engine call.
  const bodyPrefix = JSON.stringify({ synthetic: ds.meta.synthetic, dataDate: ds.meta.dataDate });
  return {
    ctx,
    ds,
    today,
    withEngine,
    known: new Set(columns.buurtCodes),
    scoresCache: createResponseCache(SCORES_CACHE),
    /** `{ synthetic, dataDate, ...result }` as c.json wrote it, spliced from the worker's JSON text of `result`. */
    withMeta: (resultJson: string): string =>
      bodyPrefix === '{}' ? resultJson : `${bodyPrefix.slice(0, -1)},${resultJson.slice(1)}`,
    contextBody: utf8(JSON.stringify(contextToJson(retrofitContext(ds, columns.buurtCodes)))),
  };
}

/** Retrofit priority, what-if and per-dwelling detail: every signed-in role (public register data). */
export const RETROFIT_ROUTES = routeGroup(retrofitState, [
  route({
    method: 'POST',
    path: '/api/retrofit/what-if',
    access: ALL_ROLES,
    body: WhatIfBody,
    summary:
      'One dwelling, what-if: measures, labels, ecology dates and priority (JSON body: type, bouwjaar, oppervlakte, date?, label?, eigendom?, …)',
    responses: { 200: json(WhatIfResponseSchema) },
    handler: (c, { body }, s) => {
      const r = whatIf({ ...body, date: body.date ?? s.today() });
      if (!r.ok) throw ApiError.fromIssue({ ...r.issues[0]!, path: ['body', ...(r.issues[0]!.path ?? [])] }, 400);
      return c.json({ ...r.value, warnings: r.warnings });
    },
  }),
  route({
    method: 'GET',
    path: '/api/retrofit/scores',
    access: ALL_ROLES,
    query: RetrofitScoresQuery,
    errors: [404, 503],
    summary:
      'Retrofit priority with breakdown, label before/after, route, habitat risk and measures summary per dwelling',
    responses: { 200: json(ScoresResponseSchema) },
    handler: async (c, { query: q }, s) => {
      if (q.buurt) checkKnownBuurten(q.buurt, s.known);
      // Weights are parsed (and rejected with 400) first and keyed by their canonical form, so key order, spacing or
      // an explicit copy of the defaults do not each miss the cache.
      const weights = weightsFrom(q.weights);
      const weightsKey = weights === undefined ? null : canonicalJson(weights);
      const date = q.date ?? s.today();
      const key = JSON.stringify([
        date,
        normalised(q.buurt),
        normalised(q.ownership),
        normalised(q.type),
        weightsKey === null || weightsKey === defaultWeightsKey ? null : digest(weightsKey),
      ]);
      const body = await s.scoresCache.get(key, async () => {
        const query = {
          ...(q.buurt?.length ? { buurt: q.buurt } : {}),
          ...optional('ownership', q.ownership),
          ...optional('type', q.type),
          ...optional('weights', weights),
          date,
        };
        return s.withMeta(await s.withEngine(() => s.ctx.engine.retrofitScoresJson(query)));
      });
      // Vary on both branches: the same URL answers in two encodings.
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
      if (acceptsGzip(c.req.header('accept-encoding')))
        return c.body(await body.gzip(), 200, { ...headers, 'Content-Encoding': 'gzip' });
      return c.body(body.identity, 200, headers);
    },
  }),
  route({
    method: 'GET',
    path: '/api/retrofit/context',
    access: ALL_ROLES,
    summary:
      'Building and buurt context aligned with /api/dwellings/table, so the browser engine worker can score and re-score locally (EngineApi.retrofitLoadContext)',
    responses: { 200: json(RetrofitContextResponse) },
    handler: (c, _in, s) => c.body(s.contextBody, 200, { 'Content-Type': 'application/json; charset=UTF-8' }),
  }),
  route({
    method: 'GET',
    path: '/api/retrofit/dwellings/{vboId}',
    access: ALL_ROLES,
    params: VboIdParams,
    query: RetrofitDwellingQuery,
    errors: [404, 503],
    summary: 'Every measure (or why not), package, ecology dates and element states of one dwelling (the map popup)',
    responses: {
      200: json(
        DwellingDetailSchema.extend({ synthetic: z.boolean().describe('true for the shipped synthetic dataset') }).meta(
          { id: 'RetrofitDwellingDetail' },
        ),
      ),
    },
    handler: async (c, { params, query }, s) => {
      const weights = weightsFrom(query.weights);
      const detail = await s.withEngine(() =>
        s.ctx.engine.retrofitDwelling(params.vboId, query.date ?? s.today(), weights),
      );
      return c.json({ synthetic: s.ds.meta.synthetic, ...detail });
    },
  }),
]);

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
