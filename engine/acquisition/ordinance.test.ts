import { describe, expect, it } from 'vitest';
import { buyToLetProtected, distanceM, roomLettingNearby, wijkOf, type Ordinance } from './ordinance.ts';

const ordinance: Ordinance = {
  versions: [],
  title: 'Huisvestingsverordening',
  validFrom: '2025-11-01',
  validTo: '2029-10-31',
  source: 'docs/domain.md §6',
  permits: { withdrawal: true, splitting: true, conversionToRoomsMinUnits: 3 },
  buyToLetWozLimitByWijk: new Map([['WK167400', 300_000]]),
  distanceRuleM: 50,
};

describe('ordinance facts', () => {
  it('maps a buurt to its wijk and protects a WOZ band wholly at or below the wijk limit', () => {
    expect(wijkOf('BU16740000')).toBe('WK167400');
    expect(buyToLetProtected({ buurtcode: 'BU16740000', wozBand: '250-300k' }, ordinance)).toBe(true);
    expect(buyToLetProtected({ buurtcode: 'BU16740000', wozBand: '300-400k' }, ordinance)).toBe(false);
    expect(buyToLetProtected({ buurtcode: 'BU16740202', wozBand: '<150k' }, ordinance)).toBe(false);
  });

  it('measures metres and counts other room-letting addresses within the distance rule', () => {
    const at = (dx: number): [number, number] => [4.46 + dx / (111_320 * Math.cos((51.53 * Math.PI) / 180)), 51.53];
    expect(distanceM(at(0), at(40))).toBeCloseTo(40, 0);
    const d = [
      { vboId: 'a', location: at(0) },
      { vboId: 'b', location: at(30) },
      { vboId: 'c', location: at(75) },
      { vboId: 'd', location: at(200) },
    ];
    const n = roomLettingNearby(d, new Set(['b', 'c']), 50);
    expect(Object.fromEntries(n)).toEqual({ a: 1, b: 1, c: 1, d: 0 });
  });
});
