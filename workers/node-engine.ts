import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from './node-endpoint.ts';
import type { EngineApi } from './engine-api.ts';

/** A worker thread exposing `Api` with Comlink. */
export interface NodeWorker<Api> {
  api: Comlink.Remote<Api>;
  /** Releases the proxy and stops the thread; CPU-bound work in it is cut off. */
  terminate(): Promise<void>;
}

export type NodeEngine = NodeWorker<EngineApi>;

/** Starts a worker thread on a TypeScript entry that exposes `Api` (tsx registered inside the thread). */
export function startNodeWorker<Api>(entry: URL): NodeWorker<Api> {
  const worker = new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { entry: entry.href },
  });
  const api = Comlink.wrap<Api>(nodeEndpoint(worker));
  return {
    api,
    async terminate() {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}

/** Starts an engine worker thread. */
export function startNodeEngine(): NodeEngine {
  return startNodeWorker<EngineApi>(new URL('./engine.node-worker.ts', import.meta.url));
}
