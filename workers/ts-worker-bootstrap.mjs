// Worker threads do not inherit the parent's TypeScript loader on Node 20, so each
// worker registers tsx itself before importing its TypeScript entry (started by ts-worker.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// Background engine threads give way to the event loop (thread-priority.ts says why).
if (typeof workerData.nice === 'number') (await import('./thread-priority.ts')).lowerThisThread(workerData.nice);
await import(workerData.entry);
