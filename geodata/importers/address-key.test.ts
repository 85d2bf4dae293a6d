import { describe, expect, it } from 'vitest';
import { addressKey, normalisePostcode } from './address-key.ts';

describe('normalised address', () => {
  it('joins letter and toevoeging without separators, case-insensitively', () => {
    const a = addressKey({ postcode: '4702 ab', huisnummer: 12, huisletter: 'a', toevoeging: null });
    expect(a).toBe('4702AB|12|A');
    expect(addressKey({ postcode: '4702AB', huisnummer: '12', huisletter: null, toevoeging: '-A' })).toBe(a);
    expect(addressKey({ postcode: '4702AB', huisnummer: 200, toevoeging: '2' })).toBe('4702AB|200|2');
  });

  it('gives null without a valid postcode or huisnummer', () => {
    expect(normalisePostcode('47XX')).toBeNull();
    expect(addressKey({ postcode: '4702AB', huisnummer: null })).toBeNull();
    expect(addressKey({ postcode: null, huisnummer: 3 })).toBeNull();
  });
});
