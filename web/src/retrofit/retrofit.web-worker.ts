/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { columnBuffers } from './map-columns.ts';
import { createRetrofitWorkerService, type RetrofitWorkerApi } from './retrofit-worker-service.ts';

// Typed arrays go back to the page by transfer: only the priority column crosses after a weight change.
const service = createRetrofitWorkerService();
const api: RetrofitWorkerApi = {
  async load(table, context) {
    const r = await service.load(table, context);
    return r.ok ? Comlink.transfer(r, columnBuffers(r.value)) : r;
  },
  async rescore(weights) {
    const r = await service.rescore(weights);
    return r.ok ? Comlink.transfer(r, [r.value.priority.buffer as ArrayBuffer]) : r;
  },
  dwelling: (vboId, date) => service.dwelling(vboId, date),
};
Comlink.expose(api);
