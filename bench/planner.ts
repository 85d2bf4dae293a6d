import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { compare, median, type BenchFigure } from './measure.ts';
import type { Dataset } from '../engine/dataset.ts';
import { readDataset } from '../geodata/dataset-store.ts';
import { ensureShippedDataset, SHIPPED_DATASET } from '../geodata/shipped.ts';
import { highsMipSolver } from '../workers/planner-highs.ts';
import { greedyPlan } from '../engine/planner/greedy.ts';
import { buildMip, chosenOptions, startVector } from '../engine/planner/mip.ts';
import { parsePlanInput } from '../engine/planner/plan-input.ts';
import { fillPlan, planModel } from '../engine/planner/planner.ts';
import { objectiveOf } from '../engine/planner/usage.ts';

/**
 * The shipped dataset copied `k` times (new BAG ids, streets and VvE ids per copy): a synthetic instance k times
 * larger with the same structure. The copy number goes in the id's type digits, which are constant in the source.
 */
export function replicateDataset(ds: Dataset, k: number): Dataset {
  if (k === 1) return ds;
  const out: Dataset = {
    ...ds,
    meta: { ...ds.meta, name: `${ds.meta.name} ×${k}` },
    dwellings: [],
    buildings: [],
    vves: [],
  };
  for (let c = 0; c < k; c++) {
    const id = (s: string): string => (c === 0 ? s : `${s.slice(0, 5)}${c}${s.slice(6)}`);
    out.buildings.push(...ds.buildings.map((b) => ({ ...b, pandId: id(b.pandId) })));
    out.dwellings.push(
      ...ds.dwellings.map((d) => ({
        ...d,
        vboId: id(d.vboId),
        pandId: id(d.pandId),
        vveId: d.vveId === null || c === 0 ? d.vveId : `${d.vveId}-${c}`,
        address: c === 0 ? d.address : { ...d.address, street: `${d.address.street} ${c}` },
      })),
    );
    out.vves.push(
      ...ds.vves.map((v) =>
        c === 0
          ? v
          : {
              ...v,
              vveId: `${v.vveId}-${c}`,
              pandIds: v.pandIds.map(id),
              members: v.members.map((m) => ({ ...m, vboId: id(m.vboId) })),
            },
      ),
    );
  }
  return out;
}

/** The run date of the benchmark instance (the date the programme plan was checked). */
export const BENCH_RUN_DATE = '2026-12-07';

async function instance(ds: Dataset, scale: number, runs: number, timeLimitSeconds: number): Promise<BenchFigure> {
  // A fixed run date: the bench measures the same instance on every run.
  const input = parsePlanInput({
    runDate: BENCH_RUN_DATE,
    budgetEur: 8_400_000 * scale,
    capacity: { perSeason: { dwellings: 100 * scale } },
    mipRelGap: 0.005,
    timeLimitSeconds,
  });
  if (!input.ok) throw new Error(JSON.stringify(input.issues));
  const built = planModel(ds, input.value, []);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  const m = built.value.model;
  const mip = buildMip(m);
  const solver = highsMipSolver();
  const cpuMsRuns: number[] = [];
  const last = {
    objective: 0,
    greedy: 0,
    bound: 0,
    status: '',
    cpuMs: 0,
    wallMs: 0,
    start: '' as string | null,
    startObjective: 0,
  };
  const solve = async (): Promise<void> => {
    const cpu = process.cpuUsage(),
      wall = performance.now();
    const greedy = greedyPlan(m);
    const out = await solver.solve(mip, {
      mipRelGap: input.value.mipRelGap,
      timeLimitSeconds,
      start: startVector(m, greedy),
      lpDive: true,
    });
    const chosen = fillPlan(m, out.hasSolution ? chosenOptions(m, out.values) : greedy);
    const used = process.cpuUsage(cpu);
    cpuMsRuns.push((used.user + used.system) / 1000);
    Object.assign(last, {
      objective: objectiveOf(chosen),
      greedy: objectiveOf(greedy),
      bound: out.bound ?? NaN,
      status: out.status,
      cpuMs: (used.user + used.system) / 1000,
      wallMs: performance.now() - wall,
      start: out.startSource,
      startObjective: out.startObjective ?? NaN,
    });
  };
  const greedy = (): void => void greedyPlan(m);
  const load = loadavg()[0]!;
  const f = await compare(
    `retrofit batch plan, MIP (HiGHS) on ${scale === 1 ? 'Kalsdonk + Westrand' : `a synthetic instance ${scale}× larger`}: ${m.units.length} units × ${m.seasons.length} seasons`,
    solve,
    'greedy heuristic on the same model',
    greedy,
    runs,
  );
  f.extra = {
    dwellings: built.value.candidates,
    units: m.units.length,
    seasons: m.seasons.length,
    columns: mip.numCols,
    rows: mip.rows.length,
    // With owner uptake (expected money and capacity) and the permit profile's caps per CBS buurt and period.
    uptake: input.value.uptake.enabled ? 'on' : 'off',
    permitCapRows: m.permitCaps.length,
    runDate: input.value.runDate,
    status: last.status,
    objective: Math.round(last.objective),
    greedyObjective: Math.round(last.greedy),
    // No bound when the solve stops before its root LP (time limit on a loaded machine).
    bound: Number.isFinite(last.bound) ? Math.round(last.bound) : 'none',
    mipGapPct: Number.isFinite(last.bound)
      ? Number((((last.bound - last.objective) / last.objective) * 100).toFixed(3))
      : 'none',
    objectiveVsGreedyPct: Number(((last.objective / last.greedy - 1) * 100).toFixed(2)),
    startFrom: last.start ?? 'none',
    startGapPct:
      Number.isFinite(last.bound) && last.startObjective > 0
        ? Number((((last.bound - last.startObjective) / last.startObjective) * 100).toFixed(3))
        : 'none',
    // CPU beside wall: on 2 shared cores the wall time mostly measures the other processes (load average below).
    lastSolveWallMs: Math.round(last.wallMs),
    lastSolveCpuMs: Math.round(last.cpuMs),
    medianSolveCpuMs: Math.round(median(cpuMsRuns)),
    timeLimitS: timeLimitSeconds,
    loadAvg1mBefore: Number(load.toFixed(1)),
    loadAvg1mAfter: Number(loadavg()[0]!.toFixed(1)),
  };
  return f;
}

/**
 * Planner benchmark: the MIP on the Kalsdonk + Westrand instance (target: within 0.5 % of optimal in under 5 s)
 * and on a synthetic instance ten times larger (gap reported), each against the greedy heuristic on the same model.
 * Call from bench/run.ts: `figures.push(...(await benchPlanner()));`
 */
export async function benchPlanner(
  opts: { runs?: number; largeRuns?: number; largeTimeLimitS?: number; smallOnly?: boolean } = {},
): Promise<BenchFigure[]> {
  ensureShippedDataset();
  const ds = readDataset(SHIPPED_DATASET);
  const t = performance.now();
  const small = await instance(ds, 1, opts.runs ?? 3, 60);
  if (opts.smallOnly) return [small];
  const large = await instance(replicateDataset(ds, 10), 10, opts.largeRuns ?? 1, opts.largeTimeLimitS ?? 30);
  large.extra = { ...large.extra, benchTotalS: Math.round((performance.now() - t) / 1000) };
  return [small, large];
}
