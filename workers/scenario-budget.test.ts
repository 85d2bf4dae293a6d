import { describe, expect, it } from 'vitest';
import type { CompiledScenario } from '../engine/housing/compiled.ts';
import { N_METRICS } from '../engine/housing/metrics.ts';
import { SCENARIO_BUDGET, checkRunYears, checkScenarioCost } from './scenario-budget.ts';

const compiled = (runs: number, years: number, units: number) =>
  ({
    runs,
    years: Array.from({ length: years }, (_, i) => 2025 + i),
    units: Array.from({ length: units }, () => ({})),
  }) as unknown as CompiledScenario;

describe('scenario budget', () => {
  it('admits the shipped scenarios at the API run cap', () => {
    expect(checkRunYears({ start: 2025, end: 2045 }, 500).ok).toBe(true);
    expect(checkScenarioCost(compiled(500, 21, 7), 5_561).ok).toBe(true);
  });

  it('refuses long horizons, large stocks and many units with their own codes', () => {
    expect(checkRunYears({ start: 2025, end: 2124 }, 500)).toMatchObject({
      ok: false,
      code: 'scenario.budget.run-years',
    });
    expect(checkScenarioCost(compiled(500, 30, 7), 10_000)).toMatchObject({
      ok: false,
      code: 'scenario.budget.dwelling-years',
    });
    const units = Math.ceil(SCENARIO_BUDGET.maxValues / (500 * 21 * N_METRICS)) + 1;
    expect(checkScenarioCost(compiled(500, 21, units), 10)).toMatchObject({
      ok: false,
      code: 'scenario.budget.values',
    });
  });
});
