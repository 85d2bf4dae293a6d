import type { CompiledScenario } from '../engine/housing/compiled.ts';
import type { HousingStock } from '../engine/housing/stock.ts';
import type { ScenarioSummary, SummaryMeta } from '../engine/housing/summary.ts';

/**
 * The typed protocol between the scenario pool and a Monte Carlo worker thread. A job is a stock
 * and a compiled scenario, sent once; batches of runs are then asked for by run index.
 */
export interface ScenarioWorkerApi {
  /** Keeps a job's stock and scenario in the worker (both arrive by structured clone). */
  prepare(job: number, stock: HousingStock, scenario: CompiledScenario): Promise<void>;
  /** Runs first … first+count-1 of a prepared job; the values come back transferred, in run order. */
  runBatch(job: number, first: number, count: number): Promise<Float64Array>;
  /**
   * Percentiles and target probabilities over all runs' values (transferred in). Here, not on the server's event
   * loop: for a large request the summary alone took seconds.
   */
  summarise(
    scenario: CompiledScenario,
    values: Float64Array,
    runs: number,
    meta: SummaryMeta,
  ): Promise<ScenarioSummary>;
  /** Forgets a job. */
  release(job: number): Promise<void>;
}
