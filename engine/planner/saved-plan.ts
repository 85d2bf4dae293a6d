/**
 * Saved plans as the plan routes send them — the list's summaries, one plan's detail with its statuses and
 * history, a status change — declared once: the server's plan store returns these types, its route specs answer
 * with these schemas (so the OpenAPI document is derived from them), and the map's plan panel parses with them.
 */
import { z } from 'zod';
import { PLAN_STATUSES, planInputSchema, planIssueSchema, planSchema, planStatusSchema } from './plan-types.ts';

/** What the caller's role may do with plans (engine/planner/plan-status.ts decides, the server fills it in). */
export const planPermissionsSchema = z.object({ create: z.boolean(), updateStatus: z.boolean(), export: z.boolean() });
export type PlanPermissions = z.infer<typeof planPermissionsSchema>;

const statusCountsSchema = z.object(
  Object.fromEntries(PLAN_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof PLAN_STATUSES)[number],
    z.ZodNumber
  >,
);

export const planSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdBy: z.string(),
    createdAt: z.string().describe('ISO 8601, UTC'),
    parentId: z.number().int().nullable().describe('the plan this one re-planned'),
    rootId: z.number().int(),
    version: z.number().int(),
    supersededBy: z.number().int().nullable().describe('the newer version; statuses change only on the current one'),
    dataset: z.object({ name: z.string(), sha256: z.string(), synthetic: z.boolean() }),
    solver: z.string(),
    objective: z.number().nullable(),
    gap: z.number().nullable().describe('relative MIP gap; null for greedy'),
    greedyObjective: z.number().nullable(),
    dwellings: z.number().int(),
    batches: z.number().int(),
    statusCounts: statusCountsSchema,
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planListSchema = z
  .object({
    synthetic: z.boolean(),
    permissions: planPermissionsSchema.describe('what the caller’s role may do with plans'),
    plans: z.array(planSummarySchema),
  })
  .meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof planListSchema>;

/** A planned dwelling's current status. */
export const dwellingStateSchema = z.object({
  vboId: z.string(),
  batchId: z.string(),
  status: planStatusSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type DwellingState = z.infer<typeof dwellingStateSchema>;

/** One line of a plan's history: its creation, a re-plan or a status change. */
export const historyEntrySchema = z.object({
  seq: z.number().int(),
  planId: z.number().int(),
  vboId: z.string().nullable(),
  at: z.string(),
  actor: z.string(),
  role: z.string().nullable(),
  action: z.enum(['create', 'replan', 'status']),
  from: planStatusSchema.nullable(),
  to: planStatusSchema.nullable(),
  reason: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const planDetailSchema = planSummarySchema
  .extend({
    synthetic: z.boolean(),
    permissions: planPermissionsSchema,
    input: planInputSchema.describe('the planner input with defaults applied'),
    plan: planSchema,
    statuses: z.array(dwellingStateSchema),
    history: z.array(historyEntrySchema).describe('this version and its ancestors, oldest first'),
    warnings: z.array(planIssueSchema).describe('planner warnings of this request (create/replan only)'),
  })
  .meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planStatusChangeSchema = z
  .object({
    planId: z.number().int(),
    vboId: z.string(),
    batchId: z.string(),
    from: planStatusSchema,
    status: planStatusSchema,
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'PlanStatusChange' });
export type PlanStatusChange = z.infer<typeof planStatusChangeSchema>;
