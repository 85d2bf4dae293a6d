import { Worker } from 'node:worker_threads';

export interface TsWorkerOptions {
  /** Extra workerData for the entry (it also receives `entry` and `nice`). */
  workerData?: Record<string, unknown>;
  /** Lower the thread's CPU priority to this nice value before the entry loads (workers/thread-priority.ts). */
  nice?: number;
}

/**
 * A worker thread on a TypeScript entry: ts-worker-bootstrap.mjs registers tsx inside the thread (Node 20 workers do
 * not inherit the parent's loader), lowers the thread's priority when asked, then imports `entry`.
 */
export function startTsWorker(entry: URL, o: TsWorkerOptions = {}): Worker {
  return new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), {
    workerData: { ...o.workerData, entry: entry.href, nice: o.nice ?? null },
  });
}
