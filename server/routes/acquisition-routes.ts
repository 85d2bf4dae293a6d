import { issueSchema } from '../../engine/issue-schema.ts';
import { ACQUISITION_ISSUE_CODES } from '../../engine/acquisition/acquisition-issue-codes.ts';
import type { Context } from 'hono';
import { z } from 'zod';
import { type AcquisitionConfig } from '../../engine/acquisition/params.ts';
import type { AcquisitionPlan } from '../../engine/acquisition/plan.ts';
import { EXPORT_PURPOSES, EXPORT_PURPOSE_IDS, type ExportPurpose } from '../../engine/acquisition/purposes.ts';
import { REASON_CODES } from '../../engine/acquisition/reason-codes.ts';
import { BuurtCode } from '../../engine/dwelling.ts';
import type { Issue } from '../../engine/result.ts';
import { EXPORT_FORMATS, exportAcquisition } from '../../geodata/exports/acquisition-export.ts';
import { ordinanceOn } from '../../geodata/rules/ordinance.ts';
import { OrdinanceSummary } from '../../engine/acquisition/ordinance.ts';
import { ZoneSummarySchema } from '../../engine/acquisition/zone-summary.ts';
import type { SignalSet } from '../../geodata/synthetic-signals/signal-set.ts';
import { todayInNl } from '../today.ts';
import type { AcquisitionPlannerApi } from '../../workers/acquisition-api.ts';
import { createAcquisitionService } from '../../workers/acquisition-service.ts';
import { ApiError } from '../api-error.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { ACQUISITION_ROLES, maySeeSignalDetail, type Principal } from '../auth/roles.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import { EXPENSIVE_MAX_WAIT_MS, QueueFullError, createFairQueue, type FairQueue } from '../fair-queue.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import { WholeNumber } from '../query-params.ts';
import { createResponseCache } from '../response-cache.ts';
import type { CandidatesAnswer } from '../../engine/acquisition/candidates-answer.ts';
import { fileResponse, geoJson, route, routeGroup } from '../route-spec.ts';

/**
 * Acquisition (verwerving): target zones, ranked candidates with a budgeted selection, and the export. For
 * `gemeente` the scores use the RESTRICTED signals and the candidates carry banded signals; for `alwel` the
 * plan is computed without signals (no signal bands, components or reason codes reach that role). Every read
 * of candidates and every export is audited.
 */
/** The planner the routes use: whole plans for exports, serialised candidate answers for the map. */
export type AcquisitionPlanner = Pick<AcquisitionPlannerApi, 'plan' | 'candidates'>;

export interface AcquisitionRouteContext {
  data: LoadedDataset;
  signals: SignalSet;
  security: SecurityContext;
  acquisition: AcquisitionConfig;
  /** The planner, a worker thread in production (workers/acquisition-node.ts); in this thread when absent (tests). */
  acquisitionPlanner?: AcquisitionPlanner;
  acquisitionQueue?: FairQueue;
  /** The planning day (Europe/Amsterdam); the housing ordinance in force on it enters the score. */
  today?: () => string;
}

function inProcessPlanner(ds: LoadedDataset['dataset'], signals: SignalSet): AcquisitionPlanner {
  const service = createAcquisitionService();
  const loaded = service.load({ dwellings: ds.dwellings, vves: ds.vves, signals: signals.signals });
  return {
    plan: async (withSignals, config, ordinance) => {
      await loaded;
      return service.plan(withSignals, config, ordinance);
    },
    candidates: async (withSignals, config, ordinance, limit, meta) => {
      await loaded;
      return service.candidates(withSignals, config, ordinance, limit, meta);
    },
  };
}

