import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { parsePlanInput, replanInput } from '../../engine/planner/plan-input.ts';
import { runDateNl } from '../../engine/planner/run-date.ts';
import { planSchema, planStatusSchema, type Plan, type PlanInput } from '../../engine/planner/plan-types.ts';
import type { Issue } from '../../engine/result.ts';
import type { PlannerApi } from '../../workers/planner-api.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext } from '../app-context.ts';
import { allows, policyFor } from '../auth/access-policy.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import type { Principal } from '../auth/roles.ts';
import type { RouteDoc } from '../openapi.ts';
import { openPlanDb } from '../plans/plan-db.ts';
import { planApiError } from '../plans/plan-errors.ts';
import { PLAN_EXPORT_FORMATS, exportSavedPlan, type PlanExportFormat } from '../plans/plan-export-file.ts';
import { datasetSha256, fixedBatches, toNewPlan, type PlanDataset } from '../plans/plan-record.ts';
import { MAX_NAME, MAX_REASON, PlanStore, type PlanActor } from '../plans/plan-store.ts';

/**
 * Saved batch plans (issue 5 §4–5): create (the planner runs in its worker thread), list, read, change a
 * dwelling's status, re-plan keeping started batches fixed, and export (CSV/XLSX/GeoJSON, audited). Every
 * write goes through the PlanStore: one transaction with its history row and audit-log entry.
 */
export interface PlanRouteOptions {
  /** Saved plans; default an in-memory store that writes to the app's audit log (tests). */
  store?: PlanStore;
  /** The GeoPackage the planner worker reads; the shipped dataset when absent. */
  datasetPath?: string;
  /** The clock the run date of a plan comes from (tests pin it). */
  now?: () => Date;
}

/** Longest plan request body, bytes (an input with a corporation schedule of a few thousand panden). */
const MAX_BODY = 256 * 1024;
/** Solve time the API allows per plan, seconds; longer solves belong in `voorraad plan`. */
export const API_DEFAULT_TIME_LIMIT_S = 30;
export const API_MAX_TIME_LIMIT_S = 120;

const Name = z.string().trim().min(1).max(MAX_NAME);
const Reason = z.string().max(MAX_REASON);

export const PlanCreateRequest = z.strictObject({
  name: Name.describe('name shown in the plan list'),
  input: z.unknown().describe('the planner input (engine/planner/plan-types.ts planInputSchema): budgetEur, window, capacity, solver, …'),
}).meta({ id: 'PlanCreateRequest' });

export const PlanReplanRequest = z.strictObject({
  name: Name.optional().describe('default: the old name'),
  reason: Reason.optional().describe('why the plan is re-planned (history)'),
  input: z.unknown().optional().describe('a changed planner input; default the old plan’s input'),
}).meta({ id: 'PlanReplanRequest' });

export const PlanStatusRequest = z.strictObject({
  status: planStatusSchema,
  reason: Reason.optional().describe('why (history and audit log)'),
}).meta({ id: 'PlanStatusRequest' });

const StatusCounts = z.object(Object.fromEntries(planStatusSchema.options.map((s) => [s, z.number().int()])) as Record<z.infer<typeof planStatusSchema>, z.ZodNumber>);

export const PlanSummarySchema = z.object({
  id: z.number().int(), name: z.string(), createdBy: z.string(), createdAt: z.string().describe('ISO 8601, UTC'),
  parentId: z.number().int().nullable().describe('the plan this one re-planned'), rootId: z.number().int(), version: z.number().int(),
  supersededBy: z.number().int().nullable().describe('the newer version; statuses change only on the current one'),
  dataset: z.object({ name: z.string(), sha256: z.string(), synthetic: z.boolean() }),
  solver: z.string(), objective: z.number().nullable(), gap: z.number().nullable().describe('relative MIP gap; null for greedy'),
  greedyObjective: z.number().nullable(), dwellings: z.number().int(), batches: z.number().int(), statusCounts: StatusCounts,
}).meta({ id: 'PlanSummary' });

