import type { Context } from 'hono';
import { z } from 'zod';
import { parsePlanInput, replanInput } from '../../engine/planner/plan-input.ts';
import { runDateNl } from '../../engine/planner/run-date.ts';
import { observedUptake } from '../plans/plan-uptake.ts';
import { planStatusSchema, type Plan, type PlanInput, type PlanIssue } from '../../engine/planner/plan-types.ts';
import {
  planDetailSchema,
  planListSchema,
  planStatusChangeSchema,
  type PlanDetail,
  type PlanPermissions,
} from '../../engine/planner/saved-plan.ts';
import type { PlannerApi } from '../../workers/planner-api.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext } from '../app-context.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { PLAN_READ_ROLES, PLAN_WRITE_ROLES, allows, type Principal } from '../auth/roles.ts';
import { openPlanDb } from '../plans/plan-db.ts';
import { planApiError } from '../plans/plan-errors.ts';
import { PLAN_EXPORT_FORMATS, exportSavedPlan, type PlanExportFormat } from '../plans/plan-export-file.ts';
import { datasetSha256, fixedBatches, toNewPlan, type PlanDataset } from '../plans/plan-record.ts';
import { MAX_NAME, MAX_REASON, PlanStore, type PlanActor } from '../plans/plan-store.ts';
import { fileResponse, json, route, routeGroup } from '../route-spec.ts';

/**
 * Saved batch plans: create (the planner runs in its worker thread), list, read, change a
 * dwelling's status, re-plan keeping started batches fixed, and export (CSV/XLSX/GeoJSON, audited). Every
 * write goes through the PlanStore: one transaction with its history row and audit-log entry.
 */
/** Longest plan request body, bytes (an input with a corporation schedule of a few thousand panden). */
const MAX_BODY = 256 * 1024;
/** Solve time the API allows per plan, seconds; longer solves belong in `voorraad plan`. */
export const API_DEFAULT_TIME_LIMIT_S = 30;
export const API_MAX_TIME_LIMIT_S = 120;

const Name = z.string().trim().min(1).max(MAX_NAME);
const Reason = z.string().max(MAX_REASON);

export const PlanCreateRequest = z
  .strictObject({
    name: Name.describe('name shown in the plan list'),
    input: z
      .unknown()
      .describe(
        'the planner input (engine/planner/plan-types.ts planInputSchema): budgetEur, window, capacity, solver, …',
      ),
  })
  .meta({ id: 'PlanCreateRequest' });

export const PlanReplanRequest = z
  .strictObject({
    name: Name.optional().describe('default: the old name'),
    reason: Reason.optional().describe('why the plan is re-planned (history)'),
    input: z.unknown().optional().describe('a changed planner input; default the old plan’s input'),
  })
  .meta({ id: 'PlanReplanRequest' });

export const PlanStatusRequest = z
  .strictObject({
    status: planStatusSchema,
    reason: Reason.optional().describe('why (history and audit log)'),
  })
  .meta({ id: 'PlanStatusRequest' });

export const PlanExportQuery = z.object({
  format: z
    .enum(PLAN_EXPORT_FORMATS)
    .describe(
      'csv (Dutch Excel: BOM, ";", decimal comma), xlsx or geojson; meldingen-csv or meldingen-xlsx: the notification list per contractor and week',
    ),
});

const PlanIdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,11}$/, 'a positive whole number')
    .transform(Number),
});
const PlanDwellingParams = PlanIdParams.extend({ vboId: z.string().max(64) });

function actorOf(c: Context, p: Principal): PlanActor {
  return { name: p.name, role: p.role, via: p.via, origin: auditOrigin(c) };
}

/** Validates a planner input in the request (so bad input is a 400 before the worker is asked) with the API time limit. */
function checkedInput(raw: unknown, runDate: string): PlanInput {
  const r = parsePlanInput(raw, runDate);
  if (!r.ok) throw planApiError(r.issues, ['body', 'input']);
  const limit = r.value.timeLimitSeconds ?? API_DEFAULT_TIME_LIMIT_S;
  if (limit > API_MAX_TIME_LIMIT_S)
    throw new ApiError(
      'plan.time-limit.too-long',
      `input.timeLimitSeconds: ${limit} exceeds the API limit of ${API_MAX_TIME_LIMIT_S} s; run longer solves with voorraad plan`,
      ['body', 'input', 'timeLimitSeconds'],
    );
  return { ...r.value, timeLimitSeconds: limit };
}

