import { describe, expect, it } from 'vitest';
import { hestiaLabelOf, hestiaOwnerIndex, hestiaOwnerOf, hestiaTypeIndex, hestiaTypeOf } from './hestia-type.ts';

describe('Hestia vocabularies', () => {
  it('maps types, with flats of 5+ storeys as high-rise', () => {
    expect(hestiaTypeOf('tussenwoning', 2)).toBe('rijwoning tussen');
    expect(hestiaTypeOf('twee-onder-een-kap', 2)).toBe('2 onder 1 kap');
    expect(hestiaTypeOf('galerij', 4)).toBe('meergezins: laag en midden');
    expect(hestiaTypeOf('galerij', 5)).toBe('meergezins: hoog');
    expect(hestiaTypeOf('hoekwoning', 2)).toBe('rijwoning hoek');
    expect(hestiaTypeOf('vrijstaand', 1)).toBe('Vrijstaand');
    expect(hestiaTypeOf('portiek', 4)).toBe('meergezins: laag en midden');
    expect(hestiaTypeOf('overig', 3)).toBe('meergezins: laag en midden');
    expect(hestiaTypeIndex(0, 2)).toBe(3);
  });
  it('maps ownership to koop / wooncorp / parthuur', () => {
    expect(hestiaOwnerOf('eigenaar-bewoner')).toBe('koop');
    expect(hestiaOwnerOf('corporatie')).toBe('wooncorp');
    expect(hestiaOwnerOf('overig')).toBe('parthuur');
    expect(hestiaOwnerOf('particuliere verhuur')).toBe('parthuur');
    expect([0, 1, 2, 3].map(hestiaOwnerIndex)).toEqual([0, 2, 1, 1]);
  });
  it('counts A+ … A++++ as A, the best class of the tables', () => {
    expect(hestiaLabelOf('A++')).toBe('A');
    expect(hestiaLabelOf('A')).toBe('A');
    expect(hestiaLabelOf('E')).toBe('E');
  });
});
