import { spawn, spawnSync, fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRng } from '../engine/rng.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../geodata/shipped.ts';
import type { BenchFigure } from './measure.ts';
import {
  issueTokens,
  latencies,
  mainThreadCpuMs,
  mixedRequests,
  soakVerdict,
  startProbes,
  summariseExpensive,
  windows,
} from './soak.ts';

/*
 * `npm run bench:load` (tsx bench/load.ts): the real server (`voorraad serve`, shipped dataset, temporary state
 * directory, gemeente bearer token) in one child process, autocannon in a SECOND child process, so the load
 * generator never competes with the server's event loop in the same process. Server RSS is read from
 * /proc/<pid>/status once a second (Linux). The baseline is the same autocannon run against a bare
 * @hono/node-server answering a static JSON body, measured in the same run.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'voorraad.js');
const SELF = fileURLToPath(import.meta.url);

export interface LoadOptions {
  connections: number;
  durationS: number;
  /** Seconds of each phase of the event-loop check (idle health, then health during engine work). */
  eventLoopS: number;
  log: (msg: string) => void;
  /** Only the targets whose name matches (env LOAD_ONLY, a regular expression); all when absent. */
  only?: RegExp;
  /** Also load GET /api/retrofit/scores with `Accept-Encoding: gzip`, as browsers send it (env LOAD_SCORES_GZIP=1). */
  scoresGzip?: boolean;
  /** Skip the event-loop check (env LOAD_EVENT_LOOP=0), for quick iterations on one target. */
  eventLoop?: boolean;
}

/** One HTTP request autocannon cycles through (per connection, in order). */
interface CannonRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface CannonJob {
  url: string;
  connections: number;
  durationS: number;
  headers: Record<string, string>;
  requests: CannonRequest[];
}

/** The part of autocannon's result this bench reports (autocannon 9 lib/aggregateResult.js). */
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

export interface RssSummary {
  startMb: number;
  endMb: number;
  maxMb: number;
  slopeMbPerMin: number;
  samples: number;
}

export interface LoadRun {
  name: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rss: RssSummary | null;
}

/**
 * Runs autocannon in a child process (this file with --client) and returns its result. `onStart` runs when the
 * client has loaded and is handed the job, so probes that go with the load start with it, not seconds before.
 */
function cannon(job: CannonJob, onStart: () => void = () => {}): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, ['--client'], {
      execArgv: ['--import', 'tsx'],
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m) => {
      if ((m as { ready?: boolean }).ready) {
        onStart();
        child.send(job);
      } else resolve(m as CannonResult);
    });
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`autocannon client exited with ${code}`)));
  });
}

/** Client mode: autocannon (CommonJS, no bundled types) with the job from the parent; result back over IPC. */
async function clientMain(): Promise<void> {
  const autocannon = createRequire(import.meta.url)('autocannon') as (o: object) => Promise<CannonResult>;
  const jobArrives = new Promise<CannonJob>((resolve) => process.once('message', (m) => resolve(m as CannonJob)));
  process.send!({ ready: true });
  const job = await jobArrives;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationS,
    headers: job.headers,
    requests: job.requests,
  });
  process.send!(result, () => process.exit(0));
}

/** Samples a process's resident set size (MB) every second until stopped. */
function rssSampler(pid: number): { stop(): RssSummary | null } {
  const samples: { t: number; mb: number }[] = [];
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) samples.push({ t: performance.now() / 1000, mb: Number(m[1]) / 1024 });
    } catch {
      // not Linux, or the process is gone: no sample
    }
  };
  read();
  const timer = setInterval(read, 1000);
  return {
    stop() {
      clearInterval(timer);
      read();
      return summariseRss(samples);
    },
  };
}

/** Start, end and max RSS and the least-squares slope in MB per minute. */
export function summariseRss(samples: readonly { t: number; mb: number }[]): RssSummary | null {
  if (samples.length < 2) return null;
  const n = samples.length;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n,
    mm = samples.reduce((s, x) => s + x.mb, 0) / n;
  const cov = samples.reduce((s, x) => s + (x.t - mt) * (x.mb - mm), 0),
    vt = samples.reduce((s, x) => s + (x.t - mt) ** 2, 0);
  return {
    startMb: samples[0]!.mb,
    endMb: samples[n - 1]!.mb,
    maxMb: Math.max(...samples.map((x) => x.mb)),
    slopeMbPerMin: vt === 0 ? 0 : (cov / vt) * 60,
    samples: n,
  };
}

