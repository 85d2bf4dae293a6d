import { describe, expect, it } from 'vitest';
import { bruteForce, handModel } from '../test-fixtures/plan-model.ts';
import { greedyPlan } from './greedy.ts';
import { checkSelection, objectiveOf } from './usage.ts';

describe('greedyPlan', () => {
  it('keeps every limit and gets close to the optimum on a small model', () => {
    const m = handModel({
      seasons: 4,
      budget: 120,
      capDwellings: 4,
      yearCaps: [[2027, 40]],
      permitCap: 3,
      units: [
        { id: 'a', dwellings: 3, eur: 40, values: [90, 80, 70, 60] },
        { id: 'b', dwellings: 2, eur: 30, values: [85, 84, null, null], permit: 2 },
        { id: 'c', dwellings: 2, eur: 25, values: [50, 45, 40, 35], permit: 2 },
        { id: 'd', dwellings: 4, eur: 30, values: [null, 60, 59, 58] },
        { id: 'e', dwellings: 1, eur: 10, values: [12, 11, 10, 9] },
        { id: 'f', dwellings: 5, eur: 5, values: [100, 100, 100, 100] },
      ],
    });
    const g = greedyPlan(m);
    expect(checkSelection(m, g).violations).toEqual([]);
    expect(g.find((o) => m.units[o.unit]!.id === 'f')).toBeUndefined(); // larger than a season's capacity
    const best = bruteForce(m, (c) => checkSelection(m, c).violations.length === 0);
    expect(objectiveOf(g)).toBeGreaterThanOrEqual(0.8 * best.value);
    expect(objectiveOf(g)).toBeLessThanOrEqual(best.value + 1e-9);
  });

  it('plans nothing with no budget, and is deterministic', () => {
    const m = handModel({ seasons: 2, budget: 0, units: [{ id: 'a', dwellings: 1, eur: 1, values: [5, 4] }] });
    expect(greedyPlan(m)).toEqual([]);
    const n = handModel({
      seasons: 2,
      budget: 10,
      units: [
        { id: 'a', dwellings: 1, eur: 5, values: [5, 4] },
        { id: 'b', dwellings: 1, eur: 5, values: [5, 4] },
      ],
    });
    expect(greedyPlan(n)).toEqual(greedyPlan(n));
  });
});
