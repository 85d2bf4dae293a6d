import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { type AcquisitionConfig } from '../../engine/acquisition/params.ts';
import type { AcquisitionPlan } from '../../engine/acquisition/plan.ts';
import { EXPORT_PURPOSES, EXPORT_PURPOSE_IDS, isExportPurpose } from '../../engine/acquisition/purposes.ts';
import { REASON_CODES } from '../../engine/acquisition/reason-codes.ts';
import { BuurtCode } from '../../engine/dwelling.ts';
import type { Issue } from '../../engine/result.ts';
import { EXPORT_FORMATS, exportAcquisition, type ExportFormat } from '../../geodata/exports/acquisition-export.ts';
import type { SignalSet } from '../../geodata/synthetic-signals/signal-set.ts';
import type { AcquisitionPlannerApi } from '../../workers/acquisition-api.ts';
import { createAcquisitionService } from '../../workers/acquisition-service.ts';
import { ApiError } from '../api-error.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { maySeeSignalDetail, type Principal } from '../auth/roles.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import { QueueFullError, createFairQueue, type FairQueue } from '../fair-queue.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import type { RouteDoc } from '../openapi.ts';

/**
 * Acquisition (verwerving): target zones, ranked candidates with a budgeted selection, and the export. For
 * `gemeente` the scores use the RESTRICTED signals and the candidates carry banded signals; for `alwel` the
 * plan is computed without signals (no signal bands, components or reason codes reach that role). Every read
 * of candidates and every export is audited.
 */
export interface AcquisitionRouteContext {
  data: LoadedDataset;
  signals: SignalSet;
  security: SecurityContext;
  acquisition: AcquisitionConfig;
  /** The planner, a worker thread in production (workers/acquisition-node.ts); in this thread when absent (tests). */
  acquisitionPlanner?: Pick<AcquisitionPlannerApi, 'plan'>;
  acquisitionQueue?: FairQueue;
}

function inProcessPlanner(ds: LoadedDataset['dataset'], signals: SignalSet): Pick<AcquisitionPlannerApi, 'plan'> {
  const service = createAcquisitionService();
  const loaded = service.load({ dwellings: ds.dwellings, vves: ds.vves, signals: signals.signals });
  return { plan: async (withSignals, config) => { await loaded; return service.plan(withSignals, config); } };
}

export const CandidatesQuery = z.object({
  budget: z.string().optional().describe('budget in euro (1,000–50,000,000); default from the configuration (1,500,000)'),
  limit: z.string().optional().describe('number of top-ranked candidates to return (1–5,000, default 500); selected candidates are always included'),
});

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).describe('csv (Dutch Excel: BOM, ";", decimal comma), xlsx or geojson'),
  purpose: z.string().optional().describe(`purpose of the export, one of: ${EXPORT_PURPOSE_IDS.join(', ')} (default verwerving)`),
  budget: z.string().optional().describe('budget in euro; default from the configuration'),
});

const Issues = z.array(z.object({ code: z.string(), message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() }));

export const CandidateProperties = z.object({
  rank: z.number().int(), selected: z.boolean(), vboId: z.string(), pandId: z.string(), buurtcode: BuurtCode,
  zoneId: z.string(), zoneName: z.string(), address: z.string(), postcode: z.string(), bouwjaar: z.number().int(),
  oppervlakte: z.number(), type: z.string(), label: z.string(), vveId: z.string().nullable(), ownership: z.string(), wozBand: z.string(),
  estimatedCostEur: z.number().int().describe('band price plus buyer’s costs, euro'),
  score: z.number().describe('0–100'),
  components: z.object({ signals: z.number().nullable(), condition: z.number(), price: z.number(), strategic: z.number() }),
  reasons: z.array(z.enum(REASON_CODES as [string, ...string[]])),
  nuisanceBand: z.string().optional().describe('gemeente only'),
  vacancyBand: z.string().optional().describe('gemeente only'),
  permitStatus: z.string().optional().describe('gemeente only'),
}).meta({ id: 'AcquisitionCandidate' });

