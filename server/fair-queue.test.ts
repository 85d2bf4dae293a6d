import { describe, expect, it, vi } from 'vitest';
import { QueueFullError, createFairQueue } from './fair-queue.ts';

function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe('fair queue', () => {
  it('serves users round-robin: a second user waits for one task of the first, not its whole backlog', async () => {
    const q = createFairQueue({ concurrency: 1, perUserActive: 1, perUserQueued: 10, maxQueued: 100 });
    const order: string[] = [];
    const gates = Array.from({ length: 4 }, gate);
    const a = [0, 1, 2].map((i) =>
      q.run('a', async () => {
        order.push(`a${i}`);
        await gates[i]!.p;
      }),
    );
    const b = q.run('b', async () => {
      order.push('b0');
    });
    gates[0]!.open();
    await a[0];
    await b;
    expect(order).toEqual(['a0', 'b0']);
    gates[1]!.open();
    gates[2]!.open();
    await Promise.all(a);
    expect(order).toEqual(['a0', 'b0', 'a1', 'a2']);
  });

  it("caps one user's concurrent work even when slots are free", async () => {
    const q = createFairQueue({ concurrency: 4, perUserActive: 1, perUserQueued: 10, maxQueued: 100 });
    const g = gate();
    let running = 0,
      most = 0;
    const tasks = [0, 1, 2].map(() =>
      q.run('a', async () => {
        running++;
        most = Math.max(most, running);
        await g.p;
        running--;
      }),
    );
    expect(q.stats()).toMatchObject({ active: 1, queued: 2 });
    g.open();
    await Promise.all(tasks);
    expect(most).toBe(1);
    expect(q.stats()).toEqual({ active: 0, queued: 0, users: 0 });
  });

  it('refuses at once beyond the per-user and total queue lengths, and a failed task frees its slot', async () => {
    const q = createFairQueue({ concurrency: 1, perUserActive: 1, perUserQueued: 1, maxQueued: 2 });
    const g = gate();
    const first = q.run('a', () => g.p);
    const second = q.run('a', async () => 'two');
    await expect(q.run('a', async () => 'three')).rejects.toBeInstanceOf(QueueFullError);
    const other = q.run('b', async () => 'b');
    await expect(q.run('c', async () => 'c')).rejects.toMatchObject({ reason: 'total' });
    g.open();
    await first;
    expect(await second).toBe('two');
    expect(await other).toBe('b');
    await expect(
      q.run('a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await q.run('a', async () => 'again')).toBe('again');
  });

  it('refuses a task that waited longer than maxWaitMs (a coded 429, not a connection cut off later)', async () => {
    vi.useFakeTimers();
    try {
      const q = createFairQueue({
        concurrency: 1,
        perUserActive: 1,
        perUserQueued: 5,
        maxQueued: 10,
        maxWaitMs: 30_000,
      });
      const running = gate();
      const first = q.run('a', () => running.p);
      const second = q.run('b', () => Promise.resolve('b'));
      const third = q.run('c', () => Promise.resolve('c'));
      const refused = expect(second).rejects.toMatchObject({ reason: 'wait' });
      vi.advanceTimersByTime(29_999);
      expect(q.stats().queued).toBe(2);
      vi.advanceTimersByTime(1);
      await refused;
      await expect(third).rejects.toBeInstanceOf(QueueFullError);
      expect(q.stats()).toEqual({ active: 1, queued: 0, users: 1 });
      running.open();
      await first;
      // A task that gets its slot in time is not refused afterwards.
      const fourth = q.run('d', () => Promise.resolve('d'));
      await vi.advanceTimersByTimeAsync(60_000);
      await expect(fourth).resolves.toBe('d');
    } finally {
      vi.useRealTimers();
    }
  });
});
