/**
 * Per-buurt parameters of the synthetic stock. Facts carry their docs/domain.md source; everything else is
 * an explicit "assumption" kept here as data so it can be reviewed and tuned in one place.
 */
import type { Ownership } from '../../engine/dwelling.ts';
import type { StripKind } from './building-kinds.ts';
import type { LayoutParams } from './layout.ts';

/** Tenure shares (sum 1) of the dwellings in a buurt. */
export type TenureShares = Record<Ownership, number>;

export interface BuurtProfile {
  /** Tenure area used in tests and reports: Westrand split at the Freijterslaan (docs/domain.md §1). */
  area: 'Kalsdonk' | 'Westrand-noord' | 'Westrand-zuid' | 'Centrum-Oud';
  /** Number of dwellings to generate; the generator stops at the first strip that reaches it. */
  dwellingTarget: number;
  /** Relative frequency of each strip kind among built strips (not dwellings); a kind left out is never built. */
  stripKinds: Partial<Record<StripKind, number>>;
  /** Kinds whose build year comes from `infillYears` (default building-kinds.ts INFILL_KINDS). */
  infillKinds?: readonly StripKind[];
  /** Street grid (default layout.ts LAYOUT: post-war 100 m blocks). */
  layout?: LayoutParams;
  /** Share of pre-war panden (bouwjaar < 1940) that are a monument (rijks- or gemeentelijk); default none. */
  monumentShare?: number;
  /** Share of grid cells left as a small square/green with flats around it. */
  squareShare: number;
  /** Probability that a strip facing a square gets a portiek flat (Westrand: flats around small squares). */
  flatsAroundSquare: number;
  /** Build years of the original plan, inclusive. */
  mainYears: readonly [number, number];
  /** Build years of later infill (2-onder-1-kap, vrijstaand, some terraced rows), inclusive. */
  infillYears: readonly [number, number];
  /** Share of terraced strips that are later infill rather than original plan. */
  infillTerracedShare: number;
  /** Weights of portiek flats with 3 and 4 storeys. */
  portiekStoreys: { 3: number; 4: number };
  /** Share of portiek flats with a flat roof (the rest pitched). */
  portiekFlatRoofShare: number;
  tenure: TenureShares;
  /** PC4 of the buurt (assumption: one per buurt within Roosendaal's 4701–4709) and first letter pair index. */
  postcode4: string;
  postcodeLetterStart: number;
  /** Street-name stems (invented, themed per buurt); suffixes are added in addresses.ts. */
  streetStems: readonly string[];
  /** Multiplier on the hedonic WOZ rule (woz.ts); assumption. */
  wozFactor: number;
}

/**
 * Assumption: Westrand north (Heerma van Vossstraat-Molenbeek, Herreweg) ≈ 65 % corporation, south of the
 * Freijterslaan (Ettingen, Scherpdeel) ≈ 25 % — docs/domain.md §1 says only "south mostly owner-occupied".
 * The generalised CBS polygons put Ettingen/Scherpdeel at the higher latitude; we follow the brief's
 * mapping of those two buurten to the owner-occupied section, not the compass.
 */
const TENURE_WESTRAND_NOORD: TenureShares = {
  corporatie: 0.65,
  'eigenaar-bewoner': 0.25,
  'particuliere verhuur': 0.08,
  overig: 0.02,
};
const TENURE_WESTRAND_ZUID: TenureShares = {
  corporatie: 0.25,
  'eigenaar-bewoner': 0.65,
  'particuliere verhuur': 0.08,
  overig: 0.02,
};
/** Assumption: Kalsdonk 55/35/8/2; Alwel owns about a third of Roosendaal overall (docs/domain.md §1), more here. */
const TENURE_KALSDONK: TenureShares = {
  corporatie: 0.55,
  'eigenaar-bewoner': 0.35,
  'particuliere verhuur': 0.08,
  overig: 0.02,
};

/** Westrand: built in the 1970s, three-storey flats and doorzon dwellings around small squares (docs/domain.md §1). */
const WESTRAND_YEARS = { mainYears: [1968, 1979], infillYears: [1982, 2005] } as const;

/**
 * Strip-kind mixes (assumption), calibrated so that flats are ≈ 40 % of dwellings in Westrand-noord and ≈ 20 %
 * in Westrand-zuid: wijk West has 3,924 dwellings of which 779 "mainly Alwel apartments" are planned for
 * the heat network (docs/domain.md §1), so most of Westrand is doorzon single-family housing.
 */
