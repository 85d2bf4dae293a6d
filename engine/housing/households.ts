/**
 * Households as typed arrays indexed by dwelling slot (at most one household per dwelling): drawn
 * from profiles, and changed each year (ageing, children leaving or born, partner loss, income).
 */
import { AGE_BANDS, INCOME_LOW } from './codes.ts';
import type { HouseholdProfile, HousingParams, Weights } from './params.ts';

/** A profile as cumulative tables for fast draws; `incomeNonLow` draws among the bands above `laag`. */
export interface ProfileTable {
  size: Float64Array;
  age: Float64Array;
  income: Float64Array;
  incomeNonLow: Float64Array;
}

export interface Households {
  present: Uint8Array;
  size: Uint8Array;
  /** Age of the head of household, years. */
  age: Uint8Array;
  /** Index into INCOME_BANDS. */
  income: Uint8Array;
}

export function createHouseholds(capacity: number): Households {
  return {
    present: new Uint8Array(capacity),
    size: new Uint8Array(capacity),
    age: new Uint8Array(capacity),
    income: new Uint8Array(capacity),
  };
}

function cumulative(w: Weights, factor?: Weights): Float64Array {
  const out = new Float64Array(w.length);
  let sum = 0;
  for (let k = 0; k < w.length; k++) out[k] = sum += Math.max(0, w[k]! * (factor ? factor[k]! : 1));
  if (sum <= 0) throw new Error('household profile has no positive weight');
  for (let k = 0; k < w.length; k++) out[k]! /= sum;
  out[w.length - 1] = 1;
  return out;
}

/** Cumulative tables of a profile, with household sizes weighted for the dwelling kind. */
export function profileTable(p: HouseholdProfile, sizeFactor: Weights): ProfileTable {
  const nonLow = p.income.map((w, k) => (k === INCOME_LOW ? 0 : w));
  return {
    size: cumulative(p.size, sizeFactor),
    age: cumulative(p.age),
    income: cumulative(p.income),
    incomeNonLow: nonLow.some((w) => w > 0) ? cumulative(nonLow) : cumulative([0, 1, 0, 0]),
  };
}

/** Profile tables [kind][groundBound 0|1] for residents, newcomers by tenure, urgent and 55+ applicants. */
export interface ProfileSet {
  residents: ProfileTable[][];
  newcomers: ProfileTable[][];
  urgent: ProfileTable[];
  senior: ProfileTable[];
}

export function profileSet(p: HousingParams): ProfileSet {
  const both = (x: HouseholdProfile): ProfileTable[] => [
    profileTable(x, p.sizeFactorApartment),
    profileTable(x, p.sizeFactorSingleFamily),
  ];
  return {
    residents: p.residents.map(both),
    newcomers: p.newcomers.map(both),
    urgent: both(p.urgentApplicants),
    senior: both(p.seniorApplicants),
  };
}

function draw(cum: Float64Array, u: number): number {
  let k = 0;
  while (k < cum.length - 1 && u >= cum[k]!) k++;
  return k;
}

/** Puts a household drawn from `t` in slot i; `nonLow` draws its income among the bands above `laag`. Returns the income band. */
export function placeHousehold(h: Households, i: number, t: ProfileTable, next: () => number, nonLow: boolean): number {
  h.present[i] = 1;
  h.size[i] = draw(t.size, next()) + 1;
  const band = AGE_BANDS[draw(t.age, next())]!;
  h.age[i] = band.min + Math.floor(next() * (band.max - band.min + 1));
  const income = draw(nonLow ? t.incomeNonLow : t.income, next());
  h.income[i] = income;
  return income;
}

const RETIREMENT_AGE = 67;
const MAX_AGE = 105;

/**
 * The yearly transition chances as lookup tables, so the household loop has no data-dependent
 * branches (random sizes, ages and incomes defeat branch prediction):
 * size change by size × age bucket (<40, 40–44, 45–69, 70+), income change by band × (before, at,
 * after retirement), and a multiplier and addend on the departure rate by age.
 */
