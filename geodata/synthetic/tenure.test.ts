import { describe, expect, it } from 'vitest';
import type { Ownership } from '../../engine/dwelling.ts';
import { createRng } from '../../engine/rng.ts';
import type { StripKind } from './building-kinds.ts';
import { assignTenure, type TenureComplex } from './tenure.ts';

const SHARES = { corporatie: 0.55, 'eigenaar-bewoner': 0.35, 'particuliere verhuur': 0.08, overig: 0.02 };

function stock(rngSeed: number): TenureComplex[] {
  const rng = createRng(rngSeed);
  const kinds: [StripKind, number, number][] = [
    ['terraced', 4, 10],
    ['portiek', 12, 24],
    ['galerij', 32, 60],
    ['twee-onder-een-kap', 2, 2],
    ['vrijstaand', 1, 1],
  ];
  return Array.from({ length: 250 }, () => {
    const [kind, lo, hi] = kinds[rng.weighted([50, 10, 2, 8, 5])]!;
    return { kind, units: rng.int(lo, hi) };
  });
}

const share = (units: Ownership[], o: Ownership): number => units.filter((u) => u === o).length / units.length;

describe('assignTenure', () => {
  it('hits the profile shares within a few points', () => {
    for (const seed of [1, 2, 3]) {
      const all = assignTenure(stock(seed), SHARES, createRng(seed)).flat();
      for (const [o, s] of Object.entries(SHARES))
        expect(Math.abs(share(all, o as Ownership) - s), o).toBeLessThan(0.04);
    }
  });
  it('gives one ownership per unit, in input order', () => {
    const complexes = stock(4);
    const out = assignTenure(complexes, SHARES, createRng(4));
    expect(out.map((o) => o.length)).toEqual(complexes.map((c) => c.units));
  });
  it('makes flats mostly corporation, detached houses private', () => {
    const complexes = stock(5);
    const out = assignTenure(complexes, SHARES, createRng(5));
    const of = (kinds: StripKind[]): Ownership[] => out.filter((_, i) => kinds.includes(complexes[i]!.kind)).flat();
    expect(share(of(['portiek', 'galerij']), 'corporatie')).toBeGreaterThan(0.6);
    expect(share(of(['vrijstaand']), 'corporatie')).toBeLessThan(0.1);
  });
  it('sells units inside corporation complexes (gespikkeld bezit) but keeps some complexes whole', () => {
    const complexes = stock(6);
    const out = assignTenure(complexes, SHARES, createRng(6));
    const multi = out.filter((o) => o.length > 1 && o.includes('corporatie'));
    expect(multi.some((o) => o.some((x) => x !== 'corporatie'))).toBe(true);
    expect(multi.some((o) => o.every((x) => x === 'corporatie'))).toBe(true);
  });
  it('is deterministic for a seed', () => {
    expect(assignTenure(stock(7), SHARES, createRng(7))).toEqual(assignTenure(stock(7), SHARES, createRng(7)));
  });
});
