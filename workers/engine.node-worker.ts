import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from './node-endpoint.ts';
import { createEngineService } from './engine-service.ts';

if (!parentPort) throw new Error('engine.node-worker.ts must run inside worker_threads');
Comlink.expose(createEngineService(), nodeEndpoint(parentPort));
