import * as Comlink from 'comlink';
import type { AcquisitionPlannerApi } from './acquisition-api.ts';
import { nodeEndpoint } from './node-endpoint.ts';
import { BACKGROUND_NICE } from './thread-priority.ts';
import { startTsWorker } from './ts-worker.ts';

export interface AcquisitionWorker {
  api: Comlink.Remote<AcquisitionPlannerApi>;
  terminate(): Promise<void>;
}

/** Starts the acquisition planner in its own thread (TypeScript through tsx), at background priority. */
export function startAcquisitionWorker(): AcquisitionWorker {
  const worker = startTsWorker(new URL('./acquisition-worker.ts', import.meta.url), { nice: BACKGROUND_NICE });
  const api = Comlink.wrap<AcquisitionPlannerApi>(nodeEndpoint(worker));
  return {
    api,
    async terminate() {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
