import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The soak test of `npm run bench:load` (bench/load.ts runs it; SOAK_SECONDS, default 600, 0 = skip): mixed
 * traffic from every role at 20 connections (autocannon in its own process), one expensive request a second
 * (scenario runs, re-scoring with fresh weights, acquisition plans with fresh budgets, rotating roles, not awaited),
 * and /api/health probed every 100 ms. Reports, per minute, health p50/p95/p99/max and server RSS; over the run, RSS
 * start/end/max and slopes, the server main thread's CPU per request, errors, the expensive requests' latencies per
 * kind, and pass/fail against SOAK_TARGETS (exit 1 on fail).
 */

export const ROLES = ['gemeente', 'alwel', 'vhf', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface SoakRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Requests every role may make, as the map and the plan screens make them (all answer 2xx for their role). */
export function mixedRequests(tokens: Record<Role, string>): SoakRequest[] {
  const as = (r: Role) => ({ authorization: `Bearer ${tokens[r]}` });
  const all = ROLES.flatMap((r) => [
    { method: 'GET' as const, path: '/api/buurten', headers: as(r) },
    // Accept-Encoding as browsers send it: gzip'd answers where the server offers them.
    {
      method: 'GET' as const,
      path: '/api/dwellings?buurt=BU16740202',
      headers: { ...as(r), 'accept-encoding': 'gzip' },
    },
    { method: 'GET' as const, path: '/api/stats?groupBy=buurt,ownership', headers: as(r) },
    {
      method: 'GET' as const,
      path: '/api/retrofit/scores?buurt=BU16740300',
      headers: { ...as(r), 'accept-encoding': 'gzip' },
    },
    { method: 'GET' as const, path: '/api/auth/session', headers: as(r) },
  ]);
  return [
    ...all,
    { method: 'GET', path: '/api/signals?buurt=BU16740202', headers: as('gemeente') },
    { method: 'GET', path: '/api/acquisition/candidates?limit=50', headers: as('gemeente') },
    { method: 'GET', path: '/api/acquisition/candidates?limit=50', headers: as('alwel') },
    { method: 'GET', path: '/api/plans', headers: as('vhf') },
    { method: 'GET', path: '/api/audit?limit=20', headers: as('gemeente') },
  ];
}

export function issueTokens(bin: string, stateDir: string, cwd: string): Record<Role, string> {
  return Object.fromEntries(
    ROLES.map((role) => {
      const r = spawnSync(
        process.execPath,
        [bin, 'token', '--role', role, '--name', `soak-${role}`, '--state-dir', stateDir],
        { cwd, encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`voorraad token --role ${role} failed: ${r.stderr}`);
      return [role, r.stdout.trim()];
    }),
  ) as Record<Role, string>;
}

/** The soak test's targets (issue: 10 minutes, health p99 under 50 ms throughout, memory flat). */
export const SOAK_TARGETS = {
  /** /api/health p99 in every window must stay below this. */
  healthP99Ms: 50,
  /**
   * "Flat": the least-squares RSS slope over the second half of the run (caches filled, V8 heaps at their working
   * size) must stay below this. A leak of one 1-MB answer every few seconds shows as 10+ MB/min.
   */
  rssSlopeMbPerMin: 5,
} as const;

/** Nearest-rank percentile of a list of milliseconds (`q` in 0..1); 0 for an empty list. */
export function percentile(ms: readonly number[], q: number): number {
  if (ms.length === 0) return 0;
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * q) - 1))]!;
}

/** p99 of a list of milliseconds (nearest rank). */
export function p99(ms: readonly number[]): number {
  return percentile(ms, 0.99);
}