const Permissions = z.object({ create: z.boolean(), updateStatus: z.boolean(), export: z.boolean() });

export const PlanListResponse = z.object({
  synthetic: z.boolean(),
  permissions: Permissions.describe('what the caller’s role may do with plans'),
  plans: z.array(PlanSummarySchema),
}).meta({ id: 'PlanList' });

const Issues = z.array(z.object({ code: z.string(), message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() }));

export const PlanDetailResponse = PlanSummarySchema.extend({
  synthetic: z.boolean(),
  permissions: Permissions,
  input: z.unknown().describe('the planner input with defaults applied'),
  plan: planSchema,
  statuses: z.array(z.object({ vboId: z.string(), batchId: z.string(), status: planStatusSchema, updatedAt: z.string(), updatedBy: z.string() })),
  history: z.array(z.object({
    seq: z.number().int(), planId: z.number().int(), vboId: z.string().nullable(), at: z.string(), actor: z.string(), role: z.string().nullable(),
    action: z.enum(['create', 'replan', 'status']), from: planStatusSchema.nullable(), to: planStatusSchema.nullable(), reason: z.string(),
  })).describe('this version and its ancestors, oldest first'),
  warnings: Issues.describe('planner warnings of this request (create/replan only)'),
}).meta({ id: 'PlanDetail' });

export const PlanStatusResponse = z.object({
  planId: z.number().int(), vboId: z.string(), batchId: z.string(), from: planStatusSchema, status: planStatusSchema, updatedAt: z.string(), updatedBy: z.string(),
}).meta({ id: 'PlanStatusChange' });

export const PlanExportQuery = z.object({ format: z.enum(PLAN_EXPORT_FORMATS).describe('csv (Dutch Excel: BOM, ";", decimal comma), xlsx or geojson') });

export const PLAN_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/plans', body: PlanCreateRequest, summary: 'Saved batch plans, newest first, with solver, objective, gap and status counts', response: PlanListResponse, errors: [401, 403] },
  { method: 'post', path: '/api/plans', summary: `Makes and saves a batch plan (body PlanCreateRequest, application/json). The planner runs in its worker (MIP with HiGHS or greedy; ${API_DEFAULT_TIME_LIMIT_S} s default time limit, at most ${API_MAX_TIME_LIMIT_S}). 400 bad input with code and path; 422 when no plan can be made, naming the binding constraint. Audited.`, response: PlanDetailResponse, errors: [400, 401, 403, 413, 415, 422, 503] },
  { method: 'get', path: '/api/plans/{id}', summary: 'One saved plan: its input, batches per season, a status per dwelling and the history of its lineage', response: PlanDetailResponse, errors: [400, 401, 403, 404] },
  { method: 'patch', path: '/api/plans/{id}/dwellings/{vboId}', body: PlanStatusRequest, summary: 'Changes a dwelling’s status (body PlanStatusRequest): voorgesteld → onderzoek → natuurvrij → geïsoleerd, any open status → afgezien; 409 for any other move or a superseded plan. Audited.', response: PlanStatusResponse, errors: [400, 401, 403, 404, 409, 415] },
  { method: 'post', path: '/api/plans/{id}/replan', body: PlanReplanRequest, summary: 'Re-plans the rest (body PlanReplanRequest): batches with work under way (onderzoek, natuurvrij, geïsoleerd) stay fixed, statuses carry over; saved as the next version. Audited.', response: PlanDetailResponse, errors: [400, 401, 403, 404, 409, 413, 415, 422, 503] },
  { method: 'get', path: '/api/plans/{id}/export', summary: 'The plan as a file (csv for Dutch Excel, xlsx, geojson) stating the dataset and whether it is synthetic, with each dwelling’s status. Audited.', query: PlanExportQuery, response: z.string().describe('the file'), responseType: 'text/csv', errors: [400, 401, 403, 404] },
];

