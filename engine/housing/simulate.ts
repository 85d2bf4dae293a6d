/**
 * One run of the household microsimulation, and a batch of runs. Run r draws everything from
 * `createRng(seed).fork('run-r')`, so a run's result depends only on the stock, the scenario and r:
 * batches can be split over workers and merged in run order without changing a byte.
 */
import { createRng } from '../rng.ts';
import { fastRng } from './fast-rng.ts';
import { allocateVacancies } from './allocate.ts';
import { GROUND_BOUND_BY_TYPE } from './codes.ts';
import type { CompiledScenario } from './compiled.ts';
import { applyOccupiedEvents, applyYearEvents } from './events.ts';
import { householdYear, placeHousehold } from './households.ts';
import { N_METRICS } from './metrics.ts';
import { recordYear } from './record.ts';
import type { HousingStock } from './stock.ts';
import { createWorkspace, resetWorkspace, type Workspace } from './workspace.ts';

/** Numbers one run writes: units × years × metrics. */
export function runStride(sc: CompiledScenario): number {
  return sc.units.length * sc.years.length * N_METRICS;
}

/** The seed stream of run r of a scenario. */
export function runRng(seed: number, run: number) {
  return createRng(seed).fork(`run-${run}`);
}

/**
 * Households for the stock as it is: near full occupancy, drawn by tenure and dwelling kind (55+ labels house
 * seniors), with the low-income odds of their buurt (the buurt parameters, resident-income.ts).
 */
function synthesise(w: Workspace, next: () => number): void {
  const p = w.sc.params,
    h = w.hh;
  for (let i = 0; i < w.n; i++) {
    if (next() < p.initialVacancy) continue;
    const ground = GROUND_BOUND_BY_TYPE[w.type[i]!]!;
    const b = w.profiles.residentsByBuurt[w.buurt[i]!]!;
    const profile = w.label55[i] ? b.senior[ground]! : b.residents[w.tenure[i]!]![ground]!;
    placeHousehold(h, i, profile, next, false);
  }
}

/** Year index yi begins: the year's income band edges, and every rent rises by the year's increase (rents.ts). */
function startYear(w: Workspace, yi: number): void {
  w.hh.edges.set(w.sc.incomeEdges.subarray(yi * 10, yi * 10 + 10));
  const f = w.sc.rentYears.increase[yi]!;
  if (f === 1) return;
  const rent = w.rent;
  for (let i = 0, n = w.n; i < n; i++) rent[i]! *= f;
}

/** Simulates run `run` in a workspace and writes its metrics at `out[offset…offset + runStride)`. */
export function simulateRun(w: Workspace, run: number, out: Float64Array, offset: number): void {
  resetWorkspace(w);
  const rng = runRng(w.sc.seed, run);
  startYear(w, 0);
  synthesise(w, fastRng(rng.fork('households')).next);
  recordYear(w, 0, out, offset);
  const dwellingView = {
    tenure: w.tenure,
    type: w.type,
    groundByType: GROUND_BOUND_BY_TYPE,
    leaveRate: w.departureRate,
  };
  for (let yi = 1; yi < w.sc.years.length; yi++) {
    const { next, next32 } = fastRng(rng.fork(`year-${yi}`));
    startYear(w, yi);
    householdYear(w.hh, w.n, w.transitions, next32, dwellingView, 1 + w.sc.params.incomeGrowthRate);
    applyYearEvents(w, yi, next);
    allocateVacancies(w, yi, next);
    applyOccupiedEvents(w, yi, next);
    recordYear(w, yi, out, offset);
  }
}

/** Runs first … first+count-1; the result holds them in run order (runStride numbers each). */
export function runBatch(stock: HousingStock, sc: CompiledScenario, first: number, count: number): Float64Array {
  const stride = runStride(sc);
  const out = new Float64Array(stride * count);
  const w = createWorkspace(stock, sc);
  for (let k = 0; k < count; k++) simulateRun(w, first + k, out, k * stride);
  return out;
}
