import { describe, expect, it } from 'vitest';
import { typeFromEpOnline } from './eponline-type.ts';

describe('EP-Online gebouwtype → dwelling type', () => {
  it('maps ground-bound types and flats with an access type, not flat positions', () => {
    expect(typeFromEpOnline('Rijwoning hoek', '')).toBe('hoekwoning');
    expect(typeFromEpOnline('Rijwoning tussen', null)).toBe('tussenwoning');
    expect(typeFromEpOnline('Vrijstaande woning', '')).toBe('vrijstaand');
    expect(typeFromEpOnline('2 onder 1 kap', '')).toBe('twee-onder-een-kap');
    expect(typeFromEpOnline('Galerijwoning', 'Tussenmidden')).toBe('galerij');
    expect(typeFromEpOnline('Appartement', 'Hoekdak')).toBeNull();
    expect(typeFromEpOnline('Flatwoning (overig)', 'Tussenmidden')).toBeNull();
    expect(typeFromEpOnline('Maisonnette', '')).toBe('maisonnette');
  });
});