function idParam(raw: string): number {
  if (!/^[1-9]\d{0,11}$/.test(raw)) throw new ApiError(400, 'plan.id.invalid', `plan id: expected a positive whole number, found "${raw}"`, ['id']);
  return Number(raw);
}

function actorOf(c: Context, p: Principal): PlanActor {
  return { name: p.name, role: p.role, via: p.via, origin: auditOrigin(c) };
}

async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'body.json', 'the request body is not valid JSON', ['body']);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const path = i.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
    throw new ApiError(400, i.code === 'unrecognized_keys' ? 'body.unknown-key' : 'body.invalid', `${path.join('.') || 'body'}: ${i.message}`, path);
  }
  return r.data;
}

/** Validates a planner input in the request (so bad input is a 400 before the worker is asked) with the API time limit. */
function checkedInput(raw: unknown, runDate: string): PlanInput {
  const r = parsePlanInput(raw, runDate);
  if (!r.ok) throw planApiError(r.issues, ['input']);
  const limit = r.value.timeLimitSeconds ?? API_DEFAULT_TIME_LIMIT_S;
  if (limit > API_MAX_TIME_LIMIT_S) throw new ApiError(400, 'plan.time-limit.too-long', `input.timeLimitSeconds: ${limit} exceeds the API limit of ${API_MAX_TIME_LIMIT_S} s; run longer solves with voorraad plan`, ['input', 'timeLimitSeconds']);
  return { ...r.value, timeLimitSeconds: limit };
}

