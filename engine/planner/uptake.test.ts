import { describe, expect, it } from 'vitest';
import { acceptProbability, buurtFactor, DEFAULT_UPTAKE, uptakeBands } from './uptake.ts';

const offer = {
  ownContributionEur: 2500,
  gasSavingM3PerYear: 300,
  label: 'E' as const,
  incomeBand: '200-250k' as const,
};

describe('owner uptake', () => {
  it('accepts less with a higher own contribution or a lower income band, more with a larger saving or a worse label', () => {
    const p = acceptProbability(DEFAULT_UPTAKE, offer);
    expect(p).toBeGreaterThan(0.05);
    expect(p).toBeLessThan(0.95);
    expect(acceptProbability(DEFAULT_UPTAKE, { ...offer, ownContributionEur: 8000 })).toBeLessThan(p);
    expect(acceptProbability(DEFAULT_UPTAKE, { ...offer, incomeBand: '<150k' })).toBeLessThan(p);
    expect(acceptProbability(DEFAULT_UPTAKE, { ...offer, gasSavingM3PerYear: 800 })).toBeGreaterThan(p);
    expect(acceptProbability(DEFAULT_UPTAKE, { ...offer, label: 'G' })).toBeGreaterThan(p);
    expect(acceptProbability(DEFAULT_UPTAKE, { ...offer, ownContributionEur: 1e6 })).toBe(DEFAULT_UPTAKE.bounds.min);
  });

  it('moves a buurt towards what happened there, weighed against the prior', () => {
    expect(buurtFactor(DEFAULT_UPTAKE, 0.5, undefined)).toBe(1);
    expect(buurtFactor(DEFAULT_UPTAKE, 0.5, { buurtcode: 'BU16740202', accepted: 20, declined: 0 })).toBeCloseTo(
      (20 + 10) / 40 / 0.5,
      9,
    );
    expect(buurtFactor(DEFAULT_UPTAKE, 0.5, { buurtcode: 'BU16740202', accepted: 0, declined: 20 })).toBeCloseTo(
      10 / 40 / 0.5,
      9,
    );
  });

  it('gives seeded p10–p90 bands around the expectation', () => {
    const p = Array.from({ length: 200 }, (_, i) => 0.2 + (i % 5) * 0.15);
    const v = p.map((_, i) => [1, 1000 + i]);
    const [n, eur] = uptakeBands(p, v, 7);
    expect(n!.expected).toBe(Math.round(p.reduce((a, b) => a + b, 0)));
    expect(n!.p10).toBeLessThan(n!.expected);
    expect(n!.p90).toBeGreaterThan(n!.expected);
    expect(eur!.p10).toBeLessThan(eur!.p90);
    expect(uptakeBands(p, v, 7)).toEqual(uptakeBands(p, v, 7));
    expect(uptakeBands(p, v, 8)).not.toEqual(uptakeBands(p, v, 7));
  });
});
