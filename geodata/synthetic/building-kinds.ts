/**
 * Fills one strip (a building line along a street, `lengthM` long and `depthM` deep) with buildings of
 * one kind. Output is in strip coordinates: s along the street from the strip start, d depth from the
 * front line (street side), metres. Dimensions are assumptions typical of Dutch post-war housing.
 */
import type { DwellingType } from '../../engine/dwelling.ts';
import type { Rng } from '../../engine/rng.ts';
import { shopWithDwellingsAbove, townHouses } from './old-centre-kinds.ts';

export const STRIP_KINDS = [
  'terraced',
  'portiek',
  'galerij',
  'maisonnette',
  'twee-onder-een-kap',
  'vrijstaand',
  'overig',
  // Old-centre kinds (old-centre-kinds.ts); appended so the weight order of the other kinds is unchanged.
  'herenhuis',
  'winkel-boven',
] as const;
export type StripKind = (typeof STRIP_KINDS)[number];

/** Kinds built later than the original plan; their build year comes from the infill range. */
export const INFILL_KINDS: readonly StripKind[] = ['twee-onder-een-kap', 'vrijstaand'];

export interface PlannedUnit {
  type: DwellingType;
  floorLevel: number;
  s: number;
  d: number;
  /** Gebruiksoppervlakte, m². */
  areaM2: number;
  /** Entrance within the building; one huisnummer per entrance (addresses.ts). */
  entrance: number;
}

export interface PlannedBuilding {
  s0: number;
  s1: number;
  d0: number;
  d1: number;
  storeys: number;
  roofShape: 'hellend' | 'plat';
  units: PlannedUnit[];
  /** How dwellings sharing an entrance are told apart: huisletter (A, B, …) or toevoeging (101, 102, …). */
  addressStyle: 'letter' | 'toevoeging';
}

/** A complex: the unit of ownership decisions (a terraced row, a flat building, a semi-detached pair). */
export interface PlannedComplex {
  kind: StripKind;
  buildings: PlannedBuilding[];
}

export interface KindOptions {
  portiekStoreys: { 3: number; 4: number };
  portiekFlatRoofShare: number;
}

/** Free space kept at each end of a strip (m): side paths and corner visibility. Assumption. */
const END_MARGIN_M = 1.5;

const uni = (rng: Rng, a: number, b: number): number => Math.round((a + (b - a) * rng.next()) * 10) / 10;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const area = (rng: Rng, base: number, lo: number, hi: number): number => clamp(base + rng.int(-3, 3), lo, hi);

/** Units of a flat laid out as a grid: column by position along the front, row by floor, so points never coincide. */
function flatUnit(
  b: Omit<PlannedBuilding, 'units' | 'addressStyle'>,
  col: number,
  cols: number,
  floor: number,
  floorsShown: number,
  rest: Pick<PlannedUnit, 'type' | 'areaM2' | 'entrance'>,
): PlannedUnit {
  const row = Math.min(floor, floorsShown - 1);
  return {
    ...rest,
    floorLevel: floor,
    s: b.s0 + ((col + 0.5) * (b.s1 - b.s0)) / cols,
    d: b.d0 + ((row + 0.5) * (b.d1 - b.d0)) / floorsShown,
  };
}

/** Rows of 4–10 terraced houses, each house its own pand (as in BAG); 2 storeys, pitched roof. */
function terraced(L: number, rng: Rng): PlannedComplex[] {
  const w = uni(rng, 5.4, 6.0);
  const depth = uni(rng, 8, 10);
  const front = uni(rng, 3, 5);
  const base = rng.int(88, 110);
  const out: PlannedComplex[] = [];
  for (let s = END_MARGIN_M; ;) {
    const n = Math.min(rng.int(4, 10), Math.floor((L - END_MARGIN_M - s) / w));
    if (n < 4) break;
    const buildings: PlannedBuilding[] = [];
    for (let i = 0; i < n; i++) {
      const corner = i === 0 || i === n - 1;
      const b = {
        s0: s + i * w,
        s1: s + (i + 1) * w,
        d0: front,
        d1: front + depth,
        storeys: 2,
        roofShape: 'hellend' as const,
      };
      const unit = flatUnit(b, 0, 1, 0, 1, {
        type: corner ? 'hoekwoning' : 'tussenwoning',
        areaM2: area(rng, base + (corner ? 6 : 0), 85, 120),
        entrance: 0,
      });
      buildings.push({ ...b, units: [unit], addressStyle: 'letter' });
    }
    out.push({ kind: 'terraced', buildings });
    s += n * w + uni(rng, 3, 4);
  }
  return out;
}

