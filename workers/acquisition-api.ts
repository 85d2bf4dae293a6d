import type { Ordinance } from '../engine/acquisition/ordinance.ts';
import type { AcquisitionConfig } from '../engine/acquisition/params.ts';
import type { AcquisitionInput, AcquisitionPlan } from '../engine/acquisition/plan.ts';
import type { Result } from '../engine/result.ts';
import type { AcquisitionIssueCode } from '../engine/acquisition/acquisition-issue-codes.ts';
import type { CandidatesAnswer, CandidatesMeta } from '../engine/acquisition/candidates-answer.ts';

/**
 * The acquisition planner behind GET /api/acquisition/*: the stock and the RESTRICTED signals are sent once; a plan
 * (scores for ~5,500 dwellings and the budget knapsack, ~0.1–0.5 s) is then computed per role and budget. In a
 * worker thread (workers/acquisition-node.ts) so it never blocks the server's event loop.
 */
export interface AcquisitionPlannerApi {
  load(input: Omit<AcquisitionInput, 'config'>): Promise<void>;
  /** `ordinance`: the housing ordinance in force on the planning day (geodata/rules/ordinance.ts), or null. */
  plan(
    withSignals: boolean,
    config: AcquisitionConfig,
    ordinance?: Ordinance | null,
  ): Promise<Result<AcquisitionPlan, AcquisitionIssueCode>>;
  /**
   * GET /api/acquisition/candidates' answer for a plan and limit, serialised here: only the JSON text crosses to the
   * event loop, not the plan (structured-cloning a plan of the shipped stock took tens of milliseconds there).
   */
  candidates(
    withSignals: boolean,
    config: AcquisitionConfig,
    ordinance: Ordinance | null,
    limit: number,
    meta: CandidatesMeta,
  ): Promise<Result<CandidatesAnswer, AcquisitionIssueCode>>;
}
