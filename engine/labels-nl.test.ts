import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES, OWNERSHIP_CATEGORIES } from './dwelling.ts';
import { DWELLING_TYPE_NL, OWNERSHIP_NL, dwellingTypeNl, ownershipNl } from './labels-nl.ts';

describe('Dutch labels of types and tenures', () => {
  it('names every stored value, each differently', () => {
    expect(Object.keys(DWELLING_TYPE_NL).sort()).toEqual([...DWELLING_TYPES].sort());
    expect(Object.keys(OWNERSHIP_NL).sort()).toEqual([...OWNERSHIP_CATEGORIES].sort());
    expect(new Set(Object.values(DWELLING_TYPE_NL)).size).toBe(DWELLING_TYPES.length);
  });
  it('writes flats as flats and passes unknown values through', () => {
    expect(dwellingTypeNl('portiek')).toBe('portiekflat');
    expect(dwellingTypeNl('woonboot')).toBe('woonboot');
    expect(ownershipNl('corporatie')).toBe('corporatie');
  });
});
