import { performance } from 'node:perf_hooks';

export interface BenchFigure {
  name: string;
  /** Median milliseconds of the measured case. */
  ms: number;
  baselineName: string;
  baselineMs: number;
  /** ms / baselineMs, both measured interleaved in this run. */
  ratio: number;
  runs: number;
  extra?: Record<string, number | string>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Times a case against its baseline, interleaved (A B A B …) so machine noise hits both alike;
 * reports medians and their ratio.
 */
export async function compare(
  name: string,
  run: () => unknown | Promise<unknown>,
  baselineName: string,
  baseline: () => unknown | Promise<unknown>,
  runs = 7,
  extra?: Record<string, number | string>,
): Promise<BenchFigure> {
  await run();
  await baseline();
  const a: number[] = [],
    b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await run();
    a.push(performance.now() - t);
    t = performance.now();
    await baseline();
    b.push(performance.now() - t);
  }
  const ms = median(a),
    baselineMs = median(b);
  return { name, ms, baselineName, baselineMs, ratio: ms / baselineMs, runs, ...(extra ? { extra } : {}) };
}
