import { EventEmitter } from 'node:events';
import { getPriority } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND_NICE, currentThreadId } from './thread-priority.ts';
import * as tsWorker from './ts-worker.ts';

vi.mock('./ts-worker.ts', { spy: true });

const REPORT = new URL('../test/fixtures/workers/thread-report.ts', import.meta.url);

function report(w: Worker): Promise<{ tid: number | null; nice: number | null }> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
}

const linux = process.platform === 'linux';

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

  it('run the engine, scenario, acquisition and planner threads at background priority', async () => {
    // No threads needed to see how they are started: a stand-in that answers nothing.
    vi.mocked(tsWorker.startTsWorker).mockImplementation(
      () => Object.assign(new EventEmitter(), { postMessage() {}, terminate: async () => 0 }) as unknown as Worker,
    );
    const { startNodeEngine } = await import('./node-engine.ts');
    const { startScenarioPool } = await import('./scenario-pool.ts');
    const { startAcquisitionWorker } = await import('./acquisition-node.ts');
    const { startPlannerWorker } = await import('./planner-node.ts');
    const earlier = vi.mocked(tsWorker.startTsWorker).mock.calls.length;
    const started = [startNodeEngine(), startScenarioPool(1), startAcquisitionWorker(), startPlannerWorker()];
    await Promise.all(started.map((s) => s.terminate()));
    const calls = vi.mocked(tsWorker.startTsWorker).mock.calls.slice(earlier);
    expect(calls.map(([entry, o]) => [entry.pathname.split('/').pop(), o?.nice])).toEqual([
      ['engine.node-worker.ts', BACKGROUND_NICE],
      ['scenario-worker.ts', BACKGROUND_NICE],
      ['acquisition-worker.ts', BACKGROUND_NICE],
      ['planner-worker.ts', BACKGROUND_NICE],
    ]);
  });
});
