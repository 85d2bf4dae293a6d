import { describe, expect, it } from 'vitest';
import { costPerM2, DEFAULT_MEASURES, hybridCapacityKw, hybridCostEur } from './measure-costs.ts';

const range = (part: 'MS' | 'DS' | 'VL' | 'RB', level: number) =>
  [true, false].flatMap((egw) => [true, false].map((prj) => costPerM2(part, level, egw, prj, 'Zst')));

describe('measure costs from the TNO table', () => {
  it('match domain.md §5: cavity Rc 1.3 €20.8–23.2, floor Rc 3.5 €52–64, pitched roof €73–76, HR++ €137–181 per m²', () => {
    for (const [part, level, lo, hi] of [
      ['MS', 1, 20.8, 23.2],
      ['VL', 3, 52, 64],
      ['DS', 3, 72.7, 76.4],
      ['RB', 3, 136.9, 181],
    ] as const) {
      for (const c of range(part, level)) {
        expect(c).toBeGreaterThanOrEqual(lo);
        expect(c).toBeLessThanOrEqual(hi);
      }
    }
  });
  it('project-wise is cheaper than individual; a natural moment cheaper than standalone', () => {
    expect(costPerM2('MS', 1, true, true, 'Zst')).toBeLessThan(costPerM2('MS', 1, true, false, 'Zst'));
    expect(costPerM2('DS', 3, true, false, 'Nat')).toBeLessThan(costPerM2('DS', 3, true, false, 'Zst'));
  });
  it('throws on a level without a price (a parameter bug, not user input)', () => {
    expect(() => costPerM2('MS', 0, true, false, 'Zst')).toThrow(/no TNO price for MS N0/);
  });
  it("hybrid heat pump: capacity from the design load, clamped 3–8 kW; cost at the price book's prices", () => {
    expect(hybridCapacityKw(DEFAULT_MEASURES, 100)).toBe(3);
    expect(hybridCapacityKw(DEFAULT_MEASURES, 500)).toBeCloseTo(4.5, 6);
    expect(hybridCapacityKw(DEFAULT_MEASURES, 5000)).toBe(8);
    expect(hybridCostEur({ hybridFixedEur: 3100, hybridPerKwEur: 300 }, 4)).toBe(4300);
  });
});
