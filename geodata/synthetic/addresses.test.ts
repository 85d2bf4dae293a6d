import { describe, expect, it } from 'vitest';
import { Address } from '../../engine/dwelling.ts';
import { createRng } from '../../engine/rng.ts';
import { assignAddresses, postcodeLetters, type EntranceInput } from './addresses.ts';

const PROFILE = { postcode4: '4702', postcodeLetterStart: 0, streetStems: ['Merel', 'Lijster', 'Vink'] };

/** Two blocks on street line 1: houses on both sides, a portiek and a galerij entrance. */
const entrances: EntranceInput[] = [
  ...[10, 16, 22, 28].map((u): EntranceInput => ({
    streetLine: 1,
    col: 0,
    side: 'S',
    u,
    unitFloors: [0],
    style: 'letter',
  })),
  ...[12, 18, 24].map((u): EntranceInput => ({
    streetLine: 1,
    col: 0,
    side: 'N',
    u,
    unitFloors: [0],
    style: 'letter',
  })),
  { streetLine: 1, col: 1, side: 'S', u: 140, unitFloors: [0, 0, 1, 1, 2, 2], style: 'letter' },
  { streetLine: 1, col: 1, side: 'N', u: 130, unitFloors: [0, 0, 1, 1], style: 'toevoeging' },
];

describe('assignAddresses', () => {
  const out = assignAddresses(entrances, PROFILE, createRng(1));
  it('gives every dwelling a valid address in Roosendaal', () => {
    expect(out.map((a) => a.length)).toEqual(entrances.map((e) => e.unitFloors.length));
    for (const a of out.flat())
      expect(Address.parse(a)).toMatchObject({
        woonplaats: 'Roosendaal',
        postcode: expect.stringMatching(/^4702[A-Z]{2}$/),
      });
  });
  it('numbers each side with odd or even numbers increasing along the street', () => {
    for (const side of ['N', 'S'] as const) {
      const idx = entrances.map((e, i) => (e.side === side ? i : -1)).filter((i) => i >= 0);
      const byStreet = new Map<string, number[]>();
      for (const i of idx)
        byStreet.set(out[i]![0]!.street, [...(byStreet.get(out[i]![0]!.street) ?? []), out[i]![0]!.huisnummer]);
      for (const nrs of byStreet.values()) {
        expect(new Set(nrs.map((n) => n % 2)).size).toBe(1);
        expect([...nrs].sort((a, b) => a - b)).toEqual(nrs);
        expect(nrs.slice(1).every((n, i) => n - nrs[i]! === 2)).toBe(true);
      }
    }
  });
  it('shares one postcode per street side and tells flats apart by letter or toevoeging', () => {
    const sameSide = out.slice(0, 4).map((a) => a[0]!.postcode);
    expect(new Set(sameSide).size).toBe(1);
    expect(out[7]!.map((a) => a.huisletter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(out[8]!.map((a) => a.toevoeging)).toEqual(['1', '2', '101', '102']);
    expect(out[0]![0]!).toMatchObject({ huisletter: null, toevoeging: null });
    const keys = out.flat().map((a) => `${a.street} ${a.huisnummer}${a.huisletter ?? ''}-${a.toevoeging ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('is deterministic for a seed and varies with it', () => {
    expect(assignAddresses(entrances, PROFILE, createRng(1))).toEqual(out);
    const names = new Set([1, 2, 3, 4, 5].map((s) => assignAddresses(entrances, PROFILE, createRng(s))[0]![0]!.street));
    expect(names.size).toBeGreaterThan(1);
  });
});

describe('postcodeLetters', () => {
  it('runs AA, AB, … and skips SA, SD and SS', () => {
    const gen = postcodeLetters(0);
    expect([gen.next().value, gen.next().value]).toEqual(['AA', 'AB']);
    const all = [
      ...(function* () {
        const g = postcodeLetters(18 * 26 - 1);
        for (let i = 0; i < 22; i++) yield g.next().value;
      })(),
    ];
    expect(all).not.toContain('SA');
    expect(all).not.toContain('SD');
    expect(all).not.toContain('SS');
    expect(all[0]).toBe('RZ');
    expect(all[1]).toBe('SB');
  });
});
