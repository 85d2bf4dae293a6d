import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../dwelling.ts';
import { anchorEp2, ep2Estimate, EP2_BOUNDS, labelIndexOf, labelOf, PRIMARY_FACTOR_ELECTRICITY } from './labels.ts';

describe('NTA 8800 labels from EP2', () => {
  it.each([
    [-5, 'A++++'],
    [0, 'A++++'],
    [0.1, 'A+++'],
    [50, 'A+++'],
    [50.01, 'A++'],
    [75, 'A++'],
    [105, 'A+'],
    [160, 'A'],
    [190, 'B'],
    [250, 'C'],
    [250.4, 'D'],
    [290, 'D'],
    [335, 'E'],
    [380, 'F'],
    [380.5, 'G'],
    [2000, 'G'],
  ])('EP2 %f kWh/m²·yr is %s', (ep2, label) => {
    expect(labelOf(ep2)).toBe(label);
  });
  it("anchors an estimate inside a known label's class", () => {
    const d = ENERGY_LABELS.indexOf('D');
    expect(anchorEp2(400, d)).toBe(290);
    expect(anchorEp2(100, d)).toBeCloseTo(250.01, 6);
    expect(anchorEp2(270, d)).toBe(270);
    expect(labelIndexOf(anchorEp2(100, d))).toBe(d);
    expect(EP2_BOUNDS[ENERGY_LABELS.indexOf('G')]!.upper).toBeGreaterThan(1e6);
  });
  it('EP2 counts gas at 1.0 and electricity at 1.45 (domain.md §5)', () => {
    expect(ep2Estimate(1000, 0, 100)).toBeCloseTo(97.69, 2);
    expect(ep2Estimate(0, 10, 100)).toBeCloseTo(10 * PRIMARY_FACTOR_ELECTRICITY, 6);
  });
});
