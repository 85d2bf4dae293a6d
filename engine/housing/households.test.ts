import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { fastRng } from './fast-rng.ts';
import {
  classifyIncome,
  createHouseholds,
  householdYear,
  placeHousehold,
  profileTable,
  transitionTables,
} from './households.ts';
import { DEFAULT_PARAMS } from './params.ts';

/** Band edges of 2026 (income-edges.ts with the default factors): one person, then more persons. */
const EDGES_2026 = [
  0.55 * 29_400,
  29_400,
  51_537,
  1.5 * 51_537,
  2.5 * 51_537,
  0.55 * 39_925,
  39_925,
  56_910,
  1.5 * 56_910,
  2.5 * 56_910,
];

/** n present two-person households with heads of `age` and incomes of `eur`, under the 2026 edges. */
function couples(n: number, age: number, eur: number) {
  const h = createHouseholds(n);
  h.present.fill(1);
  h.size.fill(2);
  h.age.fill(age);
  h.edges.set(EDGES_2026);
  h.incomeEur.fill(eur);
  return h;
}

const dwellings = (n: number, leaveRate: Float64Array) => ({
  tenure: new Uint8Array(n),
  type: new Uint8Array(n),
  groundByType: new Uint8Array(8),
  leaveRate,
});

describe('households', () => {
  it('draws households whose sizes, ages and incomes follow the profile', () => {
    const n = 20_000;
    const h = createHouseholds(n);
    const t = profileTable({ size: [1, 1, 0, 0, 0], age: [0, 0, 1, 0], income: [3, 1, 0, 0] }, [1, 1, 1, 1, 1]);
    const { next } = fastRng(createRng(1));
    let low = 0;
    for (let i = 0; i < n; i++) low += placeHousehold(h, i, t, next, false) === 0 ? 1 : 0;
    expect(low / n).toBeCloseTo(0.75, 1);
    expect(Math.min(...h.age)).toBeGreaterThanOrEqual(55);
    expect(Math.max(...h.age)).toBeLessThanOrEqual(74);
    expect(new Set(h.size)).toEqual(new Set([1, 2]));
    for (let i = 0; i < 100; i++) expect(placeHousehold(h, i, t, next, true)).not.toBe(0);
  });

  it('ages every household by a year and lets about the departure rate leave', () => {
    const n = 20_000;
    const h = couples(n, 40, 45_000);
    const leaveRate = new Float64Array(12).fill(0.1);
    householdYear(h, n, transitionTables(DEFAULT_PARAMS), fastRng(createRng(2)).next32, dwellings(n, leaveRate), 1);
    expect(Math.min(...h.age)).toBe(41);
    const left = n - h.present.reduce((a, b) => a + b, 0);
    expect(left / n).toBeCloseTo(0.1, 1);
    const fell = h.income.filter((x) => x === 0).length / n;
    expect(fell).toBeCloseTo(DEFAULT_PARAMS.incomeFallRate, 2);
    // A household that falls to `laag` gets an income under the passend-toewijzen limit for more persons.
    for (let i = 0; i < n; i++) {
      if (h.income[i] === 0) expect(h.incomeEur[i]).toBeLessThan(39_925);
      else expect(h.incomeEur[i]).toBe(45_000);
    }
  });

  it("reads the band from the euro income against the year's limits, so higher limits make more households low-income", () => {
    const h = createHouseholds(2);
    h.edges.set(EDGES_2026);
    h.size.set([1, 3]);
    h.incomeEur.set([30_000, 30_000]);
    // € 30.000: above the 2026 passend-toewijzen limit for one person (€ 29.400), under the one for more (€ 39.925).
    expect([classifyIncome(h, 0), classifyIncome(h, 1)]).toEqual([1, 0]);
    const raised = Float64Array.from(EDGES_2026);
    raised[1] = 31_000;
    h.edges.set(raised);
    expect(classifyIncome(h, 0)).toBe(0);
  });

  it("grows incomes by the growth factor and keeps a household's band when it changes between one and more persons", () => {
    const n = 20_000;
    const h = couples(n, 80, 35_000);
    const noIncomeMoves = { ...DEFAULT_PARAMS, incomeRiseRate: 0, incomeFallRate: 0, retirementIncomeDrop: 0 };
    householdYear(
      h,
      n,
      transitionTables(noIncomeMoves),
      fastRng(createRng(3)).next32,
      dwellings(n, new Float64Array(12)),
      1.01,
    );
    let single = 0;
    for (let i = 0; i < n; i++) {
      // 35.350 is laag for two persons (under € 39.925); alone it stays laag, so its income is scaled under € 29.400.
      expect(h.income[i]).toBe(0);
      if (h.size[i] === 1) {
        single++;
        expect(h.incomeEur[i]).toBeLessThan(29_400);
      } else expect(h.incomeEur[i]).toBeCloseTo(35_350, 0);
    }
    expect(single / n).toBeCloseTo(DEFAULT_PARAMS.partnerLossRate, 2);
  });

  it('tabulates the transition rules: children leave from 45, partners are lost from 70, children are born before 40', () => {
    const t = transitionTables(DEFAULT_PARAMS);
    const size = (s: number, bucket: number) => [t.sizeRate[s * 4 + bucket], t.sizeTo[s * 4 + bucket]];
    expect(size(4, 2)).toEqual([DEFAULT_PARAMS.childLeavesRate, 3]);
    expect(size(2, 3)).toEqual([DEFAULT_PARAMS.partnerLossRate, 1]);
    expect(size(2, 0)).toEqual([DEFAULT_PARAMS.childBornRate, 3]);
    expect(size(5, 0)).toEqual([0, 5]);
    expect(size(1, 2)).toEqual([0, 1]);
    expect([t.incomeRate[2 * 3 + 1], t.incomeTo[2 * 3 + 1]]).toEqual([DEFAULT_PARAMS.retirementIncomeDrop, 1]);
    expect(t.leaveMul[25]).toBe(DEFAULT_PARAMS.youngDepartureFactor);
    expect(t.leaveAdd[80]).toBe(DEFAULT_PARAMS.elderlyExitRate);
  });
});

describe('fastRng', () => {
  it('is uniform in [0, 1) and reproducible from its seed stream', () => {
    const a = fastRng(createRng(9).fork('x')),
      b = fastRng(createRng(9).fork('x'));
    let sum = 0;
    for (let k = 0; k < 100_000; k++) {
      const x = a.next();
      expect(x === b.next()).toBe(true);
      if (x < 0 || x >= 1) throw new Error(`out of range: ${x}`);
      sum += x;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});
