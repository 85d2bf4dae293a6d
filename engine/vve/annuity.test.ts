import { describe, expect, it } from 'vitest';
import { monthlyAnnuity } from './annuity.ts';

describe('monthlyAnnuity', () => {
  it('matches the textbook annuity (€10,000, 4 %, 15 years ≈ €73.97 a month)', () => {
    expect(monthlyAnnuity(10_000, 0.04, 15)).toBeCloseTo(73.97, 2);
  });
  it('repays the principal: the present value of the payments equals the loan', () => {
    const m = monthlyAnnuity(30_000, 0.05, 20),
      r = 0.05 / 12;
    let pv = 0;
    for (let k = 1; k <= 240; k++) pv += m / (1 + r) ** k;
    expect(pv).toBeCloseTo(30_000, 6);
  });
  it('repays linearly at zero interest and charges nothing for nothing', () => {
    expect(monthlyAnnuity(12_000, 0, 10)).toBe(100);
    expect(monthlyAnnuity(0, 0.04, 10)).toBe(0);
  });
  it('refuses a non-positive term', () => {
    expect(() => monthlyAnnuity(1_000, 0.04, 0)).toThrow(RangeError);
  });
});
