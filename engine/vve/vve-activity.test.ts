import { describe, expect, it } from 'vitest';
import { assessActivity } from './vve-activity.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';

const cfg = DEFAULT_VVE_CONFIG.activity;
const AS_OF = '2025-06-30';
// 10 flats of 70 m²: rebuild value 700 × €1,800 = €1,260,000; 0.5 % = €6,300.
const AREA = 700;

describe('assessActivity (docs/domain.md §3)', () => {
  it('is active with a recent ALV and a current MJOP, from the register', () => {
    const a = assessActivity({ lastAlvDate: '2025-03-01', mjopYear: 2022, reserveFundEur: 100 }, AREA, AS_OF, cfg);
    expect(a).toMatchObject({
      active: true,
      basis: 'complete',
      alvRecent: true,
      mjopCurrent: true,
      reserveSufficient: false,
      reserveRequiredEur: 6_300,
    });
    expect(a.assumptions).toEqual([]);
  });
  it('counts a reserve of 0.5 % of the rebuild value instead of a current MJOP', () => {
    expect(
      assessActivity({ lastAlvDate: '2025-03-01', mjopYear: 2015, reserveFundEur: 6_300 }, AREA, AS_OF, cfg).active,
    ).toBe(true);
    expect(
      assessActivity({ lastAlvDate: '2025-03-01', mjopYear: 2015, reserveFundEur: 6_299 }, AREA, AS_OF, cfg).active,
    ).toBe(false);
  });
  it('an MJOP older than 5 years is not current', () => {
    expect(
      assessActivity({ lastAlvDate: '2025-03-01', mjopYear: 2020, reserveFundEur: 0 }, AREA, AS_OF, cfg).mjopCurrent,
    ).toBe(true);
    expect(
      assessActivity({ lastAlvDate: '2025-03-01', mjopYear: 2019, reserveFundEur: 0 }, AREA, AS_OF, cfg).mjopCurrent,
    ).toBe(false);
  });
  it('is dormant without a recent ALV, whatever the MJOP', () => {
    const a = assessActivity({ lastAlvDate: '2022-01-10', mjopYear: 2024, reserveFundEur: 50_000 }, AREA, AS_OF, cfg);
    expect(a).toMatchObject({ active: false, alvRecent: false });
  });
  it('says which register fields were missing and what it assumed', () => {
    const a = assessActivity({ lastAlvDate: null, mjopYear: null, reserveFundEur: null }, AREA, AS_OF, cfg);
    expect(a.active).toBe(false);
    expect(a.basis).toBe('assumed');
    expect(a.assumptions.map((x) => x.field)).toEqual(['lastAlvDate', 'mjopYear', 'reserveFundEur']);
    expect(a.assumptions[0]!.assumed).toMatch(/aangenomen/);
  });
  it('rejects an invalid reference date', () => {
    expect(() =>
      assessActivity({ lastAlvDate: null, mjopYear: null, reserveFundEur: null }, AREA, '2025-02-30', cfg),
    ).toThrow(RangeError);
  });
});
