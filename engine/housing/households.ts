/**
 * Households as typed arrays indexed by dwelling slot (at most one household per dwelling): drawn
 * from profiles, and changed each year (ageing, children leaving or born, partner loss, income).
 * Every household has an income in euros; its band (laag = under the passend-toewijzen limit, daeb = under the
 * DAEB limit, …) follows from that income and the year's limits for its size (income-edges.ts), so the dated
 * limits decide who counts as low-income, who fits a dwelling and who may buy.
 */
import { AGE_BANDS, INCOME_LOW } from './codes.ts';
import type { HouseholdProfile, HousingParams, Weights } from './params.ts';
import { withLowOdds } from './resident-income.ts';

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
  /** Index into INCOME_BANDS: the band of `incomeEur` under the current year's limits. */
  income: Uint8Array;
  /** Gross household income, € per year, in the current year's euros. */
  incomeEur: Float32Array;
  /** The current year's band edges (income-edges.ts): [sizeClass * 5 + k], k = 0 … 4. */
  edges: Float64Array;
}

export function createHouseholds(capacity: number): Households {
  return {
    present: new Uint8Array(capacity),
    size: new Uint8Array(capacity),
    age: new Uint8Array(capacity),
    income: new Uint8Array(capacity),
    incomeEur: new Float32Array(capacity),
    edges: new Float64Array(10),
  };
}

/** Sets slot i's income band from its euro income, size and the current edges; returns the band. */
export function classifyIncome(h: Households, i: number): number {
  const e = h.edges,
    c = h.size[i]! > 1 ? 5 : 0,
    x = h.incomeEur[i]!;
  const band = (x >= e[c + 1]! ? 1 : 0) + (x >= e[c + 2]! ? 1 : 0) + (x >= e[c + 3]! ? 1 : 0);
  h.income[i] = band;
  return band;
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

/**
 * Profile tables [kind][groundBound 0|1] for residents, newcomers by tenure, urgent and 55+ applicants; the first
 * year's residents per buurt as well (their low-income odds follow the buurt parameters, resident-income.ts).
 */
export interface ProfileSet {
  residents: ProfileTable[][];
  /** [buurt] → residents [tenure][groundBound] and the senior profile [groundBound] of the first year. */
  residentsByBuurt: { residents: ProfileTable[][]; senior: ProfileTable[] }[];
  newcomers: ProfileTable[][];
  urgent: ProfileTable[];
  senior: ProfileTable[];
}

export function profileSet(p: HousingParams, lowIncomeOdds: Float64Array = new Float64Array(0)): ProfileSet {
  const both = (x: HouseholdProfile): ProfileTable[] => [
    profileTable(x, p.sizeFactorApartment),
    profileTable(x, p.sizeFactorSingleFamily),
  ];
  return {
    residents: p.residents.map(both),
    residentsByBuurt: Array.from(lowIncomeOdds, (odds) => ({
      residents: p.residents.map((x) => both(withLowOdds(x, odds))),
      senior: both(withLowOdds(p.seniorApplicants, odds)),
    })),
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

/**
 * Puts a household drawn from `t` in slot i; `nonLow` draws its income among the bands above `laag`. Its euro income
 * is drawn uniformly within the band under the current year's limits for its size. Returns the income band.
 */
export function placeHousehold(h: Households, i: number, t: ProfileTable, next: () => number, nonLow: boolean): number {
  h.present[i] = 1;
  const size = (h.size[i] = draw(t.size, next()) + 1);
  const band = AGE_BANDS[draw(t.age, next())]!;
  h.age[i] = band.min + Math.floor(next() * (band.max - band.min + 1));
  const income = draw(nonLow ? t.incomeNonLow : t.income, next());
  const k = (size > 1 ? 5 : 0) + income;
  h.incomeEur[i] = h.edges[k]! + next() * (h.edges[k + 1]! - h.edges[k]!);
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
 * growth (`growth`, a factor) and band moves, then leaving the dwelling with chance
 * `leaveRate[tenure × 2 + groundBound]`, adjusted by age. Bands are read against `h.edges`, the year's limits; a
 * household that changes between one and more persons keeps its place within its band (the model has no partner
 * incomes), and a band move draws a new income within the new band.
 * `next32` gives uniform 32-bit integers; the two transitions share one (16 bits each).
 */
export function householdYear(
  h: Households,
  n: number,
  t: TransitionTables,
  next32: () => number,
  dwelling: { tenure: Uint8Array; type: Uint8Array; groundByType: Uint8Array; leaveRate: Float64Array },
  growth: number,
): void {
  const present = h.present,
    size = h.size,
    age = h.age,
    income = h.income,
    eur = h.incomeEur,
    e = h.edges;
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
    const s0 = size[i]!;
    const ks = s0 * 4 + ((39 - a) >>> 31) + ((44 - a) >>> 31) + ((69 - a) >>> 31);
    let x1 = eur[i]! * growth;
    if ((x & 0xffff) * U16 < sizeRate[ks]!) {
      const s1 = (size[i] = sizeTo[ks]!);
      const c0 = s0 > 1 ? 5 : 0,
        c1 = s1 > 1 ? 5 : 0;
      if (c0 !== c1) {
        // Same place within the band under the other size class's limits.
        const b = (x1 >= e[c0 + 1]! ? 1 : 0) + (x1 >= e[c0 + 2]! ? 1 : 0) + (x1 >= e[c0 + 3]! ? 1 : 0);
        const f = (x1 - e[c0 + b]!) / (e[c0 + b + 1]! - e[c0 + b]!);
        x1 = e[c1 + b]! + f * (e[c1 + b + 1]! - e[c1 + b]!);
      }
    }
    const c = size[i]! > 1 ? 5 : 0;
    let band = (x1 >= e[c + 1]! ? 1 : 0) + (x1 >= e[c + 2]! ? 1 : 0) + (x1 >= e[c + 3]! ? 1 : 0);
    const ki = band * 3 + ((RETIREMENT_AGE - 1 - a) >>> 31) + ((RETIREMENT_AGE - a) >>> 31);
    const u = (x >>> 16) * U16,
      rate = incomeRate[ki]!;
    if (u < rate) {
      band = incomeTo[ki]!;
      x1 = e[c + band]! + (u / rate) * (e[c + band + 1]! - e[c + band]!);
    }
    eur[i] = x1;
    income[i] = band;
    const r = leaveRate[tenure[i]! * 2 + groundByType[type[i]!]!]! * leaveMul[a]! + leaveAdd[a]!;
    if (next32() * U32 < r) present[i] = 0;
  }
}