export const CandidatesResponse = z.object({
  type: z.literal('FeatureCollection'),
  synthetic: z.boolean(),
  usesSignals: z.boolean().describe('false for roles without signal access: scores leave signals out'),
  signalSource: z.enum(['register', 'synthetic', 'none']).nullable(),
  signalWindow: z.object({ from: z.string(), to: z.string() }).nullable(),
  budgetEur: z.number().int(), selectedCount: z.number().int(), selectedCostEur: z.number().int(), selectedScore: z.number(),
  totalCandidates: z.number().int(),
  excluded: z.object({ ownership: z.number().int(), overBudget: z.number().int() }),
  zones: z.array(z.object({ id: z.string(), name: z.string(), priority: z.number().int(), candidates: z.number().int() })),
  warnings: Issues,
  features: z.array(z.object({
    type: z.literal('Feature'), id: z.string(), properties: CandidateProperties,
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  })),
}).meta({ id: 'AcquisitionCandidates' });

export const ZonesResponse = z.object({
  type: z.literal('FeatureCollection'),
  budgetEur: z.number().int(),
  features: z.array(z.object({
    type: z.literal('Feature'), id: z.string(),
    properties: z.object({ zoneId: z.string(), name: z.string(), priority: z.number().int(), buurtcode: z.string().nullable() }),
    geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
  })),
}).meta({ id: 'AcquisitionZones' });

export const ACQUISITION_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/acquisition/zones', summary: 'Acquisition target zones (configured polygons or buurten; Centrum-Oud first) — gemeente, alwel', response: ZonesResponse, errors: [401, 403] },
  { method: 'get', path: '/api/acquisition/candidates', summary: 'Ranked acquisition candidates with score, reasons and the budgeted selection (knapsack). gemeente: with banded signals; alwel: scored without signals. Audited.', query: CandidatesQuery, response: CandidatesResponse, errors: [400, 401, 403, 429] },
  { method: 'get', path: '/api/acquisition/export', summary: 'The acquisition list as a file (csv for Dutch Excel, xlsx, geojson) stating who exported it, when, from which dataset and for which purpose. Audited.', query: ExportQuery, response: z.string().describe('the file'), responseType: 'text/csv', errors: [400, 401, 403, 429] },
];

function intParam(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ApiError(400, `query.${name}.invalid`, `${name}: expected a whole number ${min}–${max}, found "${raw}"`, ['query', name]);
  return Number(raw);
}