export function registerPlanRoutes(app: Hono, ctx: AppContext): void {
  const ds = ctx.data.dataset;
  const synthetic = ds.meta.synthetic;
  const opts = ctx.plans ?? {};
  const store = opts.store ?? new PlanStore(openPlanDb(':memory:'), ctx.security.audit);
  const today = (): string => runDateNl(opts.now?.() ?? new Date());
  let datasetFacts: PlanDataset | null = null;
  // Hashing the table (a few MB) once, when the first plan is saved, not at start.
  const dataset = (): PlanDataset => (datasetFacts ??= { name: ds.meta.name, synthetic, sha256: datasetSha256(ctx.data.tableJson) });
  const permissions = (p: Principal) => ({
    create: allows(policyFor('POST', '/api/plans')?.access ?? [], p.role),
    updateStatus: allows(policyFor('PATCH', '/api/plans/1/dwellings/x')?.access ?? [], p.role),
    export: allows(policyFor('GET', '/api/plans/1/export')?.access ?? [], p.role),
  });
  const limit = bodyLimit({ maxSize: MAX_BODY, onError: () => { throw new ApiError(413, 'body.too-large', `request body over ${MAX_BODY / 1024} KiB`); } });

  const runPlanner = async (input: PlanInput, fixed: Plan['batches']): Promise<{ plan: Plan; warnings: Issue[] }> => {
    const planner: Pick<PlannerApi, 'plan'> | undefined = ctx.planner;
    if (!planner) throw new ApiError(503, 'plan.planner.unavailable', 'the batch planner is not running on this server');
    const r = await planner.plan(input, { ...(fixed.length ? { fixed } : {}), ...(opts.datasetPath ? { datasetPath: opts.datasetPath } : {}) });
    // Issues about the fixed batches point at them (`fixed…`, not part of the request body); the rest at the input.
    if (!r.ok) throw planApiError(r.issues, r.issues[0]!.path?.[0] === 'fixed' ? [] : ['input']);
    return { plan: r.value, warnings: r.warnings };
  };
  const detail = (c: Context, id: number, warnings: Issue[] = []) => {
    const full = store.get(id);
    if (!full) throw new ApiError(404, 'plan.not-found', `no plan ${id}`, ['id']);
    return { ...full, synthetic: full.dataset.synthetic, permissions: permissions(principalOf(c)!), warnings };
  };

  app.get('/api/plans', (c) => c.json({ synthetic, permissions: permissions(principalOf(c)!), plans: store.list() }, 200, { 'Cache-Control': 'private, no-store' }));

  app.post('/api/plans', limit, async (c) => {
    const p = principalOf(c)!;
    const body = await jsonBody(c, PlanCreateRequest);
    const input = checkedInput(body.input, today());
    const { plan, warnings } = await runPlanner(input, []);
    const saved = store.create(toNewPlan(body.name, input, plan, dataset()), actorOf(c, p));
    return c.json(detail(c, saved.id, warnings), 201);
  });

  app.get('/api/plans/:id', (c) => c.json(detail(c, idParam(c.req.param('id'))), 200, { 'Cache-Control': 'private, no-store' }));

  app.patch('/api/plans/:id/dwellings/:vboId', limit, async (c) => {
    const p = principalOf(c)!;
    const id = idParam(c.req.param('id'));
    const body = await jsonBody(c, PlanStatusRequest);
    const r = store.setStatus(id, c.req.param('vboId'), body.status, body.reason ?? '', actorOf(c, p));
    if (!r.ok) throw planApiError(r.issues);
    const { from, ...state } = r.value;
    return c.json({ planId: id, from, ...state });
  });

  app.post('/api/plans/:id/replan', limit, async (c) => {
    const p = principalOf(c)!;
    const id = idParam(c.req.param('id'));
    const body = await jsonBody(c, PlanReplanRequest);
    const old = store.get(id);
    if (!old) throw new ApiError(404, 'plan.not-found', `no plan ${id}`, ['id']);
    if (old.supersededBy !== null) throw new ApiError(409, 'plan.superseded', `plan ${id} was re-planned already as plan ${old.supersededBy}`, ['id']);
    const seen = store.lastSeq(id);
    const started = store.startedBatches(id);
    const fixed = fixedBatches(old.plan, started);
    // Dwellings marked afgezien in batches not under way are never proposed again (issue 5 §4; the planner's
    // `exclude`); those in started batches stay inside their fixed batch with their status.
    const startedIds = new Set(started.map((b) => b.batchId));
    const afgezien = store.states(id).filter((d) => d.status === 'afgezien' && !startedIds.has(d.batchId)).map((d) => d.vboId);
    const oldInput = checkedInput(old.input, today());
    const requested = body.input === undefined ? replanInput(oldInput, today()) : checkedInput(body.input, today());
    // The previous version's exclusions carry over too, so a re-plan with a fresh input does not bring them back.
    const exclude = [...new Set([...(requested.exclude ?? []), ...(oldInput.exclude ?? []), ...afgezien])].sort();
    const input: PlanInput = exclude.length ? { ...requested, exclude } : requested;
    const { plan, warnings } = await runPlanner(input, fixed);
    const r = store.replan(id, seen, toNewPlan(body.name ?? old.name, input, plan, dataset()), actorOf(c, p), body.reason ?? `herplanning van plan ${id}`);
    if (!r.ok) throw planApiError(r.issues);
    return c.json(detail(c, r.value.id, warnings), 201);
  });

  app.get('/api/plans/:id/export', async (c) => {
    const p = principalOf(c)!;
    const id = idParam(c.req.param('id'));
    const q = PlanExportQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.format', `format: expected one of ${PLAN_EXPORT_FORMATS.join(', ')}`, ['query', 'format']);
    const saved = store.get(id);
    if (!saved) throw new ApiError(404, 'plan.not-found', `no plan ${id}`, ['id']);
    const format: PlanExportFormat = q.data.format;
    const file = await exportSavedPlan(saved, format, { name: p.name, role: p.role, via: p.via }, new Date().toISOString());
    ctx.security.audit.append({
      actor: p.name, role: p.role, via: p.via, action: 'export', object: `plan:${id}:${format}`, result: 'ok', origin: auditOrigin(c),
      detail: { planId: id, format, rows: file.rows, dataset: saved.dataset.name, synthetic: saved.dataset.synthetic },
    });
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    });
  });
}
