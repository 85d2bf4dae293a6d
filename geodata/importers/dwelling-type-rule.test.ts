import { describe, expect, it } from 'vitest';
import { floorLevelOf, ResidentialPanden, type PandInput } from './dwelling-type-rule.ts';
import type { Xy } from './footprint-geometry.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Xy[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const pand = (id: string, ring: Xy[] | null, dwellings = 1, floorAreaM2 = 100): PandInput => ({
  pandId: id,
  ring,
  dwellings,
  floorAreaM2,
});

describe('dwelling type from BAG (rule woningtype-bag@1)', () => {
  it('classifies a row, a pair and a detached house by shared walls', () => {
    const row = [0, 1, 2, 3].map((i) => pand(`r${i}`, rect(6 * i, 0, 6 * i + 6, 9)));
    const pair = [0, 1].map((i) => pand(`p${i}`, rect(100 + 8 * i, 0, 108 + 8 * i, 10)));
    const alone = pand('v', rect(200, 0, 210, 10));
    const index = new ResidentialPanden([...row, ...pair, alone]);
    expect(row.map((p) => index.classify(p).type)).toEqual([
      'hoekwoning',
      'tussenwoning',
      'tussenwoning',
      'hoekwoning',
    ]);
    expect(pair.map((p) => index.classify(p).type)).toEqual(['twee-onder-een-kap', 'twee-onder-een-kap']);
    expect(index.classify(alone)).toMatchObject({ type: 'vrijstaand', roofShape: 'hellend', storeys: 1 });
  });

  it('tells an end house from half a pair by the neighbour’s other neighbours and dwellings', () => {
    const a = pand('a', rect(0, 0, 8, 10));
    const b = pand('b', rect(8, 0, 16, 10), 2);
    expect(new ResidentialPanden([a, b]).classify(a).type).toBe('hoekwoning');
  });

  it('classifies flats: 2–3 dwellings overig, long slabs galerij, others portiek; storeys from floor area', () => {
    const duo = pand('d', rect(0, 0, 7, 10), 2, 145);
    const portiek = pand('p', rect(0, 100, 30, 112), 12, 840);
    const galerij = pand('g', rect(0, 200, 60, 210), 24, 1560);
    const shortSlab = pand('s', rect(0, 300, 40, 310), 24, 1560);
    const index = new ResidentialPanden([duo, portiek, galerij, shortSlab]);
    expect(index.classify(duo).type).toBe('overig');
    expect(index.classify(portiek)).toMatchObject({ type: 'portiek', storeys: 3, roofShape: 'plat' });
    expect(index.classify(galerij).type).toBe('galerij');
    expect(index.classify(shortSlab).type).toBe('portiek');
  });

  it('falls back to tussenwoning without a footprint', () => {
    expect(new ResidentialPanden([]).classify(pand('x', null)).type).toBe('tussenwoning');
  });

  it('fills floors bottom-up', () => {
    expect(Array.from({ length: 12 }, (_, i) => floorLevelOf(i, 12, 3))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(floorLevelOf(0, 1, 2)).toBe(0);
  });
});
