import { describe, expect, it } from 'vitest';
import { BUILD_PERIODS } from '../build-period.ts';
import { HESTIA_ELEMENT_LEVELS } from './element-levels.ts';
import { HESTIA_LABELS, HESTIA_OWNERS, HESTIA_TYPES } from './hestia-types.ts';
import { LABEL_FREQUENCIES } from './label-frequencies-by-build-period.ts';
import { HESTIA_LABEL_FREQUENCIES } from './label-frequencies.ts';
import { MINIMUM_LEVEL_INDICES } from './minimum-level-indices.ts';
import { MINIMUM_LEVELS_AFTER_1992 } from './minimum-levels.ts';

// The embedded tables are regenerated from the Hestia CSVs by scripts/extract-hestia.ts (docs/sources.md);
// the CSVs are not in the repository, so these tests check the published values the code relies on.
describe('embedded Hestia tables carry the published values', () => {
  it('has 6 types × 14 periods × 3 owners', () => {
    expect(HESTIA_LABEL_FREQUENCIES).toHaveLength(252);
  });
  it('post-war low/mid-rise flats: 24 % F and 27 % G (docs/domain.md §5: ≈ 51 % F/G)', () => {
    const row = HESTIA_LABEL_FREQUENCIES.find(
      (r) => r.type === 'meergezins: laag en midden' && r.period === '1946 - 1964' && r.owner === 'wooncorp',
    );
    expect(row?.freq).toEqual([0, 0, 0.15, 0.13, 0.2, 0.24, 0.27]);
  });
  it('element marginals are distributions, and label G walls are mostly uninsulated', () => {
    for (const label of HESTIA_LABELS) {
      for (const w of Object.values(HESTIA_ELEMENT_LEVELS[label]))
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    }
    expect(HESTIA_ELEMENT_LEVELS.G.cavityWall[0]).toBeGreaterThan(0.9);
    expect(HESTIA_ELEMENT_LEVELS.A.cavityWall[2]).toBeGreaterThan(0.7);
  });
  it('1992–2011 minimum is N2 for floor, roof and cavity wall (docs/domain.md §5)', () => {
    expect(MINIMUM_LEVELS_AFTER_1992[0]).toMatchObject({
      from: 1992,
      to: 2011,
      levels: { floor: 'N2', pitchedRoof: 'N2', flatRoof: 'N2', cavityWall: 'N2' },
    });
  });
});

describe('views the retrofit engine computes with', () => {
  it('label frequencies: exactly one row per type × engine build period × owner, in published order', () => {
    expect(LABEL_FREQUENCIES).toHaveLength(HESTIA_TYPES.length * BUILD_PERIODS.length * HESTIA_OWNERS.length);
    expect(LABEL_FREQUENCIES.some((r) => r.period === '2031 - 2040')).toBe(false);
    const order = LABEL_FREQUENCIES.map((r) => HESTIA_LABEL_FREQUENCIES.indexOf(r));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
  it('minimum levels as indices 0..4', () => {
    expect(MINIMUM_LEVEL_INDICES).toEqual([
      { from: 1992, to: 2011, levels: { floor: 2, pitchedRoof: 2, flatRoof: 2, cavityWall: 2, glazing: 0 } },
      { from: 2012, to: 2014, levels: { floor: 3, pitchedRoof: 3, flatRoof: 3, cavityWall: 3, glazing: 1 } },
      { from: 2015, to: 2022, levels: { floor: 3, pitchedRoof: 3, flatRoof: 3, cavityWall: 3, glazing: 2 } },
    ]);
  });
});