const WESTRAND_NOORD_KINDS: Partial<Record<StripKind, number>> = {
  terraced: 0.67,
  portiek: 0.13,
  galerij: 0.03,
  maisonnette: 0.03,
  'twee-onder-een-kap': 0.07,
  vrijstaand: 0.04,
  overig: 0.03,
};
const WESTRAND_ZUID_KINDS: Partial<Record<StripKind, number>> = {
  terraced: 0.705,
  portiek: 0.06,
  galerij: 0.01,
  maisonnette: 0.01,
  'twee-onder-een-kap': 0.14,
  vrijstaand: 0.06,
  overig: 0.015,
};

/**
 * Centrum-Oud, the old centre and first acquisition target (docs/domain.md §1, €1.5M "bedoeld voor het oude
 * centrum"): pre-war, mixed-use streets with dwellings above shops, town houses (some split), a little post-war
 * infill; small private landlords and room-letting, few corporation homes, monuments (docs/domain.md §6). All
 * numbers are assumptions: the dwelling target is ≈ 900 on the generalised polygon (~30 ha, dense);
 * tenure 15 % corporation, 40 % owner-occupier, 38 % private rental, 7 % other.
 */
const CENTRUM_OUD: BuurtProfile = {
  area: 'Centrum-Oud',
  dwellingTarget: 900,
  stripKinds: { 'winkel-boven': 0.45, herenhuis: 0.3, terraced: 0.1, portiek: 0.1, overig: 0.05 },
  infillKinds: ['portiek', 'overig'],
  // Old-centre scale: short blocks and narrow streets (assumption).
  layout: { blockLengthM: 60, stripDepthM: 20, streetWidthM: 9, insetM: 6, angleJitterDeg: 12 },
  monumentShare: 0.15,
  squareShare: 0.02,
  flatsAroundSquare: 0,
  mainYears: [1880, 1939],
  infillYears: [1955, 1990],
  infillTerracedShare: 0,
  portiekStoreys: { 3: 0.6, 4: 0.4 },
  portiekFlatRoofShare: 0.7,
  tenure: { corporatie: 0.15, 'eigenaar-bewoner': 0.4, 'particuliere verhuur': 0.38, overig: 0.07 },
  postcode4: '4701',
  postcodeLetterStart: 5,
  streetStems: [
    'Kerk',
    'Markt',
    'Molen',
    'Brouwers',
    'Kapel',
    'Gasthuis',
    'Raadhuis',
    'Tol',
    'Smids',
    'Kuipers',
    'Lakenmakers',
    'Bagijnen',
    'Vismarkt',
    'Poort',
  ],
  wozFactor: 1.0,
};

/**
 * Dwelling targets (assumption): Kalsdonk 1,750 on 56 ha (wijk Noord 3,434 dwellings, CBS 85984NED);
 * Westrand 3,800 split by area and density (wijk West 3,924 dwellings, CBS 85984NED; 39/16/34/48 ha).
 */
