import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from './node-endpoint.ts';
import type { EngineApi } from './engine-api.ts';

export interface NodeEngine {
  api: Comlink.Remote<EngineApi>;
  /** Releases the proxy and stops the thread; CPU-bound work in it is cut off. */
  terminate(): Promise<void>;
}

/** Starts an engine worker thread (TypeScript through tsx, registered inside the thread). */
export function startNodeEngine(): NodeEngine {
  const worker = new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./engine.node-worker.ts', import.meta.url).href },
  });
  const api = Comlink.wrap<EngineApi>(nodeEndpoint(worker));
  return {
    api,
    async terminate() {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