/** Portiek flats: 2–3 stairwells × 2 dwellings per floor, 3–4 storeys, 55–80 m². */
function portiek(L: number, rng: Rng, opts: KindOptions): PlannedComplex[] {
  const frontage = uni(rng, 7, 8);
  const depth = uni(rng, 9.5, 11);
  const front = uni(rng, 4, 6);
  const out: PlannedComplex[] = [];
  for (let s = END_MARGIN_M; ;) {
    let stairs = rng.int(2, 3);
    if (s + stairs * 2 * frontage > L - END_MARGIN_M) stairs = 2;
    if (s + stairs * 2 * frontage > L - END_MARGIN_M) break;
    const storeys = rng.weighted([opts.portiekStoreys[3], opts.portiekStoreys[4]]) === 0 ? 3 : 4;
    const roofShape = rng.chance(opts.portiekFlatRoofShare) ? 'plat' : 'hellend';
    const b = { s0: s, s1: s + stairs * 2 * frontage, d0: front, d1: front + depth, storeys, roofShape } as const;
    const base = rng.int(58, 75);
    const units: PlannedUnit[] = [];
    for (let k = 0; k < stairs; k++) {
      for (let f = 0; f < storeys; f++) {
        for (let j = 0; j < 2; j++)
          units.push(
            flatUnit(b, 2 * k + j, stairs * 2, f, storeys, {
              type: 'portiek',
              areaM2: area(rng, base, 55, 80),
              entrance: k,
            }),
          );
      }
    }
    out.push({ kind: 'portiek', buildings: [{ ...b, units, addressStyle: 'letter' }] });
    s = b.s1 + uni(rng, 8, 14);
  }
  return out;
}

/** One galerij flat: 8–14 dwellings per floor (as many as fit), 4–5 storeys, flat roof, 50–75 m². */
function galerij(L: number, rng: Rng): PlannedComplex[] {
  const frontage = uni(rng, 6.4, 7.2);
  const perFloor = Math.min(rng.int(8, 14), Math.floor((L - 2 * END_MARGIN_M) / frontage));
  const storeys = rng.int(4, 5);
  const front = uni(rng, 4, 7);
  const s0 = (L - perFloor * frontage) / 2;
  const b = {
    s0,
    s1: s0 + perFloor * frontage,
    d0: front,
    d1: front + uni(rng, 10, 12),
    storeys,
    roofShape: 'plat',
  } as const;
  const base = rng.int(55, 70);
  const units: PlannedUnit[] = [];
  for (let f = 0; f < storeys; f++) {
    for (let i = 0; i < perFloor; i++)
      units.push(
        flatUnit(b, i, perFloor, f, storeys, { type: 'galerij', areaM2: area(rng, base, 50, 75), entrance: 0 }),
      );
  }
  return [{ kind: 'galerij', buildings: [{ ...b, units, addressStyle: 'toevoeging' }] }];
}

/** Maisonnettes: 4 storeys, two layers of two-storey dwellings (entrance floors 0 and 2), 8–12 per layer, 80–105 m² (assumption). */
function maisonnette(L: number, rng: Rng): PlannedComplex[] {
  const frontage = uni(rng, 6, 7);
  const perLayer = Math.min(rng.int(8, 12), Math.floor((L - 2 * END_MARGIN_M) / frontage));
  const front = uni(rng, 4, 6);
  const s0 = (L - perLayer * frontage) / 2;
  const b = {
    s0,
    s1: s0 + perLayer * frontage,
    d0: front,
    d1: front + uni(rng, 10, 11),
    storeys: 4,
    roofShape: 'plat',
  } as const;
  const base = rng.int(82, 98);
  const units: PlannedUnit[] = [];
  for (const level of [0, 2]) {
    for (let i = 0; i < perLayer; i++) {
      const u = flatUnit(b, i, perLayer, level / 2, 2, {
        type: 'maisonnette',
        areaM2: area(rng, base, 80, 105),
        entrance: units.length,
      });
      units.push({ ...u, floorLevel: level });
    }
  }
  return [{ kind: 'maisonnette', buildings: [{ ...b, units, addressStyle: 'letter' }] }];
}

