import { describe, expect, it } from 'vitest';
import { compileFixtureScenario } from '../test-fixtures/fixture-scenario.ts';
import { fixtureStock } from '../test-fixtures/housing-stock.ts';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';
import { T_SOCIAL, TENURE_OF_OWNERSHIP } from './codes.ts';
import { housingRules, limitInYear } from './housing-rules.ts';
import { LABEL_AGREEMENT_ID } from './label-agreement.ts';

const rules = (years: number[], uses = {}) => {
  const r = housingRules(SHIPPED_RULES, years, uses);
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.value;
};

describe('housingRules: limits follow the year (config/rules/housing-limits.json)', () => {
  it('takes the published rows of 2025 and 2026', () => {
    const [y25, y26] = rules([2025, 2026]).limits;
    expect(y25).toMatchObject({
      year: 2025,
      daebIncomeSingle: 49669,
      daebIncomeMulti: 54847,
      socialRentCeiling: 900.07,
    });
    expect(y26).toMatchObject({
      year: 2026,
      daebIncomeSingle: 51537,
      daebIncomeMulti: 56910,
      passendIncomeSingle: 29400,
      passendIncomeMulti: 39925,
      socialRentCeiling: 932.93,
    });
    expect(y25!.indexed).toEqual([]);
  });

  it('indexes later years from the last published row by the stated rate (3.76 % a year)', () => {
    const y27 = rules([2027]).limits[0]!;
    expect(y27.daebIncomeSingle).toBe(Math.round(51537 * 1.0376));
    expect(y27.socialRentCeiling).toBe(Math.round(932.93 * 1.0376 * 100) / 100);
    expect(y27.indexed).toContain('housing.daeb.income-limit.single');
    expect(rules([2030]).limits[0]!.daebIncomeMulti).toBe(Math.round(56910 * 1.0376 ** 4));
    // The 2025 rent caps are the last rows: 2026 is indexed from them.
    expect(rules([2026]).limits[0]!.rentCapLow).toBe(Math.round(682.96 * 1.0376 * 100) / 100);
  });

  it('names the versions used, among them the indexation rule for indexed years', () => {
    const v = rules([2025, 2027]).versions.map((x) => x.version);
    expect(v).toEqual(
      expect.arrayContaining([
        'housing.daeb.income-limit.single@2025-01-01',
        'housing.daeb.income-limit.single@2026-01-01',
        'housing.limits.indexation@2025-01-01',
        'housing.passend.share@2016-01-01',
        'corporations.label-agreement@2022-06-01',
      ]),
    );
  });

  it('refuses a year no row covers and no indexation reaches', () => {
    const used: never[] = [];
    expect(limitInYear(SHIPPED_RULES, 'housing.daeb.income-limit.single', 2024, used)).toMatchObject({
      ok: false,
      issues: [{ code: 'rules.date.uncovered' }],
    });
  });

  it('marks a low-income inflow cap as needing a Rotterdamwet designation, not held', () => {
    expect(rules([2026], { 'low-income-inflow-cap': ['allocation.inflowSteering.0'] }).designations).toEqual([
      expect.objectContaining({
        instrument: 'low-income-inflow-cap',
        designated: false,
        version: 'municipal.low-income-inflow-cap@2006-01-01',
        usedAt: ['allocation.inflowSteering.0'],
      }),
    ]);
    expect(rules([2026], { 'low-income-inflow-cap': [] }).designations).toEqual([]);
  });
});

describe('compileScenario: rules in the compiled scenario', () => {
  const stock = fixtureStock();
  const compile = (extra: Record<string, unknown>) =>
    compileFixtureScenario(stock, { horizon: { start: 2025, end: 2035 }, runs: 2, ...extra });

  it('carries the label agreement: every corporation E/F/G dwelling raised to D by 2028, worst first', () => {
    const r = compile({});
    const e = r.value.fixedEvents.find((x) => x.id === LABEL_AGREEMENT_ID)!;
    const efg = [];
    for (let i = 0; i < stock.count; i++)
      if (TENURE_OF_OWNERSHIP[stock.ownership[i]!] === T_SOCIAL && stock.label[i]! >= 8) efg.push(i);
    expect(efg.length).toBeGreaterThan(0);
    expect([...e.dwellings].sort((a, b) => a - b)).toEqual(efg);
    expect(Math.max(...e.entryYear)).toBeLessThanOrEqual(2028 - 2025);
    expect([...e.labelAfter].every((l) => l === 7)).toBe(true); // D
    expect(r.value.interventions.at(-1)).toMatchObject({ id: LABEL_AGREEMENT_ID, kind: 'label-agreement' });
  });

  it('warns when an inflow cap is used without the designation it needs', () => {
    const r = compile({ allocation: { inflowSteering: [{ area: 'Noord', maxLowIncomeShare: 0.5 }] } });
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'scenario.designation.needed', path: ['allocation', 'inflowSteering', 0] }),
    ]);
    expect(r.value.rules.designations.map((d) => d.instrument)).toEqual(['low-income-inflow-cap']);
    expect(compile({}).warnings).toEqual([]);
  });

  it('warns when the scenario lets passend toewijzen fall below the legal share', () => {
    expect(compile({ allocation: { passendToewijzen: 0.8 } }).warnings).toEqual([
      expect.objectContaining({ code: 'scenario.passend.below-rule', path: ['allocation', 'passendToewijzen'] }),
    ]);
  });
});
