import * as Comlink from 'comlink';
import { columnsFromJson } from '../../../engine/dwelling-table-json.ts';
import { columnBuffers as tableBuffers } from '../../../engine/dwelling-table.ts';
import type { Result } from '../../../engine/result.ts';
import type { DwellingDetail } from '../../../engine/retrofit/scores-json.ts';
import { contextFromJson, type RetrofitContext } from '../../../engine/retrofit/stock.ts';
import type { WeightsConfig } from '../../../engine/retrofit/weights.ts';
import { getRawJson } from '../api.ts';
import { EngineError } from '../engine-client.ts';
import type { RetrofitMapColumns } from './map-columns.ts';
import type { RescoreResult, RetrofitWorkerApi } from './retrofit-worker-service.ts';

/** The retrofit worker, loaded with /api/dwellings/table and /api/retrofit/context. */
export interface RetrofitClient {
  /** Map columns for the default weights. */
  columns: RetrofitMapColumns;
  rescore(weights: WeightsConfig): Promise<RescoreResult>;
  dwelling(vboId: string, date: string): Promise<DwellingDetail>;
  terminate(): void;
}

function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new EngineError(r.issues.map((i) => i.code), r.issues.map((i) => i.message).join('; '));
  return r.value;
}

const contextBuffers = (c: RetrofitContext): ArrayBuffer[] =>
  [c.storeys, c.flatRoof, c.facadeAzimuthDeg, c.priceMode, c.buurtLowIncomeShare].map((a) => a.buffer as ArrayBuffer);

/**
 * Starts the worker and hands it the table and context by transfer. Its own worker rather than the
 * statistics worker of engine-client.ts: that client does not expose the retrofit methods, and this one
 * answers re-scores with a typed array (see map-columns.ts).
 */
export async function startRetrofitClient(): Promise<RetrofitClient> {
  const worker = new Worker(new URL('./retrofit.web-worker.ts', import.meta.url), { type: 'module', name: 'retrofit' });
  const api = Comlink.wrap<RetrofitWorkerApi>(worker);
  try {
    const [tableJson, contextJson] = await Promise.all([getRawJson('/api/dwellings/table'), getRawJson('/api/retrofit/context')]);
    const table = columnsFromJson(tableJson);
    const context = contextFromJson(contextJson);
    const columns = valueOf(await api.load(Comlink.transfer(table, tableBuffers(table)), Comlink.transfer(context, contextBuffers(context))));
    return {
      columns,
      async rescore(weights) {
        return valueOf(await api.rescore(weights));
      },
      async dwelling(vboId, date) {
        return valueOf(await api.dwelling(vboId, date));
      },
      terminate() {
        api[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
  } catch (err) {
    api[Comlink.releaseProxy]();
    worker.terminate();
    throw err;
  }
}
