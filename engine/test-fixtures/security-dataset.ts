import type { Buurt, Dwelling, DwellingType, EnergyLabel, Ownership, WozBand } from '../dwelling.ts';
import type { Dataset } from '../dataset.ts';
import type { Signal } from '../registers.ts';

/**
 * A hand-made synthetic dataset whose signal aggregates are known by heart: Kalsdonk (120 dwellings) has
 * counts above the disclosure threshold, Westrand-Molenbeek (40 dwellings) only small counts and a denominator
 * below 50, Centrum-Oud (8 dwellings) the acquisition target.
 */
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

const BUURTEN: Buurt[] = [
  {
    buurtcode: 'BU16740000',
    buurtnaam: 'Centrum-Oud',
    wijkcode: 'WK167400',
    gemeentecode: 'GM1674',
    programmeArea: 'Centrum-Oud',
    lowIncomeShare: null,
    geometry: square(4.46, 51.53, 0.005),
  },
  {
    buurtcode: 'BU16740202',
    buurtnaam: 'Kalsdonk',
    wijkcode: 'WK167402',
    gemeentecode: 'GM1674',
    programmeArea: 'Kalsdonk',
    lowIncomeShare: null,
    geometry: square(4.44, 51.54, 0.01),
  },
  {
    buurtcode: 'BU16740300',
    buurtnaam: 'Heerma van Vossstraat-Molenbeek',
    wijkcode: 'WK167403',
    gemeentecode: 'GM1674',
    programmeArea: 'Westrand',
    lowIncomeShare: null,
    geometry: square(4.42, 51.53, 0.01),
  },
];

const OWNERSHIP: Ownership[] = ['corporatie', 'eigenaar-bewoner', 'particuliere verhuur', 'corporatie', 'overig'];
const TYPES: DwellingType[] = ['portiek', 'tussenwoning', 'galerij', 'hoekwoning'];
const LABELS: EnergyLabel[] = ['G', 'F', 'E', 'D', 'C', 'B'];
const WOZ: WozBand[] = ['<150k', '150-200k', '200-250k', '250-300k', '300-400k', '>=400k'];

function dwelling(n: number, buurt: Buurt, i: number): Dwelling {
  const [lon, lat] = buurt.geometry.type === 'Polygon' ? buurt.geometry.coordinates[0]![0]! : [0, 0];
  const id = String(n).padStart(6, '0');
  return {
    vboId: `1674010000${id}`,
    // Four dwellings per pand, so corporation and private units share buildings ("gespikkeld bezit").
    pandId: `1674100000${String(Math.floor(n / 4)).padStart(6, '0')}`,
    address: {
      street: `Proeflaan ${buurt.buurtnaam.slice(0, 3)}`,
      huisnummer: i + 1,
      huisletter: null,
      toevoeging: null,
      postcode: '4701AB',
      woonplaats: 'Roosendaal',
    },
    buurtcode: buurt.buurtcode,
    bouwjaar: 1930 + (n % 60),
    oppervlakte: 55 + (n % 7) * 10.5,
    type: TYPES[n % TYPES.length]!,
    ownership: OWNERSHIP[n % OWNERSHIP.length]!,
    vveId: null,
    energyLabel: { label: LABELS[n % LABELS.length]!, source: 'imputed', date: null },
    elements: {
      cavityWall: { level: 'N0', status: 'assumed' },
      roof: { level: 'N1', status: 'assumed' },
      floor: { level: 'N0', status: 'assumed' },
      glazing: { level: 'N2', status: 'assumed' },
    },
    wozBand: WOZ[n % WOZ.length]!,
    floorLevel: 0,
    location: [lon! + 0.0002 + (i % 20) * 0.0002, lat! + 0.0002 + Math.floor(i / 20) * 0.0002],
    provenance: 'synthetic',
    dataDate: '2025-01-01',
  };
}

/** Dwellings per buurt and how many of them get each signal (nuisance, vacancy ≥ 6 months, room-letting permit). */
export const SECURITY_LAYOUT = {
  BU16740000: { dwellings: 8, nuisance: 3, vacant: 1, rooms: 1 },
  BU16740202: { dwellings: 120, nuisance: 23, vacant: 12, rooms: 4 },
  BU16740300: { dwellings: 40, nuisance: 7, vacant: 2, rooms: 0 },
} as const;

export function securityDataset(): Dataset {
  const dwellings: Dwelling[] = [];
  const signals: Signal[] = [];
  let n = 0;
  for (const b of BUURTEN) {
    const layout = SECURITY_LAYOUT[b.buurtcode as keyof typeof SECURITY_LAYOUT];
    for (let i = 0; i < layout.dwellings; i++) {
      const d = dwelling(n++, b, i);
      dwellings.push(d);
      const nuisance = i < layout.nuisance ? 1 + (i % 4) : 0;
      const vacancy = i >= layout.dwellings - layout.vacant ? 6 + (i % 7) : 0;
      const permit = i >= layout.nuisance && i < layout.nuisance + layout.rooms;
      if (nuisance > 0 || vacancy > 0 || permit) {
        signals.push({
          vboId: d.vboId,
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          nuisanceReports: nuisance,
          vacancyMonths: vacancy,
          roomLettingPermit: permit,
          dataDate: '2025-01-01',
        });
      }
    }
  }
  return {
    meta: {
      name: 'Beveiligingsproefset',
      synthetic: true,
      seed: 7,
      generator: 'test',
      dataDate: '2025-01-01',
      attribution: ['test'],
    },
    buurten: BUURTEN,
    dwellings,
    buildings: [...new Map(dwellings.map((d) => [d.pandId, d])).values()].map((d) => ({
      pandId: d.pandId,
      buurtcode: d.buurtcode,
      bouwjaar: d.bouwjaar,
      storeys: 3,
      roofShape: 'hellend' as const,
      footprint: square(d.location[0] - 0.00005, d.location[1] - 0.00005, 0.0001),
      facadeAzimuthDeg: 180,
      provenance: 'synthetic' as const,
    })),
    vves: [],
    signals,
  };
}
