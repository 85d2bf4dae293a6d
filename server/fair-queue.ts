/**
 * A per-user fair queue for expensive work (scenario runs, acquisition plans). First come, first served let one
 * user's batch of large requests delay everybody else (another user's 20-run scenario went from 0.65 s to 28–37 s).
 * Here:
 * - at most `concurrency` tasks run at once, across all users (the worker threads behind them are shared);
 * - at most `perUserActive` of them belong to one user;
 * - the next free slot goes round-robin to the next user with work waiting, so a user with one request waits for
 *   at most one task per other user, not for their whole backlog;
 * - a user may have at most `perUserQueued` tasks waiting, the queue at most `maxQueued`: beyond that the task is
 *   refused at once (the route answers 429) instead of piling up memory and latency;
 * - a task still waiting after `maxWaitMs` is refused the same way: in the soak test (bench/soak.ts) on a saturated
 *   machine, scenario requests waited up to 2 minutes and were then cut off by the socket idle timeout without an
 *   answer; a coded 429 in time is better than a dropped connection.
 */
export interface FairQueueOptions {
  concurrency: number;
  perUserActive: number;
  perUserQueued: number;
  maxQueued: number;
  /** Longest a task may wait for its slot before it is refused (QueueFullError 'wait'); no limit when absent. */
  maxWaitMs?: number;
}

/**
 * The expensive routes' longest wait for a slot: well under the server's 120-s socket idle timeout
 * (server-limits.ts), so a waiting request gets a coded 429 instead of a dropped connection.
 */
export const EXPENSIVE_MAX_WAIT_MS = 30_000;

export class QueueFullError extends Error {
  readonly code = 'queue.busy';
  constructor(
    readonly reason: 'user' | 'total' | 'wait',
    message: string,
  ) {
    super(message);
  }
}

interface Waiting {
  start: () => void;
  timer?: NodeJS.Timeout;
}
interface UserState {
  active: number;
  waiting: Waiting[];
  lastServed: number;
}

export interface FairQueue {
  /** Runs `task` when a slot is free for `user`; rejects with QueueFullError at once when the queue is full. */
  run<T>(user: string, task: () => Promise<T>): Promise<T>;
  stats(): { active: number; queued: number; users: number };
}

export function createFairQueue(o: FairQueueOptions): FairQueue {
  for (const [k, v] of Object.entries(o))
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`fair queue: ${k} must be a positive integer, got ${v}`);
  const users = new Map<string, UserState>();
  let active = 0,
    queued = 0,
    tick = 0;

  function pump(): void {
    while (active < o.concurrency) {
      // Round-robin: the eligible user served longest ago (a user new to the queue first).
      let u: UserState | undefined;
      for (const s of users.values()) {
        if (s.waiting.length > 0 && s.active < o.perUserActive && (!u || s.lastServed < u.lastServed)) u = s;
      }
      if (!u) return;
      u.lastServed = ++tick;
      const w = u.waiting.shift()!;
      clearTimeout(w.timer);
      queued--;
      u.active++;
      active++;
      w.start();
    }
  }

  return {
    run<T>(user: string, task: () => Promise<T>): Promise<T> {
      let u = users.get(user);
      if (u && u.waiting.length >= o.perUserQueued)
        return Promise.reject(
          new QueueFullError(
            'user',
            `${user} already has ${u.waiting.length} expensive requests waiting; wait for them first`,
          ),
        );
      if (queued >= o.maxQueued)
        return Promise.reject(
          new QueueFullError('total', `the server has ${queued} expensive requests waiting; try again shortly`),
        );
      if (!u) users.set(user, (u = { active: 0, waiting: [], lastServed: 0 }));
      const state = u;
      return new Promise<T>((resolve, reject) => {
        const w: Waiting = {
          start: () => {
            task()
              .then(resolve, reject)
              .finally(() => {
                state.active--;
                active--;
                if (state.active === 0 && state.waiting.length === 0) users.delete(user);
                pump();
              });
          },
        };
        if (o.maxWaitMs !== undefined) {
          w.timer = setTimeout(() => {
            const at = state.waiting.indexOf(w);
            if (at < 0) return;
            state.waiting.splice(at, 1);
            queued--;
            if (state.active === 0 && state.waiting.length === 0) users.delete(user);
            reject(new QueueFullError('wait', `waited ${o.maxWaitMs} ms for a free slot; try again shortly`));
          }, o.maxWaitMs);
          w.timer.unref();
        }
        state.waiting.push(w);
        queued++;
        pump();
      });
    },
    stats: () => ({ active, queued, users: users.size }),
  };
}
