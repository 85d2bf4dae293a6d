import { describe, expect, it } from 'vitest';
import { BagPandId, BagVboId } from '../../engine/dwelling.ts';
import { pandId, vboId } from './bag-ids.ts';

describe('synthetic BAG ids', () => {
  it('are 16-digit strings with the Roosendaal prefixes and a visibly synthetic range', () => {
    expect(vboId('BU16740202', 1)).toBe('1674010902020001');
    expect(pandId('BU16740303', 9999)).toBe('1674100903039999');
    expect(BagVboId.safeParse(vboId('BU16740300', 42)).success).toBe(true);
    expect(BagPandId.safeParse(pandId('BU16740300', 42)).success).toBe(true);
  });
  it('reject a sequence outside 1..9999', () => {
    expect(() => vboId('BU16740202', 0)).toThrow(/out of range/);
    expect(() => pandId('BU16740202', 10_000)).toThrow(/out of range/);
  });
});
