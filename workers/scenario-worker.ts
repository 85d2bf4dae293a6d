import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from './node-endpoint.ts';
import { createScenarioService } from './scenario-service.ts';

if (!parentPort) throw new Error('scenario-worker.ts must run inside worker_threads');
Comlink.expose(createScenarioService(), nodeEndpoint(parentPort));
