import type { FixedBatch, Plan, PlanInputRaw, PlanIssueCode } from '../engine/planner/plan-types.ts';
import type { Result } from '../engine/result.ts';

export interface PlanOptions {
  /** Batches already started: kept as given, their budget and capacity consumed first (re-planning). */
  fixed?: FixedBatch[];
  /** GeoPackage to plan on; the shipped synthetic dataset when absent. */
  datasetPath?: string;
}

/**
 * The typed protocol of the planner worker (workers/planner-worker.ts, started by planner-node.ts). The input is
 * validated inside the worker (engine/planner/plan-input.ts), so a raw JSON body may be passed as is; bad input,
 * an unreadable dataset and infeasibility come back as coded issues, never as a rejected promise.
 */
export interface PlannerApi {
  plan(input: PlanInputRaw, options?: PlanOptions): Promise<Result<Plan, PlanIssueCode>>;
}
