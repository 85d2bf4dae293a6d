import * as Comlink from 'comlink';
import type { Result } from '../../../engine/result.ts';
import type { PriorityUpdate, RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';
import type { DwellingDetail } from '../../../engine/retrofit/scores-json.ts';
import { contextFromJson, type RetrofitContext } from '../../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from '../../../engine/retrofit/weights.ts';
import { getRawJson } from '../api.ts';
import { EngineError, type EngineClient } from '../engine-client.ts';

/** The retrofit side of the page's engine worker, loaded with /api/retrofit/context on the table it already holds. */
export interface RetrofitClient {
  /** Map columns for the default weights. */
  columns: RetrofitMapColumns;
  /** Re-scores for validated weights (weights.ts parseWeights); the popup then answers under them too. */
  rescore(weights: WeightsConfig): Promise<PriorityUpdate>;
  dwelling(vboId: string, date: string): Promise<DwellingDetail>;
}

function valueOf<T>(r: Result<T>): T {
  if (!r.ok)
    throw new EngineError(
      r.issues.map((i) => i.code),
      r.issues.map((i) => i.message).join('; '),
    );
  return r.value;
}

const contextBuffers = (c: RetrofitContext): ArrayBuffer[] =>
  [
    c.storeys,
    c.floorLevel,
    c.flatRoof,
    c.facadeAzimuthDeg,
    c.priceMode,
    c.buurtLowIncomeShare,
    c.buurtQuoteIncomeEur,
    c.buurtShareSource,
  ].map((a) => a.buffer as ArrayBuffer);

/**
 * Attaches the retrofit context to the engine worker's table (the engine session scores it once) and takes the
 * session's map columns: one worker and one scoring of the stock serve the statistics, the map and the popups.
 */
export async function startRetrofitClient(engine: Promise<EngineClient>): Promise<RetrofitClient> {
  const [{ api }, contextJson] = await Promise.all([engine, getRawJson('/api/retrofit/context')]);
  const context = contextFromJson(contextJson);
  valueOf(await api.retrofitLoadContext(Comlink.transfer(context, contextBuffers(context))));
  const columns = valueOf(await api.retrofitMapColumns());
  /** Weights of the last re-score: the popup's breakdown is computed under the weights the map shows. */
  let current: WeightsConfig = DEFAULT_WEIGHTS;
  return {
    columns,
    async rescore(weights) {
      current = weights;
      return valueOf(await api.retrofitPriority(weights));
    },
    async dwelling(vboId, date) {
      return valueOf(await api.retrofitDwelling(vboId, date, current));
    },
  };
}
