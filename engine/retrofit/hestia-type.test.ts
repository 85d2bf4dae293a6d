import { describe, expect, it } from 'vitest';
import { hestiaOwnerIndex, hestiaOwnerOf, hestiaTypeIndex, hestiaTypeOf } from './hestia-type.ts';

describe('Hestia vocabularies', () => {
  it('maps types, with flats of 5+ storeys as high-rise', () => {
    expect(hestiaTypeOf('tussenwoning', 2)).toBe('rijwoning tussen');
    expect(hestiaTypeOf('twee-onder-een-kap', 2)).toBe('2 onder 1 kap');
    expect(hestiaTypeOf('galerij', 4)).toBe('meergezins: laag en midden');
    expect(hestiaTypeOf('galerij', 5)).toBe('meergezins: hoog');
    expect(hestiaTypeIndex(0, 2)).toBe(3);
  });
  it('maps ownership to koop / wooncorp / parthuur', () => {
    expect(hestiaOwnerOf('eigenaar-bewoner')).toBe('koop');
    expect(hestiaOwnerOf('corporatie')).toBe('wooncorp');
    expect(hestiaOwnerOf('overig')).toBe('parthuur');
    expect([0, 1, 2, 3].map(hestiaOwnerIndex)).toEqual([0, 2, 1, 1]);
  });
});
