/**
 * The parts of a saved plan the monitor measures against (a full `Plan` from engine/planner/plan-types.ts fits):
 * batches with their buurt and programme area, and per dwelling its dates, programme money, gas saving and labels.
 */
import type { PlanBatch, PlanDwelling } from '../planner/plan-types.ts';

export type MonitorPlanDwelling = Pick<
  PlanDwelling,
  | 'vboId'
  | 'natuurvrijVanaf'
  | 'insulationFrom'
  | 'programmeContributionEur'
  | 'gasSavingM3PerYear'
  | 'labelBefore'
  | 'labelAfter'
  | 'acceptProbability'
>;

export interface MonitorPlanBatch extends Pick<PlanBatch, 'id' | 'buurtcode' | 'programmeArea'> {
  dwellings: readonly MonitorPlanDwelling[];
}

/** The plan version in force: which saved plan (id, version) and its batches. */
export interface MonitorPlan {
  id: number;
  version: number;
  batches: readonly MonitorPlanBatch[];
}

/** Where a planned dwelling sits: its batch, buurt, area and plan facts. */
export interface PlacedDwelling {
  dwelling: MonitorPlanDwelling;
  batchId: string;
  buurtcode: string;
  area: string | null;
}

/** Planned dwellings by BAG id and batches by id, for looking up records. */
export function indexPlan(plan: MonitorPlan): {
  dwellings: Map<string, PlacedDwelling>;
  batches: Map<string, MonitorPlanBatch>;
} {
  const dwellings = new Map<string, PlacedDwelling>();
  const batches = new Map<string, MonitorPlanBatch>();
  for (const b of plan.batches) {
    batches.set(b.id, b);
    for (const d of b.dwellings)
      dwellings.set(d.vboId, { dwelling: d, batchId: b.id, buurtcode: b.buurtcode, area: b.programmeArea });
  }
  return { dwellings, batches };
}

/**
 * When the plan expects each step (no invitation date is planned, so invitation and acceptance are expected by the
 * start of natuurvrij maken, or of insulation when the package has no nature rules).
 */
export function plannedDates(d: MonitorPlanDwelling): { invited: string; natuurvrij: string; insulated: string } {
  const natuurvrij = d.natuurvrijVanaf ?? d.insulationFrom;
  return { invited: natuurvrij, natuurvrij, insulated: d.insulationFrom };
}
