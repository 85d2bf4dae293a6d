/**
 * A scenario checked against a stock and reduced to what the hot loop needs: typed arrays and year
 * schedules. Plain data, so it is sent to worker threads by structured clone.
 */
import type { HousingRules } from './housing-rules.ts';
import type { RentYears } from './rents.ts';
import type { ResidentIncome } from './resident-income.ts';
import type { HousingParams } from './params.ts';
import type { Unit } from './scenario-areas.ts';

/** Interventions whose dwellings are chosen while the simulation runs (on turnover, or among occupants). */
export interface QuotaEvent {
  kind: 'sale' | 'liberalisation' | 'acquisition';
  id: string;
  /** Cumulative number due by each year, by year index (0 before `from`). */
  due: Int32Array;
  /** Candidate dwellings (stock indexes), for choosing among occupants. */
  candidates: Int32Array;
  /** sale: 'on-turnover' | 'to-tenants'; others 'on-turnover' (liberalisation) or 'occupied' (acquisition). */
  mode: 'on-turnover' | 'to-tenants' | 'occupied';
  /** acquisition: TENURES index it buys from, and the tenure the dwelling gets on its next vacancy. */
  fromTenure: number;
  thenTenure: number;
}

/** Interventions fixed in advance: which dwellings, which year. */
export interface FixedEvent {
  kind: 'demolition' | 'new-build' | 'split' | 'merge' | 'retrofit';
  id: string;
  /** demolition/split: dwellings; merge: pairs [keep, remove, …]; retrofit: dwellings. */
  dwellings: Int32Array;
  /** Year index per entry (retrofit), or one year index for all (others, in yearIndex). */
  entryYear: Int16Array;
  yearIndex: number;
  /** retrofit: label index after, per entry. */
  labelAfter: Uint8Array;
  /** new-build: buurt index and the dwellings to add. */
  buurt: number;
  build: { count: number; type: number; tenure: number; label: number; oppervlakte: number }[];
  /** retrofit: only dwellings whose tenure (TENURES index) is in this bit mask at the time; all when absent. */
  tenureMask?: number;
}

export interface CompiledTarget {
  id: string;
  description: string;
  metric: string;
  metricIndex: number;
  area: string;
  unitIndex: number;
  year: number;
  yearIndex: number;
  bound: 'min' | 'max';
  threshold: number;
  /** As written in the file (a number or a label). */
  thresholdText: string;
  probability: number;
}

export interface CompiledScenario {
  name: string;
  description: string;
  seed: number;
  runs: number;
  years: number[];
  units: Unit[];
  nBuurten: number;
  params: HousingParams;
  /** Stock count plus every dwelling that new-build and splitting add. */
  capacity: number;
  passendToewijzen: number;
  urgentShare: number;
  /** Per stock dwelling: 1 when labelled 55+. */
  label55: Uint8Array;
  /** Per stock dwelling: net rent in the first year, € per month (registered or imputed, rents.ts). */
  rent: Float32Array;
  /** Rent increases, rent level and caps per year (rents.ts). */
  rentYears: RentYears;
  /** Income band edges per year from the limits (income-edges.ts). */
  incomeEdges: Float64Array;
  /** Per year: share of social lettings allowed above the DAEB income limit. */
  daebFreeShare: Float64Array;
  /** The first year's residents per buurt follow the buurt parameters' low-income share (resident-income.ts). */
  residentIncome: ResidentIncome;
  /** Max low-income share of regular social allocations, [yearIndex * nBuurten + buurt]; NaN = no quota. */
  quota: Float64Array;
  /** Per stock dwelling: index into `quota events` + 1 of the sale / liberalisation it may fall under (0 = none). */
  saleOf: Uint8Array;
  liberalisationOf: Uint8Array;
  quotaEvents: QuotaEvent[];
  fixedEvents: FixedEvent[];
  targets: CompiledTarget[];
  interventions: { id: string; kind: string; description: string }[];
  /** The policy rules of the scenario's years (config/rules) and the versions used. */
  rules: HousingRules;
}