export const CandidatesQuery = z.object({
  budget: WholeNumber(1_000, 50_000_000)
    .optional()
    .describe('budget in euro (1,000–50,000,000); default from the configuration (1,500,000)'),
  limit: WholeNumber(1, 5_000)
    .optional()
    .describe(
      'number of top-ranked candidates to return (1–5,000, default 500); selected candidates are always included',
    ),
});

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).describe('csv (Dutch Excel: BOM, ";", decimal comma), xlsx or geojson'),
  purpose: z
    .enum(EXPORT_PURPOSE_IDS as [ExportPurpose, ...ExportPurpose[]])
    .optional()
    .describe(`purpose of the export, one of: ${EXPORT_PURPOSE_IDS.join(', ')} (default verwerving)`),
  budget: WholeNumber(1_000, 50_000_000)
    .optional()
    .describe('budget in euro (1,000–50,000,000); default from the configuration'),
});

const Issues = z.array(issueSchema(ACQUISITION_ISSUE_CODES));

export const CandidateProperties = z
  .object({
    rank: z.number().int(),
    selected: z.boolean(),
    vboId: z.string(),
    pandId: z.string(),
    buurtcode: BuurtCode,
    zoneId: z.string(),
    zoneName: z.string(),
    zonePriority: z.number().int().describe('1 = first in line; the list is ordered by zone priority, then score'),
    address: z.string(),
    postcode: z.string(),
    bouwjaar: z.number().int(),
    oppervlakte: z.number(),
    type: z.string(),
    label: z.string(),
    vveId: z.string().nullable(),
    ownership: z.string(),
    wozBand: z.string(),
    estimatedCostEur: z.number().int().describe('band price plus buyer’s costs, euro'),
    score: z.number().describe('0–100'),
    components: z.object({
      signals: z.number().nullable(),
      condition: z.number(),
      price: z.number(),
      strategic: z.number(),
    }),
    reasons: z.array(z.enum(REASON_CODES as [string, ...string[]])),
    nuisanceBand: z.string().optional().describe('gemeente only'),
    vacancyBand: z.string().optional().describe('gemeente only'),
    permitStatus: z.string().optional().describe('gemeente only'),
  })
  .meta({ id: 'AcquisitionCandidate' });

export const CandidatesResponse = z
  .object({
    type: z.literal('FeatureCollection'),
    synthetic: z.boolean(),
    usesSignals: z.boolean().describe('false for roles without signal access: scores leave signals out'),
    signalSource: z.enum(['register', 'synthetic', 'none']).nullable(),
    signalWindow: z.object({ from: z.string(), to: z.string() }).nullable(),
    budgetEur: z.number().int(),
    selectedCount: z.number().int(),
    selectedCostEur: z.number().int(),
    selectedScore: z.number(),
    totalCandidates: z.number().int(),
    excluded: z.object({ ownership: z.number().int(), overBudget: z.number().int() }),
    ordinance: OrdinanceSummary.nullable().describe(
      'the housing ordinance rules (config/rules/ordinance.json) the scores used; null when none is in force',
    ),
    zones: z.array(ZoneSummarySchema),
    warnings: Issues,
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: CandidateProperties,
        geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      }),
    ),
  })
  .meta({ id: 'AcquisitionCandidates' });

export const ZonesResponse = z
  .object({
    type: z.literal('FeatureCollection'),
    budgetEur: z.number().int(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({
          zoneId: z.string(),
          name: z.string(),
          priority: z.number().int(),
          buurtcode: z.string().nullable(),
        }),
        geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
      }),
    ),
  })
  .meta({ id: 'AcquisitionZones' });

