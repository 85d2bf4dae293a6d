import { describe, expect, it } from 'vitest';
import { latencies, percentile, soakVerdict, summariseExpensive, windows, type Latencies } from './soak.ts';

describe('soak report', () => {
  it('takes nearest-rank percentiles', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99), percentile([], 0.99)]).toEqual([
      50, 95, 99, 0,
    ]);
    expect(latencies([3, 1, 2])).toEqual({ n: 3, p50Ms: 2, p95Ms: 3, p99Ms: 3, maxMs: 3 });
  });

  it('splits health samples into windows by the time they were sent', () => {
    const w = windows(
      [
        { t: 0.1, ms: 2 },
        { t: 59.9, ms: 4 },
        { t: 60, ms: 80 },
        { t: 130, ms: 1 },
      ],
      60,
    );
    expect(w.map((x) => [x.fromS, x.n, x.maxMs])).toEqual([
      [0, 2, 4],
      [60, 1, 80],
      [120, 1, 1],
    ]);
  });

  it('counts 429 as busy, anything else but 2xx as failed, with its status', () => {
    const s = summariseExpensive([
      { kind: 'scenario', status: 200, ms: 900 },
      { kind: 'scores', status: 429, ms: 5 },
      { kind: 'acquisition', status: 500, ms: 50 },
      { kind: 'acquisition', status: 0, ms: 10_000 },
    ]);
    expect(s).toMatchObject({ n: 4, ok: 1, busy: 1, failed: 2, failedStatuses: { '0': 1, '500': 1 } });
    expect(s.byKind.scenario).toMatchObject({ n: 1, maxMs: 900 });
  });

  it('fails on one slow window, on rising memory, or on any failed request', () => {
    const w = (p99Ms: number): Latencies => ({ n: 600, p50Ms: 1, p95Ms: 2, p99Ms, maxMs: p99Ms });
    const expensive = summariseExpensive([{ kind: 'scores', status: 200, ms: 1 }]);
    const base = {
      healthWindows: [w(10), w(20)],
      healthFailures: 0,
      mixedFailures: 0,
      expensive,
      rssSecondHalfSlopeMbPerMin: 1,
    };
    expect(soakVerdict(base).pass).toBe(true);
    expect(soakVerdict({ ...base, healthWindows: [w(10), w(50)] }).pass).toBe(false);
    expect(soakVerdict({ ...base, rssSecondHalfSlopeMbPerMin: 12 }).pass).toBe(false);
    expect(soakVerdict({ ...base, rssSecondHalfSlopeMbPerMin: null }).pass).toBe(false);
    expect(soakVerdict({ ...base, mixedFailures: 1 }).pass).toBe(false);
    expect(soakVerdict({ ...base, healthWindows: [] }).pass).toBe(false);
  });
});
