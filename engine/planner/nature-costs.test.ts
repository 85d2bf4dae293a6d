import { describe, expect, it } from 'vitest';
import { DEFAULT_NATURE_COSTS, roostCosts } from './nature-costs.ts';

describe('nature costs', () => {
  it('add a roost provision for cavity-wall and roof work only, and carry the compensation task with its basis', () => {
    expect(roostCosts(DEFAULT_NATURE_COSTS, ['cavity-wall', 'floor', 'roof'])).toEqual([
      { measure: 'cavity-wall', eur: 150 },
      { measure: 'roof', eur: 120 },
    ]);
    expect(roostCosts(DEFAULT_NATURE_COSTS, ['floor', 'glazing'])).toEqual([]);
    expect(DEFAULT_NATURE_COSTS.compensationTask.basis).toMatch(/PLACEHOLDER/);
    for (const r of DEFAULT_NATURE_COSTS.roostPerDwelling) expect(r.basis).toMatch(/assumption/);
  });
});
