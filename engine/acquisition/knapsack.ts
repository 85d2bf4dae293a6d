/**
 * Exact 0/1 knapsack by dynamic programming over integer cost units (e.g. €1,000): maximises the summed value
 * within the capacity. O(items × capacity) time, one byte per cell for the decisions. Ties keep the earlier
 * item (so callers order items by preference for a deterministic answer).
 */
export interface KnapsackItem {
  /** Cost in whole units (≥ 0). */
  cost: number;
  /** Value to maximise (≥ 0). */
  value: number;
}

export interface KnapsackResult {
  /** Indices of the chosen items, ascending. */
  chosen: number[];
  value: number;
  cost: number;
}

/** Largest items × (capacity + 1) table solved exactly (25 M cells = 25 MB of decisions). */
export const MAX_KNAPSACK_CELLS = 25_000_000;

const EPS = 1e-9;

export function knapsack(items: readonly KnapsackItem[], capacity: number): KnapsackResult {
  if (!Number.isInteger(capacity) || capacity < 0)
    throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
  const n = items.length;
  const width = capacity + 1;
  if (n * width > MAX_KNAPSACK_CELLS)
    throw new RangeError(`knapsack of ${n} items × ${width} units exceeds ${MAX_KNAPSACK_CELLS} cells`);
  const best = new Float64Array(width);
  const take = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) {
    const { cost, value } = items[i]!;
    if (!Number.isInteger(cost) || cost < 0)
      throw new RangeError(`item ${i}: cost must be a non-negative integer, got ${cost}`);
    if (!(value >= 0)) throw new RangeError(`item ${i}: value must be ≥ 0, got ${value}`);
    if (cost > capacity || value === 0) continue;
    const row = i * width;
    for (let w = capacity; w >= cost; w--) {
      const withItem = best[w - cost]! + value;
      if (withItem > best[w]! + EPS) {
        best[w] = withItem;
        take[row + w] = 1;
      }
    }
  }
  const chosen: number[] = [];
  let w = capacity;
  for (let i = n - 1; i >= 0; i--) {
    if (take[i * width + w]) {
      chosen.push(i);
      w -= items[i]!.cost;
    }
  }
  chosen.reverse();
  let value = 0,
    cost = 0;
  for (const i of chosen) {
    value += items[i]!.value;
    cost += items[i]!.cost;
  }
  return { chosen, value, cost };
}
