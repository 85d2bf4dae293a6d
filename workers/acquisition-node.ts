import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { AcquisitionPlannerApi } from './acquisition-api.ts';
import { nodeEndpoint } from './node-endpoint.ts';

export interface AcquisitionWorker {
  api: Comlink.Remote<AcquisitionPlannerApi>;
  terminate(): Promise<void>;
}

/** Starts the acquisition planner in its own thread (TypeScript through tsx, registered inside the thread). */
export function startAcquisitionWorker(): AcquisitionWorker {
  const worker = new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./acquisition-worker.ts', import.meta.url).href },
  });
  const api = Comlink.wrap<AcquisitionPlannerApi>(nodeEndpoint(worker));
  return {
    api,
    async terminate() {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
