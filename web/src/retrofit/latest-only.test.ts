import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only.ts';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('latestOnly', () => {
  it('runs the first value at once and then only the newest of the values that arrived meanwhile', async () => {
    const runs: number[] = [];
    let release: (() => void) | null = null;
    const q = latestOnly<number>(async (v) => {
      runs.push(v);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    q.push(1);
    expect(runs).toEqual([1]);
    q.push(2);
    q.push(3);
    q.push(4);
    release!();
    await tick();
    expect(runs).toEqual([1, 4]);
    release!();
    await q.settled();
    expect(runs).toEqual([1, 4]);
  });

  it('waits for afterRun only when another value is waiting', async () => {
    const log: string[] = [];
    const q = latestOnly<number>(
      async (v) => {
        log.push(`run ${v}`);
        await tick();
      },
      {
        afterRun: async () => {
          log.push('frame');
        },
      },
    );
    q.push(1);
    await q.settled();
    expect(log).toEqual(['run 1']);
    q.push(2);
    q.push(3);
    q.push(4);
    await q.settled();
    expect(log).toEqual(['run 1', 'run 2', 'frame', 'run 4']);
  });

  it('reports a failed run and carries on with the next value', async () => {
    const errors: unknown[] = [];
    const runs: number[] = [];
    const q = latestOnly<number>(
      async (v) => {
        runs.push(v);
        if (v === 1) throw new Error('boom');
      },
      { onError: (e) => errors.push(e) },
    );
    q.push(1);
    await q.settled();
    q.push(2);
    await q.settled();
    expect(runs).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });
});
