import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import { wozBandOf, wozValueEur } from './woz.ts';

describe('wozBandOf', () => {
  it('uses the inclusive lower bounds of WOZ_BANDS', () => {
    expect(wozBandOf(149_999)).toBe('<150k');
    expect(wozBandOf(150_000)).toBe('150-200k');
    expect(wozBandOf(299_999)).toBe('250-300k');
    expect(wozBandOf(400_000)).toBe('>=400k');
  });
});

describe('wozValueEur', () => {
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const many = (f: () => number): number => median(Array.from({ length: 501 }, f));
  it('puts post-war terraced houses near €230k and flats lower (anchor: Roosendaal average ≈ €280k)', () => {
    const rng = createRng(1);
    const terraced = many(() => wozValueEur('tussenwoning', 100, 1965, 1, rng));
    const flat = many(() => wozValueEur('portiek', 65, 1965, 1, rng));
    expect(terraced).toBeGreaterThan(200_000);
    expect(terraced).toBeLessThan(260_000);
    expect(flat).toBeLessThan(terraced);
  });
  it('rises with floor area and newer build periods', () => {
    const noNoise = {
      fixedEur: 50_000,
      eurPerM2: { tussenwoning: 2_000 } as never,
      periodFactors: [
        [0, 1],
        [1992, 1.2],
      ] as const,
      noiseSd: 0,
    };
    const rng = createRng(2);
    expect(wozValueEur('tussenwoning', 100, 1965, 1, rng, noNoise)).toBeCloseTo(250_000);
    expect(wozValueEur('tussenwoning', 100, 1995, 1, rng, noNoise)).toBeCloseTo(300_000);
    expect(wozValueEur('tussenwoning', 120, 1965, 1, rng, noNoise)).toBeCloseTo(290_000);
  });
});
