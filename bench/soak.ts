import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The soak test of `npm run bench:load` (bench/load.ts runs it; SOAK_SECONDS, default 600, 0 = skip): mixed
 * traffic from every role at 20 connections (autocannon in its own process), one expensive request a second
 * (scenario runs, re-scoring with fresh weights, acquisition plans with fresh budgets, rotating roles, not awaited),
 * and /api/health probed every 100 ms. Reports server RSS start/end/max/slope and health p99 per 30-s window; fails
 * when any window's p99 reaches 50 ms or a mixed request errs.
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

/** p99 of a list of milliseconds (nearest rank). */
export function p99(ms: readonly number[]): number {
  if (ms.length === 0) return 0;
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]!;
}

export interface SoakProbe {
  stop(): Promise<{
    healthWindows: { p99Ms: number; n: number }[];
    healthP99Ms: number;
    healthFailures: number;
    expensive: { n: number; ok: number; busy: number; failed: number; maxMs: number };
  }>;
}

/** Health every 100 ms (30-s windows) and one expensive request a second until stopped. */
export function startProbes(url: string, tokens: Record<Role, string>, root: string): SoakProbe {
  const windows: { p99Ms: number; n: number }[] = [];
  let current: number[] = [],
    all: number[] = [],
    healthFailures = 0,
    windowStart = performance.now();
  const weights = JSON.parse(readFileSync(join(root, 'config', 'weights.default.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const expensive = { n: 0, ok: 0, busy: 0, failed: 0, maxMs: 0 };
  const pending: Promise<void>[] = [];
  const health = setInterval(() => {
    const t = performance.now();
    fetch(new URL('api/health', url), { signal: AbortSignal.timeout(10_000) }).then(
      async (r) => {
        await r.arrayBuffer();
        if (!r.ok) healthFailures++;
        const ms = performance.now() - t;
        current.push(ms);
        all.push(ms);
      },
      () => {
        healthFailures++;
      },
    );
    if (performance.now() - windowStart >= 30_000) {
      windows.push({ p99Ms: Math.round(p99(current)), n: current.length });
      current = [];
      windowStart = performance.now();
    }
  }, 100);
  const heavy = setInterval(() => {
    const k = expensive.n++;
    const role: Role = ROLES[k % ROLES.length]!;
    const auth = { authorization: `Bearer ${tokens[role]}` };
    const t = performance.now();
    const req =
      k % 3 === 0
        ? fetch(new URL('api/scenarios/run', url), {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({ scenario: 'baseline', runs: 100 + (k % 100) }),
          })
        : k % 3 === 1
          ? fetch(
              new URL(
                `api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify({ ...weights, description: `soak ${k}` }))}`,
                url,
              ),
              { headers: auth },
            )
          : fetch(new URL(`api/acquisition/candidates?limit=20&budget=${1_000_000 + k * 1_000}`, url), {
              headers: { authorization: `Bearer ${tokens[k % 2 === 0 ? 'gemeente' : 'alwel']}` },
            });
    pending.push(
      req.then(
        async (r) => {
          await r.arrayBuffer();
          if (r.ok) expensive.ok++;
          else if (r.status === 429) expensive.busy++;
          else expensive.failed++;
          expensive.maxMs = Math.max(expensive.maxMs, performance.now() - t);
        },
        () => {
          expensive.failed++;
        },
      ),
    );
  }, 1_000);
  return {
    async stop() {
      clearInterval(health);
      clearInterval(heavy);
      await Promise.all(pending);
      if (current.length > 0) windows.push({ p99Ms: Math.round(p99(current)), n: current.length });
      const result = {
        healthWindows: windows,
        healthP99Ms: Math.round(p99(all)),
        healthFailures,
        expensive: { ...expensive, maxMs: Math.round(expensive.maxMs) },
      };
      all = [];
      return result;
    },
  };
}

export type ServerHandle = { child: ChildProcess; url: string };
