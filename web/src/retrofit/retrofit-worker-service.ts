/**
 * What the retrofit web worker does (retrofit.web-worker.ts exposes it): the product's engine service for
 * the dwelling detail and the official re-score, and the columns the map paints (map-columns.ts). Pure
 * apart from the injected clock, so it runs under Node in the unit tests.
 */
import type { DwellingColumns } from '../../../engine/dwelling-table.ts';
import { fail, ok, type Result } from '../../../engine/result.ts';
import type { DwellingDetail } from '../../../engine/retrofit/scores-json.ts';
import type { RetrofitContext } from '../../../engine/retrofit/stock.ts';
import type { WeightsConfig } from '../../../engine/retrofit/weights.ts';
import { createEngineService } from '../../../workers/engine-service.ts';
import { mapColumns, reweigh, scoreStock, type RetrofitMapColumns, type ScoredStock } from './map-columns.ts';

export interface RescoreResult {
  /** Priority per dwelling (table order) for the new weights. */
  priority: Float32Array;
  /** Milliseconds inside the worker for the whole re-score (engine session and map column). */
  ms: number;
  /** Of which the engine's own `retrofitRescore`. */
  engineMs: number;
}

/** The protocol between the page and the retrofit worker. */
export interface RetrofitWorkerApi {
  /** Loads the dwelling table and its retrofit context, scores with the default weights, returns the map columns. */
  load(table: DwellingColumns, context: RetrofitContext): Promise<Result<RetrofitMapColumns>>;
  /** Re-scores for validated weights (weights.ts parseWeights). */
  rescore(weights: WeightsConfig): Promise<Result<RescoreResult>>;
  /** Everything about one dwelling under the current weights; the natuurkalender counts from `date` (YYYY-MM-DD). */
  dwelling(vboId: string, date: string): Promise<Result<DwellingDetail>>;
}

const notLoaded = () => fail({ code: 'retrofit.not-loaded', message: 'het verduurzamingsmodel is nog niet geladen' });

export function createRetrofitWorkerService(now: () => number = () => performance.now()): RetrofitWorkerApi {
  const engine = createEngineService();
  let scored: ScoredStock | null = null;
  return {
    async load(table, context) {
      scored = null;
      await engine.load(table);
      const r = await engine.retrofitLoadContext(context);
      if (!r.ok) return r;
      scored = scoreStock(table, context);
      return ok(mapColumns(scored));
    },
    async rescore(weights) {
      if (!scored) return notLoaded();
      const t0 = now();
      const r = await engine.retrofitRescore(weights);
      if (!r.ok) return r;
      reweigh(scored, weights);
      const priority = scored.scores.priority.slice();
      return ok({ priority, ms: now() - t0, engineMs: r.value.ms });
    },
    async dwelling(vboId, date) {
      if (!scored) return notLoaded();
      return engine.retrofitDwelling(vboId, date, scored.weights);
    },
  };
}
