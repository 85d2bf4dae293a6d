import { describe, expect, it } from 'vitest';
import { quantileBreaks } from './class-breaks.ts';

describe('quantileBreaks', () => {
  it('puts about the same number of values in each class, starting at the minimum', () => {
    const values = Array.from({ length: 60 }, (_, i) => 20 + i * (50 / 59));
    const b = quantileBreaks(values, 6);
    expect(b).toHaveLength(6);
    expect(b[0]).toBe(20);
    for (let k = 0; k < 6; k++) {
      const inClass = values.filter((v) => v >= b[k]! && (k === 5 || v < b[k + 1]!)).length;
      expect(inClass).toBe(10);
    }
  });
  it('merges classes on ties and ignores NaN', () => {
    expect(quantileBreaks([1, 1, 1, 2, 2, 2, Number.NaN], 4)).toEqual([1, 2]);
    expect(quantileBreaks([], 6)).toEqual([0]);
  });
});
