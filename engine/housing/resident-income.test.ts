import { describe, expect, it } from 'vitest';
import { fixtureStock } from '../test-fixtures/housing-stock.ts';
import { DEFAULT_PARAMS } from './params.ts';
import { lowShareAtOdds, residentIncomeOdds, withLowOdds } from './resident-income.ts';
import { profileTable } from './households.ts';

describe('resident income per buurt', () => {
  const stock = fixtureStock();
  const label55 = new Uint8Array(stock.count);

  it('odds scale P(laag) of a profile and leave the other bands in proportion', () => {
    expect(lowShareAtOdds(0.5, 1)).toBe(0.5);
    expect(lowShareAtOdds(0.5, 3)).toBeCloseTo(0.75, 12);
    expect(lowShareAtOdds(0, 5)).toBe(0);
    const p = withLowOdds(DEFAULT_PARAMS.residents[1]!, 2);
    expect(p.income[0]).toBe(DEFAULT_PARAMS.residents[1]!.income[0]! * 2);
    expect(p.income.slice(1)).toEqual(DEFAULT_PARAMS.residents[1]!.income.slice(1));
  });

  it('fits each buurt to its target share, in expectation over its dwellings', () => {
    const target = Float64Array.from(stock.buurtCodes, (_, b) => [0.1, 0.42, 0.6][b % 3]!);
    const r = residentIncomeOdds(stock, label55, DEFAULT_PARAMS, target);
    for (let b = 0; b < stock.buurtCodes.length; b++) expect(r.expected[b]).toBeCloseTo(target[b]!, 9);
    // A higher target needs higher odds in the same buurt.
    const more = residentIncomeOdds(
      stock,
      label55,
      DEFAULT_PARAMS,
      target.map((x) => x + 0.1),
    );
    for (let b = 0; b < stock.buurtCodes.length; b++) expect(more.odds[b]).toBeGreaterThan(r.odds[b]!);
  });

  it('the profile tables drawn from then give that share of low incomes', () => {
    const p = DEFAULT_PARAMS.residents[0]!;
    const odds = 3;
    const t = profileTable(withLowOdds(p, odds), [1, 1, 1, 1, 1]);
    const w = p.income[0]! / p.income.reduce((a, b) => a + b, 0);
    expect(t.income[0]).toBeCloseTo(lowShareAtOdds(w, odds), 12);
  });
});