function acquisitionState(ctx: AcquisitionRouteContext) {
  const ds = ctx.data.dataset;
  // Plans by (signals?, budget): computed in the planner (a worker thread in production), one computation per key
  // shared by concurrent requests, misses through the per-user fair queue, failures never kept, at most 16 plans.
  const planner = ctx.acquisitionPlanner ?? inProcessPlanner(ds, ctx.signals);
  const queue =
    ctx.acquisitionQueue ??
    createFairQueue({
      concurrency: 1,
      perUserActive: 1,
      perUserQueued: 2,
      maxQueued: 32,
      maxWaitMs: EXPENSIVE_MAX_WAIT_MS,
    });
  const cache = new Map<string, Promise<{ plan: AcquisitionPlan; warnings: Issue[] }>>();
  const today = ctx.today ?? (() => todayInNl());
  /** Who may see signals, the configuration with the budget asked for, the ordinance in force, and their key. */
  const planInput = (p: Principal, budget: number | undefined) => {
    const withSignals = maySeeSignalDetail(p.role);
    const config = budget === undefined ? ctx.acquisition : { ...ctx.acquisition, budgetEur: budget };
    const ordinance = ordinanceOn(today());
    const key = `${withSignals}|${config.budgetEur}|${ordinance?.versions.join(',') ?? 'geen verordening'}`;
    return { withSignals, config, ordinance, key };
  };
  const busy = (err: unknown): never => {
    if (err instanceof QueueFullError) throw new ApiError('acquisition.busy', err.message);
    throw err;
  };
  const planFor = async (p: Principal, budget: number | undefined) => {
    const { withSignals, config, ordinance, key } = planInput(p, budget);
    let hit = cache.get(key);
    if (!hit) {
      hit = queue
        .run(p.name, () => planner.plan(withSignals, config, ordinance))
        .then((r) => {
          if (!r.ok) throw ApiError.fromIssue(r.issues[0]!, 400);
          return { plan: r.value, warnings: r.warnings };
        });
      if (cache.size >= 16) cache.delete(cache.keys().next().value!);
      cache.set(key, hit);
      const mine = hit;
      mine.catch(() => {
        if (cache.get(key) === mine) cache.delete(key);
      });
    }
    return hit.catch(busy);
  };
  const candidateBodies = createResponseCache(CANDIDATES_CACHE);
  const meta = { synthetic: ds.meta.synthetic, signalSource: ctx.signals.source };
  /**
   * The candidates answer per plan key and limit: made in the planner (only the JSON text crosses to this thread),
   * misses through the same fair queue as plans, one computation shared by concurrent requests, failures not kept.
   */
  const candidatesFor = async (p: Principal, budget: number | undefined, limit: number) => {
    const { withSignals, config, ordinance, key } = planInput(p, budget);
    const body = await candidateBodies
      .get(`${key}|${limit}`, async () => {
        const r = await queue.run(p.name, () => planner.candidates(withSignals, config, ordinance, limit, meta));
        if (!r.ok) throw ApiError.fromIssue(r.issues[0]!, 400);
        const { json, ...facts } = r.value;
        return { body: json, facts };
      })
      .catch(busy);
    return { body, facts: body.facts as Omit<CandidatesAnswer, 'json'> };
  };
  const audit = (
    c: Context,
    p: Principal,
    action: 'acquisition.read' | 'export',
    object: string,
    detail: Record<string, string | number | boolean | null>,
  ) =>
    ctx.security.audit.record({
      actor: p.name,
      role: p.role,
      via: p.via,
      action,
      object,
      result: 'ok',
      origin: auditOrigin(c),
      detail,
    });
  return {
    ctx,
    ds,
    synthetic: ds.meta.synthetic,
    buurtNames: new Map(ds.buurten.map((b) => [b.buurtcode, b.buurtnaam])),
    planFor,
    candidatesFor,
    audit,
  };
}

/**
 * Candidate answers, serialised once per plan and limit: a plan is a pure function of its cache key (who may see
 * signals, budget, ordinance versions), and filtering, reshaping and serialising its candidates per request was, after
 * the signal detail, the costliest route of the soak's mix on the event loop. Every read is still audited.
 */
export const CANDIDATES_CACHE = { maxEntries: 32, maxBytes: 16 * 1024 * 1024 } as const;

