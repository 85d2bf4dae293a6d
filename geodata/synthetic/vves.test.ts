import { describe, expect, it } from 'vitest';
import { Vve, type Ownership } from '../../engine/dwelling.ts';
import { createRng } from '../../engine/rng.ts';
import { buildVves, vveName, type VveBuilding } from './vves.ts';

const building = (pandId: string, owners: Ownership[]): VveBuilding => ({
  pandId,
  dwellings: owners.map((ownership, i) => ({
    vboId: `${pandId.slice(0, 12)}${String(i + 1).padStart(4, '0')}`,
    ownership,
    oppervlakte: 60 + i,
    address: {
      street: 'Merelstraat',
      huisnummer: 21 + 2 * Math.floor(i / 4),
      huisletter: null,
      toevoeging: null,
      postcode: '4703AB',
      woonplaats: 'Roosendaal',
    },
  })),
});

describe('buildVves', () => {
  const input = [
    building('1674100903000001', ['corporatie', 'corporatie', 'corporatie', 'corporatie']),
    building('1674100903000002', [
      'corporatie',
      'eigenaar-bewoner',
      'corporatie',
      'particuliere verhuur',
      'corporatie',
      'corporatie',
      'corporatie',
      'corporatie',
    ]),
    building('1674100903000003', ['eigenaar-bewoner']),
    building('1674100903000004', [
      'eigenaar-bewoner',
      'eigenaar-bewoner',
      'particuliere verhuur',
      'eigenaar-bewoner',
      'overig',
      'eigenaar-bewoner',
    ]),
  ];
  const vves = buildVves(input, 'BU16740300', '2025-01-01', createRng(1));
  it('creates a VvE only for split multi-dwelling panden', () => {
    expect(vves.map((v) => v.pandIds)).toEqual([['1674100903000002'], ['1674100903000004']]);
  });
  it('validates, with stable ids, a synthetic KvK number or none, and every dwelling a member', () => {
    for (const v of vves) expect(Vve.safeParse(v).error).toBeUndefined();
    expect(vves.map((v) => v.vveId)).toEqual(['VVE-0300-001', 'VVE-0300-002']);
    expect(vves[0]!.members.map((m) => m.vboId)).toEqual(input[1]!.dwellings.map((d) => d.vboId));
    expect(vves.every((v) => v.kvkNumber === null || /^9300\d{4}$/.test(v.kvkNumber))).toBe(true);
  });
  it('names the VvE after its street and number range', () => {
    expect(vveName(input[1]!.dwellings)).toBe('VvE Merelstraat 21-23');
    expect(vveName(input[0]!.dwellings)).toBe('VvE Merelstraat 21');
  });
  it("produces active and dormant VvE's with dates before the data date", () => {
    const many = buildVves(
      Array.from({ length: 200 }, (_, i) =>
        building(`16741009030${String(i).padStart(5, '0')}`, ['eigenaar-bewoner', 'corporatie', 'corporatie']),
      ),
      'BU16740300',
      '2025-01-01',
      createRng(2),
    );
    expect(many.some((v) => v.mjopYear !== null && v.mjopYear >= 2021)).toBe(true);
    expect(many.some((v) => v.mjopYear === null || v.mjopYear < 2018)).toBe(true);
    expect(many.every((v) => v.lastAlvDate === null || v.lastAlvDate < '2025-01-01')).toBe(true);
    expect(many.some((v) => v.majorityRule !== null)).toBe(true);
    expect(many.filter((v) => v.majorityRule === null).length / many.length).toBeGreaterThan(0.75);
  });
});
