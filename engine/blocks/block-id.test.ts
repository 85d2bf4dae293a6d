import { describe, expect, it } from 'vitest';
import { blockKindOf, blockLabel, complexBlockId, pandBlockId, syntheticBlockId } from './block-id.ts';

describe('block ids', () => {
  it('forms and recognises the three kinds', () => {
    expect(syntheticBlockId('BU16740202', 17)).toBe('BU16740202-B017');
    expect(blockKindOf('BU16740202-B017')).toBe('bouwblok');
    expect(blockKindOf(complexBlockId('1203'))).toBe('complex');
    expect(blockKindOf(pandBlockId('1674100000000012'))).toBe('pand');
    expect(blockKindOf('BU1674-B1')).toBeNull();
    expect(blockKindOf('pand:12')).toBeNull();
  });
  it('names blocks in Dutch', () => {
    expect(blockLabel('BU16740202-B017')).toBe('Bouwblok 17');
    expect(blockLabel('complex:1203')).toBe('Complex 1203');
    expect(blockLabel('pand:1674100000000012')).toBe('Pand 1674100000000012');
    expect(() => blockLabel('x')).toThrow(/not a block id/);
  });
  it('refuses block numbers the id cannot hold', () => {
    expect(() => syntheticBlockId('BU16740202', 0)).toThrow();
    expect(() => syntheticBlockId('BU16740202', 1000)).toThrow();
  });
});
