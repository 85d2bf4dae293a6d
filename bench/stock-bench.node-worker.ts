import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { createStockBench } from '../engine/retrofit/fast-kernel/stock-bench.ts';
import { nodeEndpoint } from '../workers/node-endpoint.ts';

// The national-scale benchmark's worker: the opt-in WebAssembly kernel lives here, never in the product's engine worker.
if (!parentPort) throw new Error('stock-bench.node-worker.ts must run inside worker_threads');
Comlink.expose(createStockBench({ now: () => performance.now() }), nodeEndpoint(parentPort));