/**
 * Spawns a server process and resolves with its URL (the first http:// URL it prints on stdout). With `logFile`,
 * everything the process prints (e.g. `--trace-gc` lines) is also appended to that file.
 */
function startProcess(args: string[], label: string, logFile?: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  let err = '';
  child.stderr!.on('data', (b: Buffer) => {
    if (err.length < 65_536) err += b.toString();
    log?.write(b);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let found = false;
    child.stdout!.on('data', (b: Buffer) => {
      log?.write(b);
      if (found) return;
      out += b.toString();
      const m = /(http:\/\/\S+)/.exec(out);
      if (m) {
        found = true;
        resolve({ child, url: m[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code} before printing its URL:\n${err}`)));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const BASELINE_SERVER =
  `import('@hono/node-server').then(({serve})=>{const body=JSON.stringify({status:'ok',synthetic:true});` +
  `serve({fetch:()=>new Response(body,{headers:{'content-type':'application/json'}}),port:0,hostname:'127.0.0.1'},(i)=>console.log('http://127.0.0.1:'+i.port+'/'))})`;

/** Tile requests as the map makes them: the header + root directory first, then tile-sized byte ranges (seeded). */
async function tileRequests(url: string, token: string): Promise<CannonRequest[]> {
  const res = await fetch(new URL('tiles/dwellings.pmtiles', url), {
    headers: { authorization: `Bearer ${token}`, range: 'bytes=0-0' },
  });
  const size = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
  await res.arrayBuffer();
  if (res.status !== 206 || !Number.isFinite(size) || size < 16_384)
    throw new Error(
      `tiles/dwellings.pmtiles: expected 206 with a size, got ${res.status} ${res.headers.get('content-range')}`,
    );
  const rng = createRng(20251128);
  const ranges = ['bytes=0-16383'];
  for (let i = 0; i < 31; i++) {
    const len = rng.int(2_048, 16_384);
    const start = rng.int(0, size - len - 1);
    ranges.push(`bytes=${start}-${start + len - 1}`);
  }
  return ranges.map((range) => ({ method: 'GET', path: '/tiles/dwellings.pmtiles', headers: { range } }));
}

const WHAT_IF_BODY = JSON.stringify({
  type: 'tussenwoning',
  bouwjaar: 1965,
  oppervlakte: 100,
  label: 'E',
  eigendom: 'eigenaar-bewoner',
  date: '2025-03-01',
});

export async function runLoad(o: LoadOptions): Promise<{
  runs: LoadRun[];
  baseline: LoadRun;
  eventLoop: { idle: LoadRun; busy: LoadRun; heavyRequests: number; heavyMs: number[] };
}> {
  ensureShippedDataset();
  const stateDir = mkdtempSync(join(tmpdir(), 'voorraad-load-'));
  const servers: ChildProcess[] = [];
  try {
    const issued = spawnSync(
      process.execPath,
      [BIN, 'token', '--role', 'gemeente', '--name', 'load-bench', '--state-dir', stateDir],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const token = issued.stdout.trim();
    if (issued.status !== 0 || !token) throw new Error(`voorraad token failed: ${issued.stderr}`);
    const auth = { authorization: `Bearer ${token}` };

    const base = await startProcess(['-e', BASELINE_SERVER], 'baseline server');
    servers.push(base.child);
    o.log(`baseline: bare @hono/node-server static JSON, ${o.connections} connections, ${o.durationS} s`);
    const baseline = await measure('bare @hono/node-server, static JSON', base, {
      url: base.url,
      connections: o.connections,
      durationS: o.durationS,
      headers: {},
      requests: [{ method: 'GET', path: '/' }],
    });
    await stopProcess(base.child);

    const app = await startProcess(
      [BIN, 'serve', '--port', '0', '--no-web', '--dataset', SHIPPED_DATASET, '--state-dir', stateDir],
      'voorraad serve',
    );
    servers.push(app.child);
    // One warm-up request each: the retrofit context loads into the worker on first use.
    for (const p of ['api/retrofit/scores', 'api/stats?groupBy=buurt'])
      await (await fetch(new URL(p, app.url), { headers: auth })).arrayBuffer();
    const targets: [string, CannonRequest[]][] = [
      ['GET /tiles/dwellings.pmtiles (Range)', await tileRequests(app.url, token)],
      ['GET /api/retrofit/scores', [{ method: 'GET', path: '/api/retrofit/scores' }]],
      ...(o.scoresGzip
        ? [
            [
              'GET /api/retrofit/scores (gzip)',
              [{ method: 'GET', path: '/api/retrofit/scores', headers: { 'accept-encoding': 'gzip' } }],
            ] as [string, CannonRequest[]],
          ]
        : []),
      ['GET /api/stats?groupBy=buurt', [{ method: 'GET', path: '/api/stats?groupBy=buurt' }]],
      [
        'POST /api/retrofit/what-if',
        [
          {
            method: 'POST',
            path: '/api/retrofit/what-if',
            headers: { 'content-type': 'application/json' },
            body: WHAT_IF_BODY,
          },
        ],
      ],
    ];
    const runs: LoadRun[] = [];
    for (const [name, requests] of targets.filter(([n]) => !o.only || o.only.test(n))) {
      // An overloaded phase leaves a backlog in the server; measuring the next one before it drains would blame it.
      o.log(`waiting for the server to drain: ${((await drain(app.url)) / 1000).toFixed(1)} s`);
      o.log(`${name}: ${o.connections} connections, ${o.durationS} s`);
      runs.push(
        await measure(name, app, {
          url: app.url,
          connections: o.connections,
          durationS: o.durationS,
          headers: auth,
          requests,
        }),
      );
      const r = runs[runs.length - 1]!;
      o.log(
        `  ${Math.round(r.rps)} req/s, p99 ${r.p99Ms} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, RSS max ${r.rss?.maxMb.toFixed(0) ?? '?'} MB`,
      );
    }
    o.log(`waiting for the server to drain: ${((await drain(app.url)) / 1000).toFixed(1)} s`);
    if (o.eventLoop === false) {
      const skipped: LoadRun = {
        name: 'event loop check skipped',
        rps: 0,
        p50Ms: 0,
        p99Ms: 0,
        total: 0,
        errors: 0,
        timeouts: 0,
        non2xx: 0,
        rss: null,
      };
      return { runs, baseline, eventLoop: { idle: skipped, busy: skipped, heavyRequests: 0, heavyMs: [] } };
    }
    o.log(`event loop: /api/health alone, then during scoring and 500-run scenarios (${o.eventLoopS} s each)`);
    const eventLoop = await eventLoopCheck(app, auth, o.eventLoopS, o.log);
    o.log('stopping the server');
    return { runs, baseline, eventLoop };
  } finally {
    for (const s of servers) await stopProcess(s);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Milliseconds until /api/health answers within 50 ms three times in a row (at most two minutes). */
async function drain(url: string): Promise<number> {
  const t0 = performance.now();
  let fast = 0;
  while (fast < 3 && performance.now() - t0 < 120_000) {
    const t = performance.now();
    const ok = await fetch(new URL('api/health', url), { signal: AbortSignal.timeout(10_000) }).then(
      (r) => r.arrayBuffer().then(() => r.ok),
      () => false,
    );
    fast = ok && performance.now() - t < 50 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
  return performance.now() - t0;
}

async function measure(name: string, server: { child: ChildProcess; url: string }, job: CannonJob): Promise<LoadRun> {
  const rss = rssSampler(server.child.pid!);
  const r = await cannon(job);
  return {
    name,
    rps: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    rss: rss.stop(),
  };
}

/**
 * /api/health latency from one connection, first alone, then while the same server scores with fresh weights
 * (a full re-score in the engine worker) and runs 500-run scenarios (scenario worker), back to back. If engine work
 * ran on the event loop, health would wait for it: its p99 would approach the heavy requests' duration.
 */
async function eventLoopCheck(
  app: { child: ChildProcess; url: string },
  auth: Record<string, string>,
  seconds: number,
  log: (m: string) => void,
) {
  const health: CannonJob = {
    url: app.url,
    connections: 1,
    durationS: seconds,
    headers: {},
    requests: [{ method: 'GET', path: '/api/health' }],
  };
  const idle = await measure('GET /api/health, server idle', app, health);
  const weights = JSON.parse(readFileSync(join(ROOT, 'config', 'weights.default.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  let stop = false,
    n = 0;
  const heavyMs: number[] = [];
  const heavy = (async () => {
    while (!stop) {
      const t = performance.now();
      // A different run count / weights each time, so neither the scenario cache nor a score cache answers.
      const res =
        n % 2 === 0
          ? await fetch(new URL('api/scenarios/run', app.url), {
              method: 'POST',
              headers: { ...auth, 'content-type': 'application/json' },
              body: JSON.stringify({ scenario: 'baseline', runs: 500 - (n % 50) }),
            })
          : await fetch(
              new URL(
                `api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify({ ...weights, description: `load ${n}` }))}`,
                app.url,
              ),
              { headers: auth },
            );
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`heavy request ${n} answered ${res.status}`);
      heavyMs.push(performance.now() - t);
      log(`heavy request ${n} (${n % 2 === 0 ? 'scenario' : 'scores'}): ${(performance.now() - t).toFixed(0)} ms`);
      n++;
    }
  })();
  log('health alone done; now during engine work');
  const busy = await measure('GET /api/health during engine work', app, health);
  log('health during engine work done; waiting for the last heavy request');
  stop = true;
  await heavy;
  return { idle, busy, heavyRequests: n, heavyMs };
}

/** The figures for bench/run.ts: p99 latency against the bare server's p99 (ratio), throughput and memory in extra. */
export async function benchLoad(o: Partial<LoadOptions> = {}): Promise<BenchFigure[]> {
  const { runs, baseline, eventLoop } = await runLoad({
    connections: 50,
    durationS: 20,
    eventLoopS: 10,
    log: () => {},
    ...o,
  });
  return toFigures(runs, baseline, eventLoop);
}

function toFigures(
  runs: LoadRun[],
  baseline: LoadRun,
  eventLoop: Awaited<ReturnType<typeof runLoad>>['eventLoop'],
): BenchFigure[] {
  const extra = (r: LoadRun): Record<string, number> => ({
    rps: Math.round(r.rps),
    total: r.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    p50Ms: r.p50Ms,
    ...(r.rss
      ? {
          rssStartMb: Math.round(r.rss.startMb),
          rssEndMb: Math.round(r.rss.endMb),
          rssMaxMb: Math.round(r.rss.maxMb),
          rssSlopeMbPerMin: Number(r.rss.slopeMbPerMin.toFixed(1)),
        }
      : {}),
  });
  const figures: BenchFigure[] = runs.map((r) => ({
    name: `load ${r.name}: p99 latency (${r.total} requests)`,
    ms: r.p99Ms,
    baselineName: `${baseline.name} p99 (${Math.round(baseline.rps)} req/s)`,
    baselineMs: baseline.p99Ms,
    ratio: r.p99Ms / baseline.p99Ms,
    runs: 1,
    extra: { ...extra(r), baselineRps: Math.round(baseline.rps), rpsRatio: Number((r.rps / baseline.rps).toFixed(3)) },
  }));
  const sorted = [...eventLoop.heavyMs].sort((a, b) => a - b);
  figures.push({
    name: 'event loop: GET /api/health p99 during engine work',
    ms: eventLoop.busy.p99Ms,
    baselineName: 'GET /api/health p99, server idle',
    baselineMs: eventLoop.idle.p99Ms,
    ratio: eventLoop.busy.p99Ms / Math.max(eventLoop.idle.p99Ms, 1),
    runs: 1,
    extra: {
      ...extra(eventLoop.busy),
      heavyRequests: eventLoop.heavyRequests,
      heavyMedianMs: Math.round(sorted[sorted.length >> 1] ?? 0),
      heavyMaxMs: Math.round(sorted[sorted.length - 1] ?? 0),
    },
  });
  return figures;
}

/** RSS samples (MB, every second) of a process, with their time in seconds since the sampler started. */
function rssSamples(pid: number): { stop(): { t: number; mb: number }[] } {
  const t0 = performance.now();
  const samples: { t: number; mb: number }[] = [];
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) samples.push({ t: (performance.now() - t0) / 1000, mb: Number(m[1]) / 1024 });
    } catch {
      // not Linux, or the process is gone: no sample
    }
  };
  read();
  const timer = setInterval(read, 1000);
  return {
    stop() {
      clearInterval(timer);
      read();
      return samples;
    },
  };
}

/**
 * The soak test (bench/soak.ts): `seconds` of mixed traffic from every role at 20 connections, one expensive request
 * a second, health probed every 100 ms; per-minute health latencies and RSS, pass/fail against SOAK_TARGETS.
 * SOAK_WINDOW_SECONDS (default 60) sets the window; SOAK_NODE_ARGS adds node flags to the server only;
 * SOAK_SERVER_LOG=<file> appends everything the server prints to that file (e.g. with SOAK_NODE_ARGS=--trace-gc).
 */
export async function runSoak(seconds: number, log: (m: string) => void): Promise<boolean> {
  ensureShippedDataset();
  const stateDir = mkdtempSync(join(tmpdir(), 'voorraad-soak-'));
  const windowS = Number(process.env.SOAK_WINDOW_SECONDS ?? 60);
  let child: ChildProcess | null = null;
  try {
    const tokens = issueTokens(BIN, stateDir, ROOT);
    // SOAK_NODE_ARGS: extra node flags for the server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
    const nodeArgs = (process.env.SOAK_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const app = await startProcess(
      [...nodeArgs, BIN, 'serve', '--port', '0', '--no-web', '--dataset', SHIPPED_DATASET, '--state-dir', stateDir],
      'voorraad serve',
      process.env.SOAK_SERVER_LOG,
    );
    child = app.child;
    for (const p of ['api/retrofit/scores', 'api/stats?groupBy=buurt'])
      await (
        await fetch(new URL(p, app.url), { headers: { authorization: `Bearer ${tokens.gemeente}` } })
      ).arrayBuffer();
    log(`soak: ${seconds} s, 20 connections, every role, one expensive request a second; ${loadLine()}`);
    let rss: ReturnType<typeof rssSamples> | null = null;
    let probes: ReturnType<typeof startProbes> | null = null;
    let cpuStart: number | null = null;
    const mixed = await cannon(
      { url: app.url, connections: 20, durationS: seconds, headers: {}, requests: mixedRequests(tokens) },
      () => {
        rss = rssSamples(app.child.pid!);
        cpuStart = mainThreadCpuMs(app.child.pid!);
        probes = startProbes(app.url, tokens, ROOT);
      },
    );
    const cpuEnd = mainThreadCpuMs(app.child.pid!);
    const mem = rss!.stop();
    const p = await probes!.stop();
    const all = summariseRss(mem);
    const secondHalf = summariseRss(mem.filter((x) => x.t >= seconds / 2));
    // Only probes sent while the mixed load ran (expensive requests still queued are awaited after it).
    p.health = p.health.filter((x) => x.t < seconds);
    const healthWindows = windows(p.health, windowS);
    const expensive = summariseExpensive(p.expensive);
    const requests = mixed.requests.total + p.health.length + p.expensive.length;
    const cpuPerRequestMs = cpuStart !== null && cpuEnd !== null ? (cpuEnd - cpuStart) / Math.max(1, requests) : null;
    const mixedFailures = mixed.errors + mixed.timeouts + mixed.non2xx;
    const verdict = soakVerdict({
      healthWindows,
      healthFailures: p.healthFailures,
      mixedFailures,
      expensive,
      rssSecondHalfSlopeMbPerMin: secondHalf?.slopeMbPerMin ?? null,
    });
    const out = (line: string) => console.log(`soak: ${line}`);
    out(`${seconds} s; ${loadLine()}`);
    out(
      `mixed ${Math.round(mixed.requests.average)} req/s (${mixed.requests.total} requests, p50 ${mixed.latency.p50} ms, p99 ${mixed.latency.p99} ms; errors ${mixed.errors}, timeouts ${mixed.timeouts}, non-2xx ${mixed.non2xx})`,
    );
    for (const w of healthWindows) {
      const inWindow = mem.filter((x) => x.t >= w.fromS && x.t < w.fromS + windowS).map((x) => x.mb);
      out(
        `  ${String(w.fromS).padStart(4)}–${w.fromS + windowS} s: /api/health n ${w.n}, p50 ${w.p50Ms} ms, p95 ${w.p95Ms} ms, p99 ${w.p99Ms} ms, max ${w.maxMs} ms; RSS max ${inWindow.length ? Math.max(...inWindow).toFixed(0) : '?'} MB`,
      );
    }
    const h = latencies(p.health.map((x) => x.ms));
    out(
      `/api/health overall n ${h.n}, p50 ${h.p50Ms} ms, p95 ${h.p95Ms} ms, p99 ${h.p99Ms} ms, max ${h.maxMs} ms, failures ${p.healthFailures}`,
    );
    out(
      `expensive ${expensive.n}: ok ${expensive.ok}, 429 ${expensive.busy}, failed ${expensive.failed} ${JSON.stringify(expensive.failedStatuses)}`,
    );
    for (const [kind, l] of Object.entries(expensive.byKind))
      out(`  ${kind.padEnd(11)} n ${l.n}, p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, max ${l.maxMs} ms`);
    if (all)
      out(
        `RSS start ${all.startMb.toFixed(0)} MB, end ${all.endMb.toFixed(0)} MB, max ${all.maxMb.toFixed(0)} MB; slope ${all.slopeMbPerMin.toFixed(1)} MB/min overall, ${secondHalf ? secondHalf.slopeMbPerMin.toFixed(1) : '?'} MB/min over the second half`,
      );
    if (cpuPerRequestMs !== null)
      out(
        `server main thread CPU ${((cpuEnd! - cpuStart!) / 1000).toFixed(1)} s, ${cpuPerRequestMs.toFixed(2)} ms per request`,
      );
    for (const c of verdict.checks) out(`${c.pass ? 'PASS' : 'FAIL'} ${c.name} (${c.detail})`);
    console.log(
      JSON.stringify({
        soak: {
          seconds,
          load: loadLine(),
          mixed: {
            rps: Math.round(mixed.requests.average),
            total: mixed.requests.total,
            p50Ms: mixed.latency.p50,
            p99Ms: mixed.latency.p99,
            errors: mixed.errors,
            timeouts: mixed.timeouts,
            non2xx: mixed.non2xx,
          },
          health: { overall: h, failures: p.healthFailures, windowS, windows: healthWindows },
          expensive,
          rss: all && { ...all, secondHalfSlopeMbPerMin: secondHalf?.slopeMbPerMin ?? null },
          mainThreadCpuMsPerRequest: cpuPerRequestMs,
          verdict,
        },
      }),
    );
    return verdict.pass;
  } finally {
    if (child) await stopProcess(child);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** The machine's load average (1, 5, 15 min) and cores: soak figures mean little on a machine busy with other work. */
function loadLine(): string {
  const [a, b, c] = loadavg();
  return `load average ${a!.toFixed(1)} / ${b!.toFixed(1)} / ${c!.toFixed(1)} on ${availableParallelism()} cores`;
}

async function main(): Promise<void> {
  const log = (m: string) => process.stderr.write(`bench:load: ${m}\n`);
  // SOAK_ONLY=1: just the soak test (SOAK_SECONDS, default 600; SOAK_SECONDS=0 skips it).
  const soakSeconds = Number(process.env.SOAK_SECONDS ?? 600);
  if (process.env.SOAK_ONLY === '1') {
    if (!(await runSoak(soakSeconds, log))) {
      console.error('bench:load: soak FAILED');
      process.exitCode = 1;
    }
    return;
  }
  const { runs, baseline, eventLoop } = await runLoad({
    connections: 50,
    durationS: Number(process.env.LOAD_SECONDS ?? 20),
    eventLoopS: 10,
    log,
    ...(process.env.LOAD_ONLY ? { only: new RegExp(process.env.LOAD_ONLY) } : {}),
    scoresGzip: process.env.LOAD_SCORES_GZIP === '1',
    eventLoop: process.env.LOAD_EVENT_LOOP !== '0',
  });
  const row = (r: LoadRun) =>
    `${r.name.padEnd(42)} ${Math.round(r.rps).toString().padStart(7)} req/s  p50 ${String(r.p50Ms).padStart(4)} ms  p99 ${String(r.p99Ms).padStart(5)} ms  ` +
    `errors ${r.errors} timeouts ${r.timeouts} non-2xx ${r.non2xx}` +
    (r.rss
      ? `  RSS ${r.rss.startMb.toFixed(0)}→${r.rss.endMb.toFixed(0)} MB (max ${r.rss.maxMb.toFixed(0)}, slope ${r.rss.slopeMbPerMin.toFixed(1)} MB/min)`
      : '');
  for (const r of [baseline, ...runs, eventLoop.idle, eventLoop.busy]) console.log(row(r));
  console.log(
    `heavy requests during the event-loop check: ${eventLoop.heavyRequests} (median ${Math.round([...eventLoop.heavyMs].sort((a, b) => a - b)[eventLoop.heavyMs.length >> 1] ?? 0)} ms each)`,
  );
  const figures = toFigures(runs, baseline, eventLoop);
  console.log(JSON.stringify({ figures }));
  if (soakSeconds > 0 && !(await runSoak(soakSeconds, log))) {
    console.error('bench:load: soak FAILED (see the FAIL lines)');
    process.exitCode = 1;
  }
  const bad = [...runs, eventLoop.idle, eventLoop.busy].filter((r) => r.errors + r.timeouts + r.non2xx > 0);
  if (bad.length > 0) {
    console.error(`bench:load: FAILED — errors, timeouts or non-2xx answers in: ${bad.map((r) => r.name).join('; ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await (process.argv.includes('--client') ? clientMain() : main());
}
