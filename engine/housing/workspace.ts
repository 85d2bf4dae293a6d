/**
 * The mutable state of one run as typed arrays sized to the scenario's capacity. Allocated once per
 * batch and reset from the stock at the start of every run, so the hot loop never allocates.
 */
import type { CompiledScenario } from './compiled.ts';
import { TENURE_OF_OWNERSHIP } from './codes.ts';
import {
  createHouseholds,
  profileSet,
  transitionTables,
  type Households,
  type ProfileSet,
  type TransitionTables,
} from './households.ts';
import { FLOWS, N_COUNTERS } from './metrics.ts';
import type { HousingStock } from './stock.ts';

export interface Workspace {
  stock: HousingStock;
  sc: CompiledScenario;
  /** Slots in use (stock dwellings, then new-build and split-off dwellings in the order they appear). */
  n: number;
  active: Uint8Array;
  buurt: Uint16Array;
  type: Uint8Array;
  tenure: Uint8Array;
  label: Uint8Array;
  opp: Float32Array;
  floor: Uint8Array;
  label55: Uint8Array;
  /** Net rent, € per month, in the current year's euros (rents.ts). */
  rent: Float32Array;
  /** Tenure an acquired dwelling takes on its next vacancy; -1 = none. */
  pending: Int8Array;
  hh: Households;
  profiles: ProfileSet;
  /** Per buurt: the year's counters (N_COUNTERS each), cumulative flows, the year's social-rent inflow. */
  counters: Float64Array;
  unitCounters: Float64Array;
  flows: Float64Array;
  inflow: Float64Array;
  inflowLow: Float64Array;
  /** Passend toewijzen, per year: allocations to low-income households, and those above the rent cap. */
  lowAllocations: number;
  lowAboveCap: number;
  /** DAEB, per year: social lettings from the applicant queue, and those to households above the DAEB limit. */
  socialLettings: number;
  aboveDaeb: number;
  /** Households displaced by demolition waiting for a social dwelling (FIFO). */
  queue: { size: Uint8Array; age: Uint8Array; incomeEur: Float32Array; head: number; tail: number };
  /** Sale / liberalisation / acquisition dwellings done so far, by quota event. */
  done: Int32Array;
  scratch: Int32Array;
  /** Energy cost per dwelling-year by label index for one m² (gas), and the fixed electricity part. */
  gasCostPerM2: Float64Array;
  /** Yearly departure chance by tenure × (apartment 0 | eengezinswoning 1). */
  departureRate: Float64Array;
  transitions: TransitionTables;
}

export function createWorkspace(stock: HousingStock, sc: CompiledScenario): Workspace {
  const cap = sc.capacity;
  const queueCap =
    sc.fixedEvents.reduce((n, e) => n + (e.kind === 'demolition' || e.kind === 'merge' ? e.dwellings.length : 0), 0) +
    1;
  const maxCandidates = sc.quotaEvents.reduce((n, e) => Math.max(n, e.candidates.length), 0);
  return {
    stock,
    sc,
    n: 0,
    active: new Uint8Array(cap),
    buurt: new Uint16Array(cap),
    type: new Uint8Array(cap),
    tenure: new Uint8Array(cap),
    label: new Uint8Array(cap),
    opp: new Float32Array(cap),
    floor: new Uint8Array(cap),
    label55: new Uint8Array(cap),
    rent: new Float32Array(cap),
    pending: new Int8Array(cap),
    hh: createHouseholds(cap),
    profiles: profileSet(sc.params, sc.residentIncome.odds),
    counters: new Float64Array(sc.nBuurten * N_COUNTERS),
    unitCounters: new Float64Array(N_COUNTERS),
    flows: new Float64Array(sc.nBuurten * FLOWS.length),
    inflow: new Float64Array(sc.nBuurten),
    inflowLow: new Float64Array(sc.nBuurten),
    lowAllocations: 0,
    lowAboveCap: 0,
    socialLettings: 0,
    aboveDaeb: 0,
    queue: {
      size: new Uint8Array(queueCap),
      age: new Uint8Array(queueCap),
      incomeEur: new Float32Array(queueCap),
      head: 0,
      tail: 0,
    },
    done: new Int32Array(sc.quotaEvents.length),
    scratch: new Int32Array(Math.max(cap, maxCandidates)),
    gasCostPerM2: Float64Array.from(sc.params.gasM3PerM2ByLabel, (m3) => m3 * sc.params.gasEurPerM3),
    transitions: transitionTables(sc.params),
    departureRate: Float64Array.from(
      { length: 12 },
      (_, k) =>
        sc.params.departureRate[k >> 1]! *
        (k & 1 ? sc.params.singleFamilyDepartureFactor : sc.params.apartmentDepartureFactor),
    ),
  };
}

/** Resets the dwellings to the stock (households are drawn by the run). */
export function resetWorkspace(w: Workspace): void {
  const s = w.stock,
    n = s.count;
  w.n = n;
  w.active.fill(0);
  w.active.fill(1, 0, n);
  w.buurt.set(s.buurt);
  w.type.set(s.type);
  w.label.set(s.label);
  w.opp.set(s.oppervlakte);
  w.floor.set(s.floorLevel);
  for (let i = 0; i < n; i++) w.tenure[i] = TENURE_OF_OWNERSHIP[s.ownership[i]!]!;
  w.label55.fill(0);
  w.label55.set(w.sc.label55);
  w.rent.fill(0);
  w.rent.set(w.sc.rent);
  w.pending.fill(-1);
  w.hh.present.fill(0);
  w.flows.fill(0);
  w.inflow.fill(0);
  w.inflowLow.fill(0);
  w.done.fill(0);
  w.queue.head = w.queue.tail = 0;
}
