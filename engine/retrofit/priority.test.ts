import { describe, expect, it } from 'vitest';
import { applyWeights, breakdown, pointsPerFactor } from './priority.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

describe('priority', () => {
  const points = pointsPerFactor(DEFAULT_WEIGHTS);
  const factors = Float32Array.of(1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0.5, 0.25, 1, 0, 0.5);
  it('is the weighted mean of the factors on 0–100', () => {
    expect([...points].reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    const out = new Float32Array(3);
    applyWeights(factors, points, out, 0, 3);
    expect(out[0]).toBeCloseTo(100, 4);
    expect(out[1]).toBe(0);
    expect(out[2]).toBeCloseTo(0.3 * 50 + 0.2 * 25 + 0.2 * 100 + 0.1 * 50, 4);
  });
  it('has a breakdown per factor that sums to the priority', () => {
    const out = new Float32Array(3);
    applyWeights(factors, points, out, 0, 3);
    const b = breakdown(factors, points, 2);
    expect(Object.values(b).reduce((x, y) => x + y, 0)).toBeCloseTo(out[2]!, 4);
    expect(b.energyPoverty).toBeCloseTo(15, 6);
  });
});
