import { describe, expect, it } from 'vitest';
import { FOCUS_BUURTEN, PROGRAMME_AREAS } from '../boundaries/programme-areas.ts';
import { BUURT_PROFILES } from './buurt-profiles.ts';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('BUURT_PROFILES', () => {
  it('has a profile for every focus buurt and the old centre, and no other', () => {
    expect(Object.keys(BUURT_PROFILES).sort()).toEqual([...FOCUS_BUURTEN, ...PROGRAMME_AREAS['Centrum-Oud']!].sort());
  });
  it('has tenure shares and kind weights that are distributions', () => {
    for (const p of Object.values(BUURT_PROFILES)) {
      expect(sum(Object.values(p.tenure))).toBeCloseTo(1, 9);
      expect(sum(Object.values(p.stripKinds))).toBeCloseTo(1, 9);
    }
  });
  it('targets Kalsdonk ≈ 1,750 and Westrand ≈ 3,800 dwellings (wijk West: 3,924, CBS 85984NED)', () => {
    const target = (codes: readonly string[]): number => sum(codes.map((c) => BUURT_PROFILES[c]!.dwellingTarget));
    expect(target(PROGRAMME_AREAS.Kalsdonk!)).toBe(1750);
    expect(target(PROGRAMME_AREAS.Westrand!)).toBe(3800);
  });
  it('gives each buurt its own postcode and street-name theme', () => {
    const profiles = Object.values(BUURT_PROFILES);
    expect(new Set(profiles.map((p) => p.postcode4)).size).toBe(profiles.length);
    expect(profiles.every((p) => /^470[1-9]$/.test(p.postcode4))).toBe(true);
    const stems = profiles.flatMap((p) => p.streetStems);
    expect(new Set(stems).size).toBe(stems.length);
  });
});
