import * as Comlink from 'comlink';
import type { StatsField, StatsTable } from '../../engine/dwelling-stats.ts';
import { columnsFromJson } from '../../engine/dwelling-table-json.ts';
import { columnBuffers } from '../../engine/dwelling-table.ts';
import type { EngineApi } from '../../workers/engine-api.ts';
import { getRawJson } from './api.ts';

/**
 * The page's one engine worker, loaded with the dwelling table of /api/dwellings/table (fetched once): the
 * statistics here, the retrofit map and popups through retrofit-client.ts on the same worker and table.
 */
export interface EngineClient {
  /** Number of dwellings in the worker's table. */
  count: number;
  /** The worker's typed protocol; the proxy lives as long as this client (a collected proxy can hang a call). */
  api: Comlink.Remote<EngineApi>;
  stats(groupBy: StatsField[]): Promise<StatsTable>;
  terminate(): void;
}

/** A failed engine call; carries the engine's issue codes for the UI. */
export class EngineError extends Error {
  constructor(
    readonly codes: string[],
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * Starts the worker, fetches and decodes the table, and hands it over by transfer.
 * The Comlink proxy lives as long as the returned client (a collected proxy can hang a call).
 */
export async function startEngine(): Promise<EngineClient> {
  const worker = new Worker(new URL('../../workers/engine.web-worker.ts', import.meta.url), {
    type: 'module',
    name: 'engine',
  });
  const api = Comlink.wrap<EngineApi>(worker);
  try {
    const table = columnsFromJson(await getRawJson('/api/dwellings/table'));
    const { count } = await api.load(Comlink.transfer(table, columnBuffers(table)));
    return {
      count,
      api,
      async stats(groupBy) {
        const r = await api.stats(groupBy);
        if (!r.ok)
          throw new EngineError(
            r.issues.map((i) => i.code),
            r.issues.map((i) => i.message).join('; '),
          );
        return r.value;
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