export interface Latencies {
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function latencies(ms: readonly number[]): Latencies {
  const r = (q: number) => Math.round(percentile(ms, q));
  return { n: ms.length, p50Ms: r(0.5), p95Ms: r(0.95), p99Ms: r(0.99), maxMs: Math.round(Math.max(0, ...ms)) };
}

/** One health probe: when it was sent (s since the soak started) and how long it took. */
export interface TimedSample {
  t: number;
  ms: number;
}

/** Health latencies per window of `windowS` seconds (the last, shorter window included when it has samples). */
export function windows(samples: readonly TimedSample[], windowS: number): (Latencies & { fromS: number })[] {
  const out: (Latencies & { fromS: number })[] = [];
  const byWindow = new Map<number, number[]>();
  for (const s of samples) {
    const k = Math.floor(s.t / windowS);
    let list = byWindow.get(k);
    if (!list) byWindow.set(k, (list = []));
    list.push(s.ms);
  }
  for (const k of [...byWindow.keys()].sort((a, b) => a - b))
    out.push({ fromS: k * windowS, ...latencies(byWindow.get(k)!) });
  return out;
}

export type ExpensiveKind = 'scenario' | 'scores' | 'acquisition';

export interface ExpensiveResult {
  kind: ExpensiveKind;
  /** HTTP status, or 0 when the request failed without one. */
  status: number;
  ms: number;
}

export interface ExpensiveSummary {
  n: number;
  ok: number;
  /** 429: refused by the per-user fair queue (a designed bound, reported, not a failure). */
  busy: number;
  failed: number;
  /** Status codes of the failed ones (0 = no answer). */
  failedStatuses: Record<string, number>;
  byKind: Record<ExpensiveKind, Latencies>;
}

export function summariseExpensive(results: readonly ExpensiveResult[]): ExpensiveSummary {
  const kinds: ExpensiveKind[] = ['scenario', 'scores', 'acquisition'];
  const failedStatuses: Record<string, number> = {};
  for (const r of results)
    if (r.status !== 429 && !(r.status >= 200 && r.status < 300))
      failedStatuses[String(r.status)] = (failedStatuses[String(r.status)] ?? 0) + 1;
  return {
    n: results.length,
    ok: results.filter((r) => r.status >= 200 && r.status < 300).length,
    busy: results.filter((r) => r.status === 429).length,
    failed: Object.values(failedStatuses).reduce((a, b) => a + b, 0),
    failedStatuses,
    byKind: Object.fromEntries(
      kinds.map((k) => [k, latencies(results.filter((r) => r.kind === k && r.status === 200).map((r) => r.ms))]),
    ) as Record<ExpensiveKind, Latencies>,
  };
}

export interface SoakProbeResult {
  health: TimedSample[];
  healthFailures: number;
  expensive: ExpensiveResult[];
}

export interface SoakProbe {
  stop(): Promise<SoakProbeResult>;
}

/** Health every 100 ms and one expensive request a second until stopped (expensive requests are not awaited). */
export function startProbes(url: string, tokens: Record<Role, string>, root: string): SoakProbe {
  const t0 = performance.now();
  const health: TimedSample[] = [];
  let healthFailures = 0;
  const weights = JSON.parse(readFileSync(join(root, 'config', 'weights.default.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const expensive: ExpensiveResult[] = [];
  const pending: Promise<void>[] = [];
  const healthTimer = setInterval(() => {
    const t = performance.now();
    fetch(new URL('api/health', url), { signal: AbortSignal.timeout(10_000) }).then(
      async (r) => {
        await r.arrayBuffer();
        if (!r.ok) healthFailures++;
        health.push({ t: (t - t0) / 1000, ms: performance.now() - t });
      },
      () => {
        healthFailures++;
      },
    );
  }, 100);
  let k = 0;
  const heavy = setInterval(() => {
    const n = k++;
    const role: Role = ROLES[n % ROLES.length]!;
    const auth = { authorization: `Bearer ${tokens[role]}` };
    const t = performance.now();
    // A different run count, weights or budget each time, so no cache answers: every one is real work.
    const kind: ExpensiveKind = n % 3 === 0 ? 'scenario' : n % 3 === 1 ? 'scores' : 'acquisition';
    const req =
      kind === 'scenario'
        ? fetch(new URL('api/scenarios/run', url), {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({ scenario: 'baseline', runs: 100 + (n % 100) }),
          })
        : kind === 'scores'
          ? fetch(
              new URL(
                `api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify({ ...weights, description: `soak ${n}` }))}`,
                url,
              ),
              { headers: auth },
            )
          : fetch(new URL(`api/acquisition/candidates?limit=20&budget=${1_000_000 + n * 1_000}`, url), {
              headers: { authorization: `Bearer ${tokens[n % 2 === 0 ? 'gemeente' : 'alwel']}` },
            });
    pending.push(
      req.then(
        async (r) => {
          await r.arrayBuffer();
          expensive.push({ kind, status: r.status, ms: performance.now() - t });
        },
        () => {
          expensive.push({ kind, status: 0, ms: performance.now() - t });
        },
      ),
    );
  }, 1_000);
  return {
    async stop() {
      clearInterval(healthTimer);
      clearInterval(heavy);
      await Promise.all(pending);
      return { health, healthFailures, expensive };
    },
  };
}

/** The main thread's CPU time (user + system, ms) of process `pid` (Linux /proc), or null. */
export function mainThreadCpuMs(pid: number): number | null {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15 (proc(5)).
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    // USER_HZ is 100 on Linux for every architecture Node runs on.
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

export interface SoakVerdict {
  pass: boolean;
  checks: { name: string; pass: boolean; detail: string }[];
}

/** Pass/fail of a soak against SOAK_TARGETS. */
export function soakVerdict(o: {
  healthWindows: readonly Latencies[];
  healthFailures: number;
  mixedFailures: number;
  expensive: ExpensiveSummary;
  rssSecondHalfSlopeMbPerMin: number | null;
}): SoakVerdict {
  const worst = Math.max(0, ...o.healthWindows.map((w) => w.p99Ms));
  const checks = [
    {
      name: `/api/health p99 < ${SOAK_TARGETS.healthP99Ms} ms in every window`,
      pass: o.healthWindows.length > 0 && worst < SOAK_TARGETS.healthP99Ms,
      detail: `worst window ${worst} ms`,
    },
    { name: '/api/health always answered 200', pass: o.healthFailures === 0, detail: `${o.healthFailures} failures` },
    {
      name: 'mixed traffic: no errors, timeouts or non-2xx',
      pass: o.mixedFailures === 0,
      detail: `${o.mixedFailures}`,
    },
    {
      name: 'expensive requests: 2xx or 429 (fair queue) only',
      pass: o.expensive.failed === 0,
      detail: `${o.expensive.failed} failed ${JSON.stringify(o.expensive.failedStatuses)}`,
    },
    {
      name: `memory flat: RSS slope over the second half < ${SOAK_TARGETS.rssSlopeMbPerMin} MB/min`,
      pass: o.rssSecondHalfSlopeMbPerMin !== null && o.rssSecondHalfSlopeMbPerMin < SOAK_TARGETS.rssSlopeMbPerMin,
      detail:
        o.rssSecondHalfSlopeMbPerMin === null ? 'no samples' : `${o.rssSecondHalfSlopeMbPerMin.toFixed(1)} MB/min`,
    },
  ];
  return { pass: checks.every((c) => c.pass), checks };
}

export type ServerHandle = { child: ChildProcess; url: string };
