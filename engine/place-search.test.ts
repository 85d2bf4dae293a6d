import { describe, expect, it } from 'vitest';
import type { Buurt, Dwelling } from './dwelling.ts';
import { buildPlaceIndex, normalise, searchPlaces } from './place-search.ts';

// Only the fields the index reads; the rest of a dwelling plays no part in search.
const dwelling = (
  vboId: string,
  street: string,
  huisnummer: number,
  huisletter: string | null,
  postcode: string,
  location: [number, number],
): Dwelling =>
  ({
    vboId,
    buurtcode: 'BU16740202',
    location,
    address: { street, huisnummer, huisletter, toevoeging: null, postcode, woonplaats: 'Roosendaal' },
  }) as unknown as Dwelling;

const buurt = {
  buurtcode: 'BU16740202',
  buurtnaam: 'Kalsdonk',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [4.46, 51.53],
        [4.48, 51.53],
        [4.48, 51.54],
        [4.46, 51.53],
      ],
    ],
  },
} as unknown as Buurt;

const index = buildPlaceIndex(
  [
    dwelling('0000000000000001', 'Lijsterstraat', 12, 'A', '4701AB', [4.47, 51.535]),
    dwelling('0000000000000002', 'Lijsterstraat', 12, 'B', '4701AB', [4.4702, 51.5351]),
    dwelling('0000000000000003', 'Lijsterstraat', 2, null, '4701AC', [4.468, 51.534]),
    dwelling('0000000000000004', 'Kalsdonkweg', 1, null, '4702AA', [4.475, 51.536]),
  ],
  [buurt],
);

describe('place search', () => {
  it('finds an address as people type it, with postcode and buurt', () => {
    const [first] = searchPlaces(index, 'lijsterstraat 12a');
    expect(first).toMatchObject({ kind: 'adres', label: 'Lijsterstraat 12A', vboId: '0000000000000001' });
    expect(first!.detail).toBe('4701 AB Roosendaal · Kalsdonk');
    expect(first!.center).toEqual([4.47, 51.535]);
  });

  it('finds a postcode with or without the space, and the addresses behind it', () => {
    for (const q of ['4701 AB', '4701ab']) {
      const [first] = searchPlaces(index, q);
      expect(first).toMatchObject({ kind: 'postcode', label: '4701 AB', detail: 'Lijsterstraat · 2 adressen' });
      expect(first!.bbox).toEqual([4.47, 51.535, 4.4702, 51.5351]);
    }
    expect(
      searchPlaces(index, '4701')
        .slice(0, 2)
        .map((p) => p.label),
    ).toEqual(['4701 AB', '4701 AC']);
    expect(searchPlaces(index, '4701ab12b')[0]!.label).toBe('Lijsterstraat 12B');
  });

  it('puts the buurt before streets and addresses that share its name, and finds it by CBS code', () => {
    expect(searchPlaces(index, 'kalsdonk').map((p) => p.kind)).toEqual(['buurt', 'straat', 'adres']);
    expect(searchPlaces(index, 'BU16740202')[0]).toMatchObject({ kind: 'buurt', buurtcode: 'BU16740202' });
    expect(searchPlaces(index, 'kalsdonk')[0]!.bbox).toEqual([4.46, 51.53, 4.48, 51.54]);
  });

  it('orders addresses naturally (2 before 12) and honours the limit', () => {
    const streets = searchPlaces(index, 'lijster', 10);
    expect(streets[0]).toMatchObject({ kind: 'straat', label: 'Lijsterstraat', detail: 'Kalsdonk · 3 adressen' });
    expect(streets.slice(1).map((p) => p.label)).toEqual(['Lijsterstraat 2', 'Lijsterstraat 12A', 'Lijsterstraat 12B']);
    expect(searchPlaces(index, 'lijster', 2)).toHaveLength(2);
  });

  it('finds nothing for one character or no match', () => {
    expect(searchPlaces(index, 'l')).toEqual([]);
    expect(searchPlaces(index, 'zzz')).toEqual([]);
  });

  it('normalises case, spaces, dashes and accents', () => {
    expect(normalise('Léon-Laan 4 A')).toBe('leonlaan4a');
  });
});
