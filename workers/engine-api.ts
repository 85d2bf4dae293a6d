import type { DwellingColumns } from '../engine/dwelling-table.ts';
import type { StatsField, StatsTable } from '../engine/dwelling-stats.ts';
import type { Result } from '../engine/result.ts';
import type { PriorityUpdate, RetrofitMapColumns } from '../engine/retrofit/map-columns.ts';
import type { DwellingDetail } from '../engine/retrofit/scores-json.ts';
import type {
  RetrofitScoresQuery,
  RetrofitScoresResult,
  RetrofitSessionIssueCode,
} from '../engine/retrofit/session.ts';
import type { RetrofitContext } from '../engine/retrofit/stock.ts';
import type { WeightsConfig } from '../engine/retrofit/weights.ts';
import type { VveInput } from '../engine/vve/vve-assess.ts';
import type { VveConfig } from '../engine/vve/vve-config.ts';
import type { VveIssueCode } from '../engine/vve/vve-issue-codes.ts';
import type { VveRankingBody } from '../engine/vve/vve-schemas.ts';

/**
 * The one typed protocol between the app (server or browser) and an engine worker.
 * Implemented once in engine-service.ts; wrapped with Comlink.wrap<EngineApi>() on both sides.
 */
export interface EngineApi {
  /** Replaces the worker's table. Callers may transfer the typed arrays (see columnBuffers). */
  load(table: DwellingColumns): Promise<{ count: number }>;
  /** Dwelling statistics grouped by the given fields. */
  stats(groupBy: StatsField[]): Promise<Result<StatsTable>>;
  /** Attaches building and buurt context (engine/retrofit/stock.ts retrofitContext) to the loaded table and scores it. */
  retrofitLoadContext(ctx: RetrofitContext): Promise<Result<{ count: number }, RetrofitSessionIssueCode>>;
  /** Retrofit priority, labels, route and measures summary per dwelling, filtered; weights validated by the caller. */
  retrofitScores(query: RetrofitScoresQuery): Promise<Result<RetrofitScoresResult, RetrofitSessionIssueCode>>;
  /**
   * The same result as retrofitScores, as JSON text (JSON.stringify of the value): serialised here in the worker, so
   * the server's event loop neither stringifies megabytes nor structured-clones a deep object graph.
   */
  retrofitScoresJson(query: RetrofitScoresQuery): Promise<Result<string, RetrofitSessionIssueCode>>;
  /** Everything about one dwelling's retrofit (measures or reasons, package, ecology dates from `date`). */
  retrofitDwelling(
    vboId: string,
    date: string,
    weights?: WeightsConfig,
  ): Promise<Result<DwellingDetail, RetrofitSessionIssueCode>>;
  /**
   * The columns the map paints (engine/retrofit/map-columns.ts) under `weights` (the shipped defaults when absent):
   * copies of the session's own scores, which the browser worker transfers.
   */
  retrofitMapColumns(weights?: WeightsConfig): Promise<Result<RetrofitMapColumns, RetrofitSessionIssueCode>>;
  /** Re-scores for new weights (as retrofitRescore) and answers with the priority column only, for the map's repaint. */
  retrofitPriority(weights: WeightsConfig): Promise<Result<PriorityUpdate, RetrofitSessionIssueCode>>;
  /** Re-scores the loaded dataset for new weights; reports the milliseconds inside the worker. */
  retrofitRescore(weights: WeightsConfig): Promise<Result<{ count: number; ms: number }, RetrofitSessionIssueCode>>;
  /**
   * Gives the worker the VvE ranking input (engine/vve/vve-assess.ts VveInput: no signals) and ranks it at once with
   * `config` (validated again here), so the first GET /api/vve is answered from memory; `ms` is the ranking time.
   * `rulesDate` is the run's date the policy rules are picked for (the dataset's date when absent).
   */
  vveLoad(
    input: VveInput,
    config: VveConfig,
    rulesDate?: string,
  ): Promise<Result<{ count: number; rejected: number; ms: number }, VveIssueCode>>;
  /** The VvE pilot ranking (body of GET /api/vve) of the loaded input; another `config` is ranked on demand. `vve.not-loaded` before vveLoad. */
  vveRanking(config?: VveConfig): Promise<Result<VveRankingBody, VveIssueCode>>;
}
