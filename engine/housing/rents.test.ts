import { describe, expect, it } from 'vitest';
import { compileFixtureScenario } from '../test-fixtures/fixture-scenario.ts';
import { fixtureStock } from '../test-fixtures/housing-stock.ts';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';
import type { LoadedRule } from '../rules/rule-schema.ts';
import type { CompiledScenario } from './compiled.ts';
import { housingRules } from './housing-rules.ts';
import { METRIC_IDS, N_METRICS, type MetricId } from './metrics.ts';
import { imputedRent, rentOf, rentYears, startRents } from './rents.ts';
import { runBatch, runStride } from './simulate.ts';
import { T_SOCIAL } from './codes.ts';

const stock = fixtureStock();

const shippedRules = (years: number[]) => {
  const r = housingRules(SHIPPED_RULES, years, {});
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.value;
};

describe('rents from the dated rules (config/rules/housing-limits.json)', () => {
  it('imputes (base + per m² × area) × (1 + label step × steps better than D)', () => {
    const m = shippedRules([2025]).rents;
    expect(m).toMatchObject({ base: 250, perM2: 4.5, labelStep: 0.03, baseYear: 2025 });
    expect(imputedRent(m, 99, 7)).toBeCloseTo(695.5, 6); // label D
    expect(imputedRent(m, 99, 5)).toBeCloseTo(695.5 * 1.06, 6); // label B: two steps better
    expect(imputedRent(m, 99, 10)).toBeCloseTo(695.5 * 0.91, 6); // label G: three steps worse
  });

  it("raises rents each year by the rule's increase and takes each year's caps", () => {
    const r = shippedRules([2025, 2026, 2027]);
    const ry = rentYears(r.limits, r.rents.baseYear);
    expect([...ry.increase]).toEqual([1, 1.0376, 1.0376]);
    expect(ry.level[2]).toBeCloseTo(1.0376 ** 2, 12);
    expect([...ry.caps.subarray(0, 3)]).toEqual([682.96, 731.93, 900.07]);
    expect(ry.caps[3]).toBe(r.limits[1]!.rentCapLow);
    expect(ry.caps[5]).toBe(932.93);
    // A scenario starting after the imputation's base year starts at that year's rent level.
    const later = shippedRules([2030]);
    expect(rentYears(later.limits, 2025).level[0]).toBeCloseTo(1.0376 ** 5, 12);
  });

  it('takes a registered rent where the stock has one and imputes the rest, counting both; social at most the ceiling', () => {
    const s = fixtureStock(20);
    s.rent[0] = 612.5;
    s.rent[1] = 598;
    const r = shippedRules([2025]);
    const ry = rentYears(r.limits, r.rents.baseYear);
    const rents = startRents(s, r, ry);
    expect([rents[0], rents[1]]).toEqual([612.5, 598]);
    expect(r.rents).toMatchObject({ registered: 2, imputed: 58 });
    expect(rents[2]).toBeCloseTo(rentOf(r.rents, ry, 0, s.oppervlakte[2]!, s.label[2]!, T_SOCIAL), 2);
    expect(rentOf(r.rents, ry, 0, 400, 0, T_SOCIAL)).toBe(900.07);
    expect(rentOf(r.rents, ry, 0, 400, 0, 0)).toBeGreaterThan(900.07);
  });
});

/** The shipped rules with `change` applied to the rows it returns a new value for. */
function rulesWith(change: (r: LoadedRule) => number | undefined): LoadedRule[] {
  return SHIPPED_RULES.map((r) => {
    const v = change(r);
    return v === undefined ? r : ({ ...r, value: v } as LoadedRule);
  });
}

const compiled = (rules: readonly LoadedRule[]): CompiledScenario =>
  compileFixtureScenario(stock, { horizon: { start: 2025, end: 2030 }, seed: 3, runs: 8 }, { rules }).value;

/** Mean over runs of a metric of the whole fixture's first unit in year index yi. */
function mean(sc: CompiledScenario, runs: number, m: MetricId, yi: number): number {
  const v = runBatch(stock, sc, 0, runs),
    stride = runStride(sc),
    at = (0 * sc.years.length + yi) * N_METRICS + METRIC_IDS.indexOf(m);
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += v[r * stride + at]!;
  return sum / runs;
}

describe('the limits and caps drive the simulation', () => {
  const RUNS = 16;
  const base = compiled(SHIPPED_RULES);

  it('a higher passend-toewijzen income limit from 2026 makes more households low-income, with the same seed', () => {
    const raised = compiled(
      rulesWith((r) =>
        r.id.startsWith('housing.passend.income-limit') && r.validFrom === '2026-01-01' && r.kind === 'number'
          ? r.value * 1.25
          : undefined,
      ),
    );
    expect(raised.rules.limits[1]!.passendIncomeSingle).toBe(29400 * 1.25);
    const before = mean(base, RUNS, 'share-low-income', 1),
      after = mean(raised, RUNS, 'share-low-income', 1);
    expect(mean(raised, RUNS, 'share-low-income', 0)).toBe(mean(base, RUNS, 'share-low-income', 0));
    expect(after - before).toBeGreaterThan(0.05);
  });

  it('rent caps under every rent send dwellings to fitting households, or the rent is lowered to the cap', () => {
    const capped = compiled(
      rulesWith((r) => (r.id.startsWith('housing.passend.rent-cap') && r.kind === 'number' ? 400 : undefined)),
    );
    expect(capped.rules.limits[0]).toMatchObject({ rentCapLow: 400, rentCapHigh: 400 });
    expect(mean(capped, RUNS, 'social-rent', 0)).toBe(mean(base, RUNS, 'social-rent', 0));
    expect(mean(capped, RUNS, 'social-rent', 5)).toBeLessThan(mean(base, RUNS, 'social-rent', 5) - 2);
    const inflow = (sc: CompiledScenario) =>
      [1, 2, 3, 4, 5].reduce((a, yi) => a + mean(sc, RUNS, 'inflow-low-income', yi), 0) / 5;
    expect(inflow(capped)).toBeLessThan(inflow(base) - 0.1);
  });

  it('a faster rent increase than the caps pushes dwellings over them: fewer low-income households move in', () => {
    const faster = compiled(
      rulesWith((r) => (r.id === 'housing.rent.annual-increase' && r.kind === 'number' ? 0.1 : undefined)),
    );
    expect(mean(faster, RUNS, 'social-rent', 5)).toBeGreaterThan(mean(base, RUNS, 'social-rent', 5));
    const inflow = (sc: CompiledScenario) =>
      [3, 4, 5].reduce((a, yi) => a + mean(sc, RUNS, 'inflow-low-income', yi), 0) / 3;
    expect(inflow(faster)).toBeLessThan(inflow(base) - 0.03);
  });
});
