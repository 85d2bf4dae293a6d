import { createHash } from 'node:crypto';
import { planSchema, type FixedBatch, type Plan, type PlanInput } from '../../engine/planner/plan-types.ts';
import type { NewPlan, StartedBatch } from './plan-store.ts';

/** The dataset a plan was made on: name, synthetic flag and a SHA-256 of the served dwelling table. */
export interface PlanDataset {
  name: string;
  sha256: string;
  synthetic: boolean;
}

/** SHA-256 of the columnar dwelling table the server serves: changes with any dwelling attribute. */
export function datasetSha256(tableJson: string | Uint8Array): string {
  return createHash('sha256').update(tableJson).digest('hex');
}

/** What the store saves of a planner result. */
export function toNewPlan(name: string, input: PlanInput, plan: Plan, dataset: PlanDataset): NewPlan {
  return {
    name,
    input,
    plan,
    dataset,
    solver: plan.meta.solver.used,
    objective: plan.meta.objective,
    gap: plan.meta.mipGap,
    greedyObjective: plan.meta.greedyObjective,
    dwellings: plan.batches.flatMap((b) => b.dwellings.map((d) => ({ vboId: d.vboId, batchId: b.id }))),
    batches: plan.batches.length,
  };
}

/**
 * The batches of a saved plan with work under way, as the planner's `fixed` option takes them: the saved
 * batch unchanged (planner contract: "a saved batch is passed back unchanged").
 */
export function fixedBatches(savedPlan: unknown, started: readonly StartedBatch[]): FixedBatch[] {
  const plan = planSchema.parse(savedPlan);
  const ids = new Set(started.map((b) => b.batchId));
  return plan.batches.filter((b) => ids.has(b.id));
}
