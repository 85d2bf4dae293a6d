import type { CompiledScenario } from '../engine/housing/compiled.ts';
import { runStride } from '../engine/housing/simulate.ts';

/**
 * What one API scenario request may cost, checked before any work starts. The run cap alone does not bound
 * cost: a 100-year horizon with every buurt as an area at 500 runs took 82 s of CPU and ~1 GB. The Monte
 * Carlo cost grows with runs × simulated years × dwellings in the stock; the summary's cost and memory with
 * the number of values (runs × units × years × metrics, 8 bytes each).
 *
 * The limits admit every shipped scenario at the API's 500 runs (21 years × 5,561 dwellings × 500 runs =
 * 58 M dwelling-years, 0.6 M values) with some room; larger studies belong in `voorraad run`.
 */
export const SCENARIO_BUDGET = {
  /** runs × simulated years: checked on the parsed file, before the stock is built. */
  maxRunYears: 500 * 30,
  /** runs × simulated years × dwellings in the stock. */
  maxDwellingYears: 80_000_000,
  /** runs × values per run (units × years × metrics): the result array the summary reads. */
  maxValues: 4_000_000,
} as const;

export type BudgetCheck =
  | { ok: true; dwellingYears: number; values: number }
  | {
      ok: false;
      code: 'scenario.budget.run-years' | 'scenario.budget.dwelling-years' | 'scenario.budget.values';
      message: string;
    };

/** Cheap first check on the horizon and runs, before any stock is built. */
export function checkRunYears(
  horizon: { start: number; end: number },
  runs: number,
  budget = SCENARIO_BUDGET,
): BudgetCheck {
  const years = Math.max(1, horizon.end - horizon.start + 1);
  const runYears = years * runs;
  if (runYears > budget.maxRunYears) {
    return {
      ok: false,
      code: 'scenario.budget.run-years',
      message: `${runs} runs × ${years} years = ${runYears} run-years exceeds the API budget of ${budget.maxRunYears}; shorten the horizon, lower runs, or use voorraad run`,
    };
  }
  return { ok: true, dwellingYears: 0, values: 0 };
}

/** The full check on a compiled scenario and its stock size. */
export function checkScenarioCost(sc: CompiledScenario, stockCount: number, budget = SCENARIO_BUDGET): BudgetCheck {
  const dwellingYears = sc.runs * sc.years.length * stockCount;
  if (dwellingYears > budget.maxDwellingYears) {
    return {
      ok: false,
      code: 'scenario.budget.dwelling-years',
      message: `${sc.runs} runs × ${sc.years.length} years × ${stockCount} dwellings exceeds the API budget of ${budget.maxDwellingYears} dwelling-years; use fewer areas, runs or years, or voorraad run`,
    };
  }
  const values = sc.runs * runStride(sc);
  if (values > budget.maxValues) {
    return {
      ok: false,
      code: 'scenario.budget.values',
      message: `${sc.runs} runs × ${sc.units.length} units × ${sc.years.length} years give ${values} values, more than the API budget of ${budget.maxValues}; use fewer areas, runs or years`,
    };
  }
  return { ok: true, dwellingYears, values };
}
