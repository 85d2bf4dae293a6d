/**
 * Runs an async task for the latest value only: while a run is in progress new values replace each other,
 * and the newest one runs once the current run and the frame after it are done. A slider dragged across
 * its range therefore costs at most one re-score and one repaint per frame, never a queue of stale ones,
 * and the first change starts at once (no debounce delay).
 */
export interface LatestOnly<T> {
  push(value: T): void;
  /** Resolves when nothing is running or waiting. */
  settled(): Promise<void>;
}

export function latestOnly<T>(
  run: (value: T) => Promise<void>,
  opts: { afterRun?: () => Promise<void>; onError?: (err: unknown) => void } = {},
): LatestOnly<T> {
  let pending: { value: T } | null = null;
  let loop: Promise<void> | null = null;
  async function drain(): Promise<void> {
    while (pending) {
      const { value } = pending;
      pending = null;
      try {
        await run(value);
      } catch (err) {
        opts.onError?.(err);
      }
      if (pending && opts.afterRun) await opts.afterRun();
    }
    loop = null;
  }
  return {
    push(value) {
      pending = { value };
      loop ??= drain();
    },
    settled: () => loop ?? Promise.resolve(),
  };
}

/** Resolves at the next animation frame (the page's `afterRun` for latestOnly). */
export const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