/** Acquisition: the municipality, and Alwel as partner (without signal fields). */
export const ACQUISITION_ROUTES = routeGroup(acquisitionState, [
  route({
    method: 'GET',
    path: '/api/acquisition/zones',
    access: ACQUISITION_ROLES,
    summary: 'Acquisition target zones (configured polygons or buurten; Centrum-Oud first) — gemeente, alwel',
    responses: { 200: geoJson(ZonesResponse) },
    handler: (c, _in, { ctx, ds }) => {
      const geometry = new Map(ds.buurten.map((b) => [b.buurtcode, b.geometry]));
      const features = ctx.acquisition.zones.flatMap((z) => [
        ...(z.buurten ?? []).flatMap((code) => {
          const g = geometry.get(code);
          return g
            ? [
                {
                  type: 'Feature' as const,
                  id: `${z.id}:${code}`,
                  properties: { zoneId: z.id, name: z.name, priority: z.priority, buurtcode: code },
                  geometry: g,
                },
              ]
            : [];
        }),
        ...(z.geometry
          ? [
              {
                type: 'Feature' as const,
                id: z.id,
                properties: { zoneId: z.id, name: z.name, priority: z.priority, buurtcode: null },
                geometry: z.geometry,
              },
            ]
          : []),
      ]);
      return c.json({ type: 'FeatureCollection' as const, budgetEur: ctx.acquisition.budgetEur, features }, 200, {
        'Content-Type': 'application/geo+json; charset=UTF-8',
      });
    },
  }),
  route({
    method: 'GET',
    path: '/api/acquisition/candidates',
    access: ACQUISITION_ROLES,
    restricted: true,
    query: CandidatesQuery,
    summary:
      'Ranked acquisition candidates with score, reasons and the budgeted selection (knapsack). gemeente: with banded signals; alwel: scored without signals. Audited.',
    responses: { 200: geoJson(CandidatesResponse) },
    errors: [429],
    handler: async (c, { query }, s) => {
      const p = principalOf(c)!;
      const limit = query.limit ?? 500;
      const { body, facts } = await s.candidatesFor(p, query.budget, limit);
      await s.audit(c, p, 'acquisition.read', `acquisition:candidates?budget=${facts.budgetEur}`, {
        rows: facts.rows,
        signals: facts.usesSignals,
      });
      return c.body(body.identity, 200, {
        'Content-Type': 'application/geo+json; charset=UTF-8',
        'Cache-Control': 'private, no-store',
      });
    },
  }),
  route({
    method: 'GET',
    path: '/api/acquisition/export',
    access: ACQUISITION_ROLES,
    restricted: true,
    query: ExportQuery,
    summary:
      'The acquisition list as a file (csv for Dutch Excel, xlsx, geojson) stating who exported it, when, from which dataset and for which purpose. Audited.',
    responses: { 200: fileResponse(EXPORT_FORMATS) },
    errors: [429],
    handler: async (c, { query }, s) => {
      const p = principalOf(c)!;
      const purpose = query.purpose ?? 'verwerving';
      const { plan } = await s.planFor(p, query.budget);
      const file = await exportAcquisition(
        plan,
        query.format,
        {
          exportedBy: { name: p.name, role: p.role, via: p.via },
          exportedAt: new Date().toISOString(),
          dataset: {
            name: s.ds.meta.name,
            dataDate: s.ds.meta.dataDate,
            synthetic: s.synthetic || (plan.usesSignals && s.ctx.signals.synthetic),
          },
          purpose: { id: purpose, label: EXPORT_PURPOSES[purpose] },
          signalSource: s.ctx.signals.source,
        },
        s.buurtNames,
      );
      await s.audit(c, p, 'export', `acquisition:${query.format}`, {
        rows: file.rows,
        purpose,
        format: query.format,
        signals: plan.usesSignals,
        dataset: s.ds.meta.name,
        budget: plan.budgetEur,
      });
      return c.body(new Uint8Array(file.body), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  }),
]);
