import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/*
 * Engine work runs in worker threads so it never blocks the event loop, but on a small machine (two cores) a busy
 * worker still competes with the event loop for a core: the kernel shares CPU time fairly between threads of equal
 * priority, so the event loop waited for whole time slices while a scenario or a re-score ran, and /api/health's tail
 * latency followed the expensive requests (bench/soak.ts). Linux keeps a nice value per thread, and setpriority(2)
 * with a thread id changes only that thread; raising a nice value needs no privilege. A background thread at nice 10
 * gets about a tenth of a contended core next to the event loop, and every idle core as before.
 */

/** The nice value of the engine, scenario, acquisition and planner threads (the event loop keeps the process's). */
export const BACKGROUND_NICE = 10;

/** The calling thread's kernel thread id (Linux: /proc/thread-self), or null where there is none. */
export function currentThreadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lowers the calling thread's CPU priority to at least `nice` (never raises it). Returns the thread's nice value
 * afterwards, or null where threads have no priority of their own (not Linux) or the kernel refused.
 */
export function lowerThisThread(nice: number): number | null {
  const tid = currentThreadId();
  if (tid === null) return null;
  try {
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return getPriority(tid);
  } catch {
    return null;
  }
}
