/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { columnBuffers } from '../engine/retrofit/map-columns.ts';
import type { EngineApi } from './engine-api.ts';
import { createEngineService } from './engine-service.ts';

// Browser side: the same service the server runs in worker_threads, and the page's only engine worker (statistics,
// retrofit map and popups). The map's typed arrays go back by transfer: after a weight change only the priority column crosses.
const service = createEngineService();
const api: EngineApi = {
  ...service,
  async retrofitMapColumns(weights) {
    const r = await service.retrofitMapColumns(weights);
    return r.ok ? Comlink.transfer(r, columnBuffers(r.value)) : r;
  },
  async retrofitPriority(weights) {
    const r = await service.retrofitPriority(weights);
    return r.ok ? Comlink.transfer(r, [r.value.priority.buffer as ArrayBuffer]) : r;
  },
};
Comlink.expose(api);
