import { describe, expect, it } from 'vitest';
import { HYBRID_HEAT_PUMP } from './hestia-installations.ts';
import { TNO_MEASURES } from './tno-measures.ts';

describe('embedded retrofit tables carry the published values', () => {
  it('Hestia hybrid heat pump: €2,315 + €250/kW, 15 years (docs/domain.md §5)', () => {
    expect(HYBRID_HEAT_PUMP).toMatchObject({ fixedCostEur: 2315, costPerKwEur: 250, lifetimeYears: 15 });
  });
  it('TNO: cavity Rc 0.36 → 1.3 → 1.8 → 3.5, HR++ U 1.2', () => {
    expect(TNO_MEASURES.MS.map((l) => l.value)).toEqual([0.36, 1.3, 1.8, 3.5, 6]);
    expect(TNO_MEASURES.RB[3].value).toBe(1.2);
  });
});
