import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { MAX_KNAPSACK_CELLS, knapsack, type KnapsackItem } from './knapsack.ts';

function bruteForce(items: KnapsackItem[], cap: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let c = 0,
      v = 0;
    items.forEach((it, i) => {
      if (mask & (1 << i)) {
        c += it.cost;
        v += it.value;
      }
    });
    if (c <= cap && v > best) best = v;
  }
  return best;
}

describe('knapsack', () => {
  it('finds the optimum of random instances (checked by brute force)', () => {
    const rng = createRng(42);
    for (let t = 0; t < 200; t++) {
      const items = Array.from({ length: rng.int(0, 11) }, () => ({
        cost: rng.int(0, 30),
        value: Math.round(rng.next() * 1000) / 10,
      }));
      const cap = rng.int(0, 80);
      const r = knapsack(items, cap);
      expect(r.cost).toBeLessThanOrEqual(cap);
      expect(r.value).toBeCloseTo(bruteForce(items, cap), 6);
      expect(r.chosen).toEqual([...r.chosen].sort((a, b) => a - b));
      expect(r.value).toBeCloseTo(
        r.chosen.reduce((a, i) => a + items[i]!.value, 0),
        9,
      );
    }
  });

  it('prefers two cheap items over one dear item of lower total value', () => {
    expect(
      knapsack(
        [
          { cost: 10, value: 50 },
          { cost: 5, value: 30 },
          { cost: 5, value: 30 },
        ],
        10,
      ).chosen,
    ).toEqual([1, 2]);
  });

  it('keeps the earlier item on a tie', () => {
    expect(
      knapsack(
        [
          { cost: 5, value: 10 },
          { cost: 5, value: 10 },
        ],
        5,
      ).chosen,
    ).toEqual([0]);
  });

  it('rejects invalid costs, capacities and oversize tables', () => {
    expect(() => knapsack([{ cost: 1.5, value: 1 }], 3)).toThrow(RangeError);
    expect(() => knapsack([], -1)).toThrow(RangeError);
    expect(() => knapsack([{ cost: 1, value: -1 }], 3)).toThrow(RangeError);
    expect(() =>
      knapsack(
        Array.from({ length: 10 }, () => ({ cost: 1, value: 1 })),
        MAX_KNAPSACK_CELLS,
      ),
    ).toThrow(RangeError);
  });
});