export interface TransitionTables {
  sizeRate: Float64Array;
  sizeTo: Uint8Array;
  incomeRate: Float64Array;
  incomeTo: Uint8Array;
  leaveMul: Float64Array;
  leaveAdd: Float64Array;
}

export function transitionTables(p: HousingParams): TransitionTables {
  const sizeRate = new Float64Array(6 * 4),
    sizeTo = new Uint8Array(6 * 4);
  for (let s = 1; s <= 5; s++) {
    for (let b = 0; b < 4; b++) {
      const k = s * 4 + b;
      sizeTo[k] = s;
      if (s >= 3 && b >= 2) {
        sizeRate[k] = p.childLeavesRate;
        sizeTo[k] = s - 1;
      } else if (s === 2 && b === 3) {
        sizeRate[k] = p.partnerLossRate;
        sizeTo[k] = 1;
      } else if (s <= 4 && b === 0) {
        sizeRate[k] = p.childBornRate;
        sizeTo[k] = s + 1;
      }
    }
  }
  const incomeRate = new Float64Array(4 * 3),
    incomeTo = new Uint8Array(4 * 3);
  for (let inc = 0; inc < 4; inc++) {
    for (let r = 0; r < 3; r++) {
      const k = inc * 3 + r;
      incomeTo[k] = inc;
      if (r === 1 && inc > 0) {
        incomeRate[k] = p.retirementIncomeDrop;
        incomeTo[k] = inc - 1;
      } else if (inc === 0 && r === 0) {
        incomeRate[k] = p.incomeRiseRate;
        incomeTo[k] = 1;
      } else if (inc === 1) {
        incomeRate[k] = p.incomeFallRate;
        incomeTo[k] = 0;
      }
    }
  }
  const leaveMul = new Float64Array(256).fill(1),
    leaveAdd = new Float64Array(256);
  for (let a = 0; a < 256; a++) {
    if (a < 30) leaveMul[a] = p.youngDepartureFactor;
    else if (a >= 75) leaveAdd[a] = p.elderlyExitRate;
  }
  return { sizeRate, sizeTo, incomeRate, incomeTo, leaveMul, leaveAdd };
}

/**
 * One year for the households in slots 0..n-1: ageing, children leaving or born, partner loss, income
 * moves, then leaving the dwelling with chance `leaveRate[tenure × 2 + groundBound]`, adjusted by age.
 * `next32` gives uniform 32-bit integers; the two transitions share one (16 bits each).
 */
export function householdYear(
  h: Households,
  n: number,
  t: TransitionTables,
  next32: () => number,
  dwelling: { tenure: Uint8Array; type: Uint8Array; groundByType: Uint8Array; leaveRate: Float64Array },
): void {
  const present = h.present,
    size = h.size,
    age = h.age,
    income = h.income;
  const { sizeRate, sizeTo, incomeRate, incomeTo, leaveMul, leaveAdd } = t;
  const { tenure, type, groundByType, leaveRate } = dwelling;
  const U16 = 1 / 65536,
    U32 = 1 / 4294967296;
  for (let i = 0; i < n; i++) {
    if (present[i] === 0) continue;
    const a0 = age[i]!;
    const a = a0 + ((a0 - MAX_AGE) >>> 31);
    age[i] = a;
    const x = next32();
    const ks = size[i]! * 4 + ((39 - a) >>> 31) + ((44 - a) >>> 31) + ((69 - a) >>> 31);
    if ((x & 0xffff) * U16 < sizeRate[ks]!) size[i] = sizeTo[ks]!;
    const ki = income[i]! * 3 + ((RETIREMENT_AGE - 1 - a) >>> 31) + ((RETIREMENT_AGE - a) >>> 31);
    if ((x >>> 16) * U16 < incomeRate[ki]!) income[i] = incomeTo[ki]!;
    const r = leaveRate[tenure[i]! * 2 + groundByType[type[i]!]!]! * leaveMul[a]! + leaveAdd[a]!;
    if (next32() * U32 < r) present[i] = 0;
  }
}
