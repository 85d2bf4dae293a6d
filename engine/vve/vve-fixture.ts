import type { Building, Dwelling, Ownership, Vve } from '../dwelling.ts';
import type { Dataset } from '../dataset.ts';

/**
 * Test datasets of VvE apartment blocks built to order (used by the engine, API and CLI tests): one portiek
 * block of 1965 per VvE, uninsulated, labels F, 70 m² flats; ownership per flat as given.
 */
export interface BlockSpec {
  vveId: string;
  ownership: readonly Ownership[];
  votes?: readonly number[];
  active?: boolean;
  majorityRule?: number | null;
}

const square = (lon: number, lat: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ] as [number, number][],
  ],
});

export function vveDataset(blocks: readonly BlockSpec[], dataDate = '2025-06-30'): Dataset {
  const dwellings: Dwelling[] = [];
  const buildings: Building[] = [];
  const vves: Vve[] = [];
  blocks.forEach((b, bi) => {
    const pandId = `1674100${String(bi + 1).padStart(9, '0')}`;
    const lon = 4.44 + bi * 0.002,
      lat = 51.54;
    const storeys = Math.max(2, Math.ceil(b.ownership.length / 2));
    buildings.push({
      pandId,
      buurtcode: 'BU16740202',
      bouwjaar: 1965,
      storeys,
      roofShape: 'plat',
      footprint: square(lon, lat, 0.0005),
      facadeAzimuthDeg: 200,
      provenance: 'synthetic',
    });
    const members = b.ownership.map((ownership, k) => {
      const vboId = `1674010${String(bi * 100 + k + 1).padStart(9, '0')}`;
      dwellings.push({
        vboId,
        pandId,
        address: {
          street: `Proefstraat${bi}`,
          huisnummer: k + 1,
          huisletter: null,
          toevoeging: null,
          postcode: '4701AA',
          woonplaats: 'Roosendaal',
        },
        buurtcode: 'BU16740202',
        bouwjaar: 1965,
        oppervlakte: 70,
        type: 'portiek',
        ownership,
        vveId: b.vveId,
        energyLabel: { label: 'F', source: 'registered', date: '2020-05-01' },
        elements: {
          cavityWall: { level: 'N0', status: 'known' },
          roof: { level: 'N0', status: 'known' },
          floor: { level: 'N0', status: 'known' },
          glazing: { level: 'N1', status: 'known' },
        },
        wozBand: '150-200k',
        floorLevel: Math.floor(k / 2),
        location: [lon + 0.0002, lat + 0.0002],
        provenance: 'synthetic',
        dataDate,
      });
      return { vboId, votes: b.votes?.[k] ?? 1 };
    });
    const active = b.active ?? true;
    vves.push({
      vveId: b.vveId,
      kvkNumber: null,
      name: `VvE Proefstraat${bi}`,
      pandIds: [pandId],
      members,
      mjopYear: active ? 2023 : 2012,
      reserveFundEur: active ? 20_000 : 0,
      lastAlvDate: active ? '2025-03-15' : '2020-03-15',
      majorityRule: b.majorityRule ?? null,
      provenance: 'synthetic',
    });
  });
  return {
    meta: { name: 'VvE-proefset', synthetic: true, seed: 1, generator: 'test', dataDate, attribution: ['test'] },
    buurten: [
      {
        buurtcode: 'BU16740202',
        buurtnaam: 'Kalsdonk',
        wijkcode: 'WK167402',
        gemeentecode: 'GM1674',
        programmeArea: 'Kalsdonk',
        lowIncomeShare: null,
        geometry: square(4.43, 51.53, 0.03),
      },
    ],
    dwellings,
    buildings,
    vves,
  };
}

export const owners = (n: number, o: Ownership = 'eigenaar-bewoner'): Ownership[] => Array.from({ length: n }, () => o);