function planState(ctx: AppContext) {
  const ds = ctx.data.dataset;
  const synthetic = ds.meta.synthetic;
  const opts = ctx.plans ?? {};
  const store = opts.store ?? new PlanStore(openPlanDb(':memory:'), ctx.security.audit);
  let datasetFacts: PlanDataset | null = null;
  // Hashing the table (a few MB) once, when the first plan is saved, not at start.
  const dataset = (): PlanDataset =>
    (datasetFacts ??= { name: ds.meta.name, synthetic, sha256: datasetSha256(ctx.data.tableJson) });
  const permissions = (p: Principal): PlanPermissions => ({
    create: allows(PLAN_WRITE_ROLES, p.role),
    updateStatus: allows(PLAN_WRITE_ROLES, p.role),
    export: allows(PLAN_WRITE_ROLES, p.role),
  });
  const runPlanner = async (
    input: PlanInput,
    fixed: Plan['batches'],
  ): Promise<{ plan: Plan; warnings: PlanIssue[] }> => {
    const planner: Pick<PlannerApi, 'plan'> | undefined = ctx.planner;
    if (!planner) throw new ApiError('plan.planner.unavailable', 'the batch planner is not running on this server');
    const r = await planner.plan(input, {
      ...(fixed.length ? { fixed } : {}),
      ...(opts.datasetPath ? { datasetPath: opts.datasetPath } : {}),
    });
    // Issues about the fixed batches point at them (`fixed…`, not part of the request body); the rest at the input.
    if (!r.ok) throw planApiError(r.issues, r.issues[0]!.path?.[0] === 'fixed' ? [] : ['body', 'input']);
    return { plan: r.value, warnings: r.warnings };
  };
  const detail = (c: Context, id: number, warnings: PlanIssue[] = []): PlanDetail => {
    const full = store.get(id);
    if (!full) throw new ApiError('plan.not-found', `no plan ${id}`, ['path', 'id']);
    // The store keeps the input and plan this route validated before saving them (toNewPlan).
    const { input, plan, ...rest } = full;
    return {
      ...rest,
      input: input as PlanInput,
      plan: plan as Plan,
      synthetic: full.dataset.synthetic,
      permissions: permissions(principalOf(c)!),
      warnings,
    };
  };
  // The run date of a plan: the window starts there (engine/planner/run-date.ts); tests pin the clock.
  const today = (): string => runDateNl(opts.now?.() ?? new Date());
  return { ctx, synthetic, store, dataset, permissions, runPlanner, detail, today };
}

/**
 * Batch plans: the VHF project organisation makes and runs them with the gemeente; Alwel reads them (gespikkeld
 * bezit: which private dwellings in its blocks go in which season). Not the viewer: a plan holds a status per
 * address (an owner declined, a survey ran), personal data about owners that a meelezer does not need. Exports
 * leave the system: only the roles that hand lists to contractors and ecologists (PLAN_WRITE_ROLES).
 */
