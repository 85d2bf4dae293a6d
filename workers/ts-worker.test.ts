import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, currentThreadId } from './thread-priority.ts';
import * as tsWorker from './ts-worker.ts';

const REPORT = new URL('../test/fixtures/workers/thread-report.ts', import.meta.url);

function report(w: Worker): Promise<{ tid: number | null; nice: number | null }> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
}

const linux = process.platform === 'linux';

/** Threads of this process whose nice value is at least BACKGROUND_NICE (Linux /proc; field 19 of stat). */
function nicedThreads(): number {
  return readdirSync('/proc/self/task').filter((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) >= BACKGROUND_NICE;
  }).length;
}

describe('worker threads on a TypeScript entry', () => {
  it.runIf(linux)('lower their own priority, not the event loop’s, when asked', async () => {
    const main = currentThreadId()!;
    const before = getPriority(main);
    const background = tsWorker.startTsWorker(REPORT, { nice: BACKGROUND_NICE });
    const normal = tsWorker.startTsWorker(REPORT);
    try {
      const [b, n] = await Promise.all([report(background), report(normal)]);
      expect(b.tid).not.toBe(main);
      expect(b.nice).toBe(Math.max(before, BACKGROUND_NICE));
      expect(n.nice).toBe(before);
      expect(getPriority(main)).toBe(before);
    } finally {
      await Promise.all([background.terminate(), normal.terminate()]);
    }
  });

  // Meaningful only when this process is not itself at background priority (its new threads would inherit it).
  it.runIf(linux && getPriority() < BACKGROUND_NICE)(
    'run the engine, scenario, acquisition and planner threads at background priority',
    async () => {
      const before = nicedThreads();
      const { startNodeEngine } = await import('./node-engine.ts');
      const { startScenarioPool } = await import('./scenario-pool.ts');
      const { startAcquisitionWorker } = await import('./acquisition-node.ts');
      const { startPlannerWorker } = await import('./planner-node.ts');
      const started = [startNodeEngine(), startScenarioPool(1), startAcquisitionWorker(), startPlannerWorker()];
      try {
        // Each thread lowers its own priority as it boots; wait (bounded) until all four have.
        for (let i = 0; i < 300 && nicedThreads() < before + 4; i++) await new Promise((r) => setTimeout(r, 100));
        expect(nicedThreads()).toBeGreaterThanOrEqual(before + 4);
      } finally {
        await Promise.all(started.map((w) => w.terminate()));
      }
    },
    60_000,
  );
});