export const BUURT_PROFILES: Readonly<Record<string, BuurtProfile>> = {
  BU16740202: {
    area: 'Kalsdonk',
    dwellingTarget: 1750,
    // Mixed post-war stock: single-family houses and flats (docs/domain.md §1); some later infill.
    // Flats ≈ 45 % of dwellings (assumption).
    stripKinds: {
      terraced: 0.61,
      portiek: 0.14,
      galerij: 0.04,
      maisonnette: 0.03,
      'twee-onder-een-kap': 0.1,
      vrijstaand: 0.06,
      overig: 0.02,
    },
    squareShare: 0.03,
    flatsAroundSquare: 0.4,
    mainYears: [1952, 1969],
    infillYears: [1982, 2008],
    infillTerracedShare: 0.12,
    portiekStoreys: { 3: 0.5, 4: 0.5 },
    portiekFlatRoofShare: 0.5,
    tenure: TENURE_KALSDONK,
    postcode4: '4702',
    postcodeLetterStart: 27,
    streetStems: [
      'Rembrandt',
      'Vermeer',
      'Frans Hals',
      'Jan Steen',
      'Ruisdael',
      'Hobbema',
      'Breitner',
      'Mesdag',
      'Jongkind',
      'Israëls',
      'Mauve',
      'Paulus Potter',
      'Van Ostade',
      'Ter Borch',
      'Metsu',
      'Cuyp',
      'Van Goyen',
      'Weissenbruch',
      'Toorop',
      'Witsen',
    ],
    wozFactor: 0.95,
  },
  BU16740300: {
    area: 'Westrand-noord',
    dwellingTarget: 1240,
    stripKinds: WESTRAND_NOORD_KINDS,
    squareShare: 0.08,
    flatsAroundSquare: 0.75,
    ...WESTRAND_YEARS,
    infillTerracedShare: 0.04,
    portiekStoreys: { 3: 0.85, 4: 0.15 },
    portiekFlatRoofShare: 0.6,
    tenure: TENURE_WESTRAND_NOORD,
    postcode4: '4703',
    postcodeLetterStart: 40,
    streetStems: [
      'Merel',
      'Lijster',
      'Spreeuw',
      'Vink',
      'Zwaluw',
      'Kievit',
      'Reiger',
      'Wielewaal',
      'Putter',
      'Sijs',
      'Koolmees',
      'Boomklever',
      'Roodborst',
      'Goudvink',
      'Kwartel',
      'Patrijs',
      'Fazant',
      'Specht',
    ],
    wozFactor: 0.92,
  },
  BU16740301: {
    area: 'Westrand-noord',
    // Small and narrow (16 ha, ~170 m wide after generalisation): fewer dwellings, a denser mix.
    dwellingTarget: 440,
    stripKinds: { ...WESTRAND_NOORD_KINDS, terraced: 0.61, portiek: 0.2, overig: 0.02 },
    squareShare: 0.08,
    flatsAroundSquare: 0.75,
    ...WESTRAND_YEARS,
    infillTerracedShare: 0.04,
    portiekStoreys: { 3: 0.85, 4: 0.15 },
    portiekFlatRoofShare: 0.6,
    tenure: TENURE_WESTRAND_NOORD,
    postcode4: '4704',
    postcodeLetterStart: 12,
    streetStems: [
      'Eiken',
      'Beuken',
      'Essen',
      'Berken',
      'Linden',
      'Iepen',
      'Populier',
      'Kastanje',
      'Wilgen',
      'Elzen',
      'Platanen',
      'Esdoorn',
      'Haagbeuk',
      'Lariks',
    ],
    wozFactor: 0.92,
  },
  BU16740302: {
    area: 'Westrand-zuid',
    dwellingTarget: 880,
    stripKinds: WESTRAND_ZUID_KINDS,
    squareShare: 0.06,
    flatsAroundSquare: 0.6,
    ...WESTRAND_YEARS,
    infillTerracedShare: 0.06,
    portiekStoreys: { 3: 0.85, 4: 0.15 },
    portiekFlatRoofShare: 0.5,
    tenure: TENURE_WESTRAND_ZUID,
    postcode4: '4705',
    postcodeLetterStart: 3,
    streetStems: [
      'Tulp',
      'Narcis',
      'Iris',
      'Krokus',
      'Lavendel',
      'Goudsbloem',
      'Klaproos',
      'Korenbloem',
      'Margriet',
      'Zonnebloem',
      'Anjer',
      'Hyacint',
      'Sering',
      'Jasmijn',
      'Papaver',
      'Viooltjes',
    ],
    wozFactor: 1.05,
  },
  BU16740303: {
    area: 'Westrand-zuid',
    dwellingTarget: 1240,
    stripKinds: WESTRAND_ZUID_KINDS,
    squareShare: 0.06,
    flatsAroundSquare: 0.6,
    ...WESTRAND_YEARS,
    infillTerracedShare: 0.06,
    portiekStoreys: { 3: 0.85, 4: 0.15 },
    portiekFlatRoofShare: 0.5,
    tenure: TENURE_WESTRAND_ZUID,
    postcode4: '4706',
    postcodeLetterStart: 60,
    streetStems: [
      'Bach',
      'Mozart',
      'Beethoven',
      'Haydn',
      'Schubert',
      'Chopin',
      'Vivaldi',
      'Händel',
      'Brahms',
      'Verdi',
      'Sweelinck',
      'Grieg',
      'Dvořák',
      'Ravel',
      'Debussy',
      'Purcell',
      'Schumann',
      'Mahler',
    ],
    wozFactor: 1.05,
  },
  BU16740000: CENTRUM_OUD,
};