/** Semi-detached pairs (each half its own pand) or detached houses, later infill; 2 storeys (detached: some bungalows). */
function houses(kind: 'twee-onder-een-kap' | 'vrijstaand', L: number, rng: Rng): PlannedComplex[] {
  const pair = kind === 'twee-onder-een-kap';
  const w = pair ? uni(rng, 7, 8.5) : uni(rng, 9, 12);
  const depth = pair ? uni(rng, 9, 11) : uni(rng, 9, 12);
  const front = pair ? uni(rng, 5, 7) : uni(rng, 6, 8);
  const per = pair ? 2 : 1;
  const out: PlannedComplex[] = [];
  for (
    let s = END_MARGIN_M + uni(rng, 0, 3);
    s + per * w <= L - END_MARGIN_M;
    s += per * w + uni(rng, pair ? 4 : 5, pair ? 7 : 8)
  ) {
    const base = pair ? rng.int(115, 145) : rng.int(130, 175);
    const storeys = !pair && rng.chance(0.2) ? 1 : 2;
    const buildings: PlannedBuilding[] = [];
    for (let i = 0; i < per; i++) {
      const b = {
        s0: s + i * w,
        s1: s + (i + 1) * w,
        d0: front,
        d1: front + depth,
        storeys,
        roofShape: 'hellend' as const,
      };
      const unit = flatUnit(b, 0, 1, 0, 1, {
        type: kind,
        areaM2: area(rng, base, pair ? 110 : 125, pair ? 150 : 180),
        entrance: 0,
      });
      buildings.push({ ...b, units: [unit], addressStyle: 'letter' });
    }
    out.push({ kind, buildings });
  }
  return out;
}

/** 'Overig': a short row of woon-winkelpanden — shop on the ground floor, 2–3 dwellings on each of 2 upper floors. */
function overig(L: number, rng: Rng): PlannedComplex[] {
  const n = rng.int(2, 5);
  const depth = uni(rng, 12, 14);
  const front = uni(rng, 3, 5);
  const out: PlannedComplex[] = [];
  let s = END_MARGIN_M + uni(rng, 0, 20);
  for (let i = 0; i < n; i++) {
    const w = uni(rng, 10, 14);
    if (s + w > L - END_MARGIN_M) break;
    const perFloor = rng.int(2, 3);
    const b = {
      s0: s,
      s1: s + w,
      d0: front,
      d1: front + depth,
      storeys: 3,
      roofShape: rng.chance(0.7) ? 'plat' : 'hellend',
    } as const;
    const units: PlannedUnit[] = [];
    for (const f of [1, 2]) {
      for (let j = 0; j < perFloor; j++) {
        units.push({
          ...flatUnit(b, j, perFloor, f - 1, 2, { type: 'overig', areaM2: rng.int(55, 90), entrance: 0 }),
          floorLevel: f,
        });
      }
    }
    out.push({ kind: 'overig', buildings: [{ ...b, units, addressStyle: 'letter' }] });
    s += w;
  }
  return out;
}

/** Buildings of one kind for a strip of `lengthM` metres along the street. */
export function fillStrip(kind: StripKind, lengthM: number, rng: Rng, opts: KindOptions): PlannedComplex[] {
  switch (kind) {
    case 'terraced':
      return terraced(lengthM, rng);
    case 'portiek':
      return portiek(lengthM, rng, opts);
    case 'galerij':
      return galerij(lengthM, rng);
    case 'maisonnette':
      return maisonnette(lengthM, rng);
    case 'twee-onder-een-kap':
    case 'vrijstaand':
      return houses(kind, lengthM, rng);
    case 'overig':
      return overig(lengthM, rng);
    case 'herenhuis':
      return townHouses(lengthM, rng);
    case 'winkel-boven':
      return shopWithDwellingsAbove(lengthM, rng);
  }
}