export const PLAN_ROUTES = routeGroup(planState, [
  route({
    method: 'GET',
    path: '/api/plans',
    access: PLAN_READ_ROLES,
    restricted: true,
    summary: 'Saved batch plans, newest first, with solver, objective, gap and status counts',
    responses: { 200: json(planListSchema) },
    handler: (c, _in, s) =>
      c.json({ synthetic: s.synthetic, permissions: s.permissions(principalOf(c)!), plans: s.store.list() }, 200, {
        'Cache-Control': 'private, no-store',
      }),
  }),
  route({
    method: 'POST',
    path: '/api/plans',
    access: PLAN_WRITE_ROLES,
    restricted: true,
    bodyLimit: MAX_BODY,
    body: PlanCreateRequest,
    errors: [422, 503],
    summary: `Makes and saves a batch plan. The planner runs in its worker (MIP with HiGHS or greedy; ${API_DEFAULT_TIME_LIMIT_S} s default time limit, at most ${API_MAX_TIME_LIMIT_S}). 400 bad input with code and path; 422 when no plan can be made, naming the binding constraint. Audited.`,
    responses: { 201: json(planDetailSchema, 'Created: the saved plan') },
    handler: async (c, { body }, s) => {
      const p = principalOf(c)!;
      const input = checkedInput(body.input, s.today());
      const { plan, warnings } = await s.runPlanner(input, []);
      const saved = s.store.create(toNewPlan(body.name, input, plan, s.dataset()), actorOf(c, p));
      return c.json(s.detail(c, saved.id, warnings), 201);
    },
  }),
  route({
    method: 'GET',
    path: '/api/plans/{id}',
    access: PLAN_READ_ROLES,
    restricted: true,
    params: PlanIdParams,
    errors: [404],
    summary: 'One saved plan: its input, batches per season, a status per dwelling and the history of its lineage',
    responses: { 200: json(planDetailSchema) },
    handler: (c, { params }, s) => {
      const body = s.detail(c, params.id);
      // Per-address statuses are restricted data: every read is audited (README "Privacy").
      const p = principalOf(c)!;
      s.ctx.security.audit.append({
        actor: p.name,
        role: p.role,
        via: p.via,
        action: 'plan.read',
        object: `plan:${body.id}`,
        result: 'ok',
        origin: auditOrigin(c),
        detail: { dwellings: body.dwellings },
      });
      return c.json(body, 200, { 'Cache-Control': 'private, no-store' });
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/plans/{id}/dwellings/{vboId}',
    access: PLAN_WRITE_ROLES,
    restricted: true,
    bodyLimit: MAX_BODY,
    params: PlanDwellingParams,
    body: PlanStatusRequest,
    errors: [404, 409],
    summary:
      'Changes a dwelling’s status: voorgesteld → onderzoek → natuurvrij → geïsoleerd, any open status → afgezien; 409 for any other move or a superseded plan. Audited.',
    responses: { 200: json(planStatusChangeSchema) },
    handler: (c, { params, body }, s) => {
      const p = principalOf(c)!;
      const r = s.store.setStatus(params.id, params.vboId, body.status, body.reason ?? '', actorOf(c, p));
      if (!r.ok) throw planApiError(r.issues);
      const { from, ...state } = r.value;
      return c.json({ planId: params.id, from, ...state });
    },
  }),
  route({
    method: 'POST',
    path: '/api/plans/{id}/replan',
    access: PLAN_WRITE_ROLES,
    restricted: true,
    bodyLimit: MAX_BODY,
    params: PlanIdParams,
    body: PlanReplanRequest,
    errors: [404, 409, 422, 503],
    summary:
      'Re-plans the rest: batches with work under way (onderzoek, natuurvrij, geïsoleerd) stay fixed, statuses carry over; saved as the next version. Audited.',
    responses: { 201: json(planDetailSchema, 'Created: the new version') },
    handler: async (c, { params, body }, s) => {
      const p = principalOf(c)!;
      const id = params.id;
      const old = s.store.get(id);
      if (!old) throw new ApiError('plan.not-found', `no plan ${id}`, ['path', 'id']);
      if (old.supersededBy !== null)
        throw new ApiError('plan.superseded', `plan ${id} was re-planned already as plan ${old.supersededBy}`, [
          'path',
          'id',
        ]);
      const seen = s.store.lastSeq(id);
      const started = s.store.startedBatches(id);
      const fixed = fixedBatches(old.plan, started);
      // Dwellings marked afgezien in batches not under way are never proposed again (the planner's `exclude`);
      // those in started batches stay inside their fixed batch with their status.
      const startedIds = new Set(started.map((b) => b.batchId));
      const afgezien = s.store
        .states(id)
        .filter((d) => d.status === 'afgezien' && !startedIds.has(d.batchId))
        .map((d) => d.vboId);
      // The saved input re-runs today (its window moves to the run date); a changed input starts today too.
      const oldInput = checkedInput(old.input, s.today());
      const requested =
        body.input === undefined ? replanInput(oldInput, s.today()) : checkedInput(body.input, s.today());
      // The previous version's exclusions carry over too, so a re-plan with a fresh input does not bring them back.
      const exclude = [...new Set([...(requested.exclude ?? []), ...(oldInput.exclude ?? []), ...afgezien])].sort();
      // The owners' answers so far feed the uptake model per buurt (server/plans/plan-uptake.ts).
      const answered = {
        ...requested,
        uptake: {
          ...requested.uptake,
          observed: observedUptake(old.plan, s.store.states(id), oldInput.uptake.observed),
        },
      };
      const input: PlanInput = exclude.length ? { ...answered, exclude } : answered;
      const { plan, warnings } = await s.runPlanner(input, fixed);
      const r = s.store.replan(
        id,
        seen,
        toNewPlan(body.name ?? old.name, input, plan, s.dataset()),
        actorOf(c, p),
        body.reason ?? `herplanning van plan ${id}`,
      );
      if (!r.ok) throw planApiError(r.issues);
      return c.json(s.detail(c, r.value.id, warnings), 201);
    },
  }),
  route({
    method: 'GET',
    path: '/api/plans/{id}/export',
    access: PLAN_WRITE_ROLES,
    restricted: true,
    params: PlanIdParams,
    query: PlanExportQuery,
    errors: [404],
    summary:
      'The plan as a file (csv for Dutch Excel, xlsx, geojson) stating the dataset and whether it is synthetic, with each dwelling’s status. Audited.',
    responses: { 200: fileResponse(['csv', 'xlsx', 'geojson']) },
    handler: async (c, { params, query }, s) => {
      const p = principalOf(c)!;
      const id = params.id;
      const saved = s.store.get(id);
      if (!saved) throw new ApiError('plan.not-found', `no plan ${id}`, ['path', 'id']);
      const format: PlanExportFormat = query.format;
      const file = await exportSavedPlan(
        saved,
        format,
        { name: p.name, role: p.role, via: p.via },
        new Date().toISOString(),
      );
      s.ctx.security.audit.append({
        actor: p.name,
        role: p.role,
        via: p.via,
        action: 'export',
        object: `plan:${id}:${format}`,
        result: 'ok',
        origin: auditOrigin(c),
        detail: {
          planId: id,
          format,
          rows: file.rows,
          dataset: saved.dataset.name,
          synthetic: saved.dataset.synthetic,
        },
      });
      return c.body(new Uint8Array(file.body), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  }),
]);
