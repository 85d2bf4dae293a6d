import { describe, expect, it } from 'vitest';
import { blockIdOf, unitIdOf } from './units.ts';

const house = {
  buurtcode: 'BU16740202',
  street: 'Lindenlaan',
  bouwjaar: 1962,
  pandId: '1674100000000001',
  groundBound: true,
  vveId: null,
};
const flat = { ...house, groundBound: false, pandId: '1674100000000099', vveId: 'VVE-7' };

describe('units', () => {
  it('groups a terraced row by street and build year, a flat by its pand', () => {
    expect(blockIdOf(house)).toBe('rij:BU16740202:Lindenlaan:1962');
    expect(blockIdOf({ ...house, pandId: '1674100000000002' })).toBe(blockIdOf(house));
    expect(blockIdOf({ ...house, bouwjaar: 1963 })).not.toBe(blockIdOf(house));
    expect(blockIdOf(flat)).toBe('pand:1674100000000099');
  });

  it('uses the street, or the VvE with the block as fallback', () => {
    expect(unitIdOf('street', flat)).toBe('straat:BU16740202:Lindenlaan');
    expect(unitIdOf('vve', flat)).toBe('vve:VVE-7');
    expect(unitIdOf('vve', house)).toBe(blockIdOf(house));
    expect(unitIdOf('block', flat)).toBe(blockIdOf(flat));
  });
});
