import { FAMILY_MIN_SIZE, GROUND_BOUND_BY_TYPE, INCOME_LOW, T_SOCIAL } from './codes.ts';
import {
  C_55PLUS,
  C_DWELLINGS,
  C_ENERGY_SUM,
  C_FAMILY_IN_APARTMENT,
  C_FLOW,
  C_HH_FAMILY,
  C_HH_SINGLE,
  C_HOUSEHOLDS,
  C_INFLOW,
  C_INFLOW_LOW,
  C_LABEL_SUM,
  C_LOW_INCOME,
  C_SINGLE_FAMILY,
  C_SOCIAL_RENT_SUM,
  C_TENURE,
  FLOWS,
  N_COUNTERS,
  N_METRICS,
  writeMetrics,
} from './metrics.ts';
import type { Workspace } from './workspace.ts';

const SENIOR_AGE = 55;
const SINGLE_BY_SIZE = Uint8Array.from({ length: 8 }, (_, s) => (s === 1 ? 1 : 0));
const FAMILY_BY_SIZE = Uint8Array.from({ length: 8 }, (_, s) => (s >= FAMILY_MIN_SIZE ? 1 : 0));
const LOW_BY_INCOME = Uint8Array.from({ length: 4 }, (_, b) => (b === INCOME_LOW ? 1 : 0));
const SOCIAL_BY_TENURE = Uint8Array.from({ length: 8 }, (_, t) => (t === T_SOCIAL ? 1 : 0));
const NF = FLOWS.length;

/**
 * Counts the state of year index yi per buurt and writes every unit's metrics into `out` at
 * `offset + (unit × years + yi) × N_METRICS`.
 */
export function recordYear(w: Workspace, yi: number, out: Float64Array, offset: number): void {
  const c = w.counters,
    gas = w.gasCostPerM2,
    elec = w.sc.params.electricityEurPerYear;
  const active = w.active,
    buurt = w.buurt,
    type = w.type,
    tenure = w.tenure,
    label = w.label,
    opp = w.opp,
    rent = w.rent;
  const present = w.hh.present,
    size = w.hh.size,
    income = w.hh.income,
    age = w.hh.age;
  const ground = GROUND_BOUND_BY_TYPE,
    single = SINGLE_BY_SIZE,
    family = FAMILY_BY_SIZE,
    lowBy = LOW_BY_INCOME,
    NC = N_COUNTERS;
  c.fill(0);
  // Dwellings of a buurt mostly sit together: count each run of one buurt in locals (registers, no
  // memory round trips), branch-free (random sizes, incomes and ages defeat branch prediction).
  const n = w.n;
  let i = 0;
  while (i < n) {
    const b = buurt[i]!;
    const base = b * NC;
    let dw = 0,
      sf = 0,
      lab = 0,
      hh = 0,
      one = 0,
      fam = 0,
      famApt = 0,
      low = 0,
      s55 = 0,
      energy = 0,
      socialRent = 0;
    for (; i < n && buurt[i] === b; i++) {
      if (active[i] === 0) continue;
      const g = ground[type[i]!]!;
      const l = label[i]!;
      dw += 1;
      sf += g;
      lab += l;
      c[base + C_TENURE + tenure[i]!]! += 1;
      socialRent += SOCIAL_BY_TENURE[tenure[i]!]! * rent[i]!;
      const p = present[i]!;
      const sz = size[i]!;
      const f = family[sz]! * p;
      hh += p;
      one += single[sz]! * p;
      fam += f;
      famApt += f * (1 - g);
      low += lowBy[income[i]!]! * p;
      s55 += ((SENIOR_AGE - 1 - age[i]!) >>> 31) * p;
      energy += (gas[l]! * opp[i]! + elec) * p;
    }
    c[base + C_DWELLINGS]! += dw;
    c[base + C_SINGLE_FAMILY]! += sf;
    c[base + C_LABEL_SUM]! += lab;
    c[base + C_HOUSEHOLDS]! += hh;
    c[base + C_HH_SINGLE]! += one;
    c[base + C_HH_FAMILY]! += fam;
    c[base + C_FAMILY_IN_APARTMENT]! += famApt;
    c[base + C_LOW_INCOME]! += low;
    c[base + C_55PLUS]! += s55;
    c[base + C_ENERGY_SUM]! += energy;
    c[base + C_SOCIAL_RENT_SUM]! += socialRent;
  }
  for (let b = 0; b < w.sc.nBuurten; b++) {
    const base = b * NC;
    c[base + C_INFLOW] = w.inflow[b]!;
    c[base + C_INFLOW_LOW] = w.inflowLow[b]!;
    for (let f = 0; f < NF; f++) c[base + C_FLOW + f] = w.flows[b * NF + f]!;
  }
  const years = w.sc.years.length,
    u = w.unitCounters,
    units = w.sc.units;
  for (let ui = 0; ui < units.length; ui++) {
    u.fill(0);
    for (const b of units[ui]!.buurten) {
      const base = b * NC;
      for (let k = 0; k < NC; k++) u[k]! += c[base + k]!;
    }
    writeMetrics(u, out, offset + (ui * years + yi) * N_METRICS);
  }
}