export function registerAcquisitionRoutes(app: Hono, ctx: AcquisitionRouteContext): void {
  const ds = ctx.data.dataset;
  const buurtNames = new Map(ds.buurten.map((b) => [b.buurtcode, b.buurtnaam]));
  const synthetic = ds.meta.synthetic;
  // Plans by (signals?, budget): computed in the planner (a worker thread in production), one computation per key
  // shared by concurrent requests, misses through the per-user fair queue, failures never kept, at most 16 plans.
  const planner = ctx.acquisitionPlanner ?? inProcessPlanner(ds, ctx.signals);
  const queue = ctx.acquisitionQueue ?? createFairQueue({ concurrency: 1, perUserActive: 1, perUserQueued: 2, maxQueued: 32 });
  const cache = new Map<string, Promise<{ plan: AcquisitionPlan; warnings: Issue[] }>>();
  const planFor = async (p: Principal, budget: number | undefined) => {
    const withSignals = maySeeSignalDetail(p.role);
    const config = budget === undefined ? ctx.acquisition : { ...ctx.acquisition, budgetEur: budget };
    const key = `${withSignals}|${config.budgetEur}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = queue.run(p.name, () => planner.plan(withSignals, config)).then((r) => {
        if (!r.ok) throw ApiError.fromIssue(400, r.issues[0]!);
        return { plan: r.value, warnings: r.warnings };
      });
      if (cache.size >= 16) cache.delete(cache.keys().next().value!);
      cache.set(key, hit);
      hit.catch(() => { if (cache.get(key) === hit) cache.delete(key); });
    }
    try {
      return await hit;
    } catch (err) {
      if (err instanceof QueueFullError) throw new ApiError(429, 'acquisition.busy', err.message);
      throw err;
    }
  };
  const audit = (c: Context, p: Principal, action: 'acquisition.read' | 'export', object: string, detail: Record<string, string | number | boolean | null>) =>
    ctx.security.audit.append({ actor: p.name, role: p.role, via: p.via, action, object, result: 'ok', origin: auditOrigin(c), detail });

  app.get('/api/acquisition/zones', (c) => {
    const geometry = new Map(ds.buurten.map((b) => [b.buurtcode, b.geometry]));
    const features = ctx.acquisition.zones.flatMap((z) => [
      ...(z.buurten ?? []).flatMap((code) => {
        const g = geometry.get(code);
        return g ? [{ type: 'Feature' as const, id: `${z.id}:${code}`, properties: { zoneId: z.id, name: z.name, priority: z.priority, buurtcode: code }, geometry: g }] : [];
      }),
      ...(z.geometry ? [{ type: 'Feature' as const, id: z.id, properties: { zoneId: z.id, name: z.name, priority: z.priority, buurtcode: null }, geometry: z.geometry }] : []),
    ]);
    return c.json({ type: 'FeatureCollection' as const, budgetEur: ctx.acquisition.budgetEur, features }, 200, { 'Content-Type': 'application/geo+json; charset=UTF-8' });
  });

  app.get('/api/acquisition/candidates', async (c) => {
    const p = principalOf(c)!;
    const q = CandidatesQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.invalid', q.error.issues[0]!.message, ['query']);
    const budget = intParam(q.data.budget, 'budget', 1_000, 50_000_000);
    const limit = intParam(q.data.limit, 'limit', 1, 5_000) ?? 500;
    const { plan, warnings } = await planFor(p, budget);
    const shown = plan.candidates.filter((cd) => cd.rank <= limit || cd.selected);
    audit(c, p, 'acquisition.read', `acquisition:candidates?budget=${plan.budgetEur}`, { rows: shown.length, signals: plan.usesSignals });
    return c.json({
      type: 'FeatureCollection' as const,
      synthetic,
      usesSignals: plan.usesSignals,
      signalSource: plan.usesSignals ? ctx.signals.source : null,
      signalWindow: plan.signalWindow,
      budgetEur: plan.budgetEur, selectedCount: plan.selectedCount, selectedCostEur: plan.selectedCostEur, selectedScore: plan.selectedScore,
      totalCandidates: plan.candidates.length, excluded: plan.excluded, zones: plan.zones, warnings,
      features: shown.map((cd) => {
        const { location, signals, dataDate: _d, woonplaats: _w, ...props } = cd;
        return { type: 'Feature' as const, id: cd.vboId, properties: signals ? { ...props, ...signals } : props, geometry: { type: 'Point' as const, coordinates: location } };
      }),
    }, 200, { 'Content-Type': 'application/geo+json; charset=UTF-8', 'Cache-Control': 'private, no-store' });
  });

  app.get('/api/acquisition/export', async (c) => {
    const p = principalOf(c)!;
    const q = ExportQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.format', `format: expected one of ${EXPORT_FORMATS.join(', ')}`, ['query', 'format']);
    const purpose = q.data.purpose ?? 'verwerving';
    if (!isExportPurpose(purpose)) throw new ApiError(400, 'query.purpose', `purpose: expected one of ${EXPORT_PURPOSE_IDS.join(', ')}, found "${purpose}"`, ['query', 'purpose']);
    const budget = intParam(q.data.budget, 'budget', 1_000, 50_000_000);
    const { plan } = await planFor(p, budget);
    const file = await exportAcquisition(plan, q.data.format as ExportFormat, {
      exportedBy: { name: p.name, role: p.role, via: p.via },
      exportedAt: new Date().toISOString(),
      dataset: { name: ds.meta.name, dataDate: ds.meta.dataDate, synthetic: synthetic || (plan.usesSignals && ctx.signals.synthetic) },
      purpose: { id: purpose, label: EXPORT_PURPOSES[purpose] },
      signalSource: ctx.signals.source,
    }, buurtNames);
    audit(c, p, 'export', `acquisition:${q.data.format}`, { rows: file.rows, purpose, format: q.data.format, signals: plan.usesSignals, dataset: ds.meta.name, budget: plan.budgetEur });
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    });
  });
}
