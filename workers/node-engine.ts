import * as Comlink from 'comlink';
import { nodeEndpoint } from './node-endpoint.ts';
import type { EngineApi } from './engine-api.ts';
import { BACKGROUND_NICE } from './thread-priority.ts';
import { startTsWorker } from './ts-worker.ts';

/** A worker thread exposing `Api` with Comlink. */
export interface NodeWorker<Api> {
  api: Comlink.Remote<Api>;
  /** Releases the proxy and stops the thread; CPU-bound work in it is cut off. */
  terminate(): Promise<void>;
}

export type NodeEngine = NodeWorker<EngineApi>;

/**
 * Starts a worker thread on a TypeScript entry that exposes `Api` (tsx registered inside the thread), at background
 * priority: the event loop comes first when they compete for a core.
 */
export function startNodeWorker<Api>(entry: URL): NodeWorker<Api> {
  const worker = startTsWorker(entry, { nice: BACKGROUND_NICE });
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
