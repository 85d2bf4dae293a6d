import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { createAcquisitionService } from './acquisition-service.ts';
import { nodeEndpoint } from './node-endpoint.ts';

if (!parentPort) throw new Error('acquisition-worker.ts must run inside worker_threads');
Comlink.expose(createAcquisitionService(), nodeEndpoint(parentPort));
