import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from './node-endpoint.ts';
import { createPlannerService } from './planner-service.ts';

if (!parentPort) throw new Error('planner-worker.ts must run inside worker_threads');
Comlink.expose(createPlannerService(), nodeEndpoint(parentPort));
