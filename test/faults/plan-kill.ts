import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../engine/rng.ts';
import { checkPlanStore, openPlanStore } from '../../server/plans/plan-store.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./plan-save-child.ts', import.meta.url));

export interface PlanKillReport {
  kills: number;
  seed: number;
  /** Milliseconds from spawn to the first committed save, and per save after that (calibration run). */
  firstSaveMs: number;
  saveMs: number;
  /** Plans the children reported committed before they were killed, and plans found in the database. */
  committed: number;
  stored: number;
  /** Kills that came before the child's first commit. */
  beforeFirstSave: number;
  problems: string[];
}

interface Run {
  committed: number[];
  firstAtMs: number | null;
  ms: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the saver and kills it `killAfterMs` after spawning, or once it has printed `killAfterCommits` commits. */
function runSaver(stateDir: string, first: number, killAfterMs: number, killAfterCommits = Infinity): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, stateDir, String(first)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '',
    stderr = '';
  let firstAtMs: number | null = null;
  child.stdout.on('data', (b: Buffer) => {
    firstAtMs ??= performance.now() - t0;
    out += b.toString();
    if ((out.match(/\n/g)?.length ?? 0) >= killAfterCommits) child.kill('SIGKILL');
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const committed = [...out.matchAll(/^committed (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ committed, firstAtMs, ms: performance.now() - t0, signal, code, stderr });
    });
  });
}

/**
 * kill -9 during plan saves, `kills` times at seeded moments: a child saves plans back to back (savePlan, one
 * transaction each) and prints each id once committed. After every kill the state database must pass
 * checkPlanStore (integrity, complete plans, one history row and one audit entry each, audit chain intact) and
 * hold every plan the child reported committed.
 */
export async function planKillTrials(o: {
  dir: string;
  kills: number;
  seed: number;
  log?: (m: string) => void;
}): Promise<PlanKillReport> {
  const log = o.log ?? (() => {});
  // Calibration: let one child make 20 saves (at most two minutes) to time start-up and one save.
  const cal = await runSaver(o.dir, 1_000_000, 120_000, 20);
  if (cal.firstAtMs === null || cal.committed.length < 2)
    throw new Error(`the plan saver did not save twice in two minutes: ${cal.stderr}`);
  const firstSaveMs = cal.firstAtMs,
    saveMs = (cal.ms - cal.firstAtMs) / (cal.committed.length - 1);
  log(`plan saver: first commit after ${firstSaveMs.toFixed(0)} ms, then one per ${saveMs.toFixed(1)} ms`);
  const r: PlanKillReport = {
    kills: o.kills,
    seed: o.seed,
    firstSaveMs,
    saveMs,
    committed: cal.committed.length,
    stored: 0,
    beforeFirstSave: 0,
    problems: [],
  };
  const all = new Set(cal.committed);
  const rng = createRng(o.seed);
  for (let i = 0; i < o.kills; i++) {
    // From just before the first commit to a few dozen saves later: most kills land inside a save.
    const killAfterMs = firstSaveMs * 0.9 + rng.next() * Math.max(50, saveMs * 40);
    const run = await runSaver(o.dir, i * 10_000, killAfterMs);
    if (run.signal !== 'SIGKILL')
      r.problems.push(`kill ${i}: the saver ended by itself (${run.code}): ${run.stderr.trim()}`);
    if (run.committed.length === 0) r.beforeFirstSave++;
    run.committed.forEach((id) => all.add(id));
    r.committed += run.committed.length;
    const check = checkPlanStore(o.dir);
    if (!check.ok) {
      r.problems.push(`kill ${i}: ${check.problems.join('; ')}`);
      log(`PROBLEM ${r.problems.at(-1)}`);
    }
    const s = openPlanStore(o.dir);
    try {
      const lost = run.committed.filter((id) => s.store.summary(id) === null);
      if (lost.length) r.problems.push(`kill ${i}: committed plan(s) ${lost.join(', ')} missing after the kill`);
    } finally {
      s.close();
    }
    r.stored = check.plans;
    log(
      `kill ${i + 1}/${o.kills} at ${killAfterMs.toFixed(0)} ms: ${run.committed.length} committed, ${check.plans} stored, ${check.ok ? 'consistent' : 'PROBLEM'}`,
    );
  }
  if (r.stored < all.size) r.problems.push(`${all.size} plans reported committed but ${r.stored} stored`);
  return r;
}
