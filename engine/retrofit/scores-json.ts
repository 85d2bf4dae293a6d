/**
 * Per-dwelling JSON of the scored stock: the summary row the API lists (priority with breakdown, label
 * before/after, route, risk, measures summary) and the detail the dwelling popup shows (every measure or
 * its reason, the package, ecology with the earliest dates, element states).
 */
import type { MeasuredSource } from './measured-targets.ts';
import {
  DWELLING_TYPES,
  ELEMENT_LEVELS,
  ELEMENTS,
  ENERGY_LABELS,
  OWNERSHIP_CATEGORIES,
  type DwellingType,
  type Element,
  type EnergyLabel,
  type Ownership,
} from '../dwelling.ts';
import type { DwellingColumns } from '../dwelling-table.ts';
import { ECOLOGY_ROUTES, type EcologyRoute, type MeasureId } from './measure-ids.ts';
import type { EcologyParams } from './ecology.ts';
import { labelShares, levelDistribution, stateOf, woonPartOf, type ElementStateOut } from './element-state.ts';
import { LOW_INCOME_SOURCES, type LowIncomeSource } from './energy-poverty.ts';
import {
  applicableIds,
  measuresOf,
  packageOf,
  type MeasureNotApplicable,
  type MeasureResult,
  type PackageResult,
} from './measures.ts';
import type { Natuurkalender } from './natuurkalender.ts';
import { netCostOf, subsidyTenure, type NetCostBasis } from './net-cost.ts';
import { breakdown } from './priority.ts';
import type { ScoreColumns } from './score-table.ts';
import type { ScoreTables } from './score-tables.ts';
import type { RetrofitStock } from './stock.ts';
import type { FactorId } from './weights.ts';
import { ecologyOutcome, type EcologyOutcome } from './works-planning.ts';

export interface DwellingScore {
  vboId: string;
  buurtcode: string;
  type: DwellingType;
  ownership: Ownership;
  bouwjaar: number;
  /** WGS84 [lon, lat]. */
  location: [number, number];
  /** 0–100. */
  priority: number;
  /** Points per factor; they sum to the priority. */
  breakdown: Record<FactorId, number>;
  labelBefore: EnergyLabel;
  /** Label after the package of all applicable measures. */
  labelAfter: EnergyLabel;
  gasUseM3PerYear: number;
  route: EcologyRoute;
  /** Habitat risk 0–1. */
  riskScore: number;
  measures: Omit<PackageResult, 'measures' | 'labelAfter' | 'electricityKwhPerYear'> & {
    applicable: MeasureId[];
    /** Subsidies on the planning date (net-cost.ts); null when no subsidy row covers the date or none was given. */
    subsidyEur: number | null;
    /** What the owner pays: costEur (gross) − subsidyEur; null when unknown. */
    netCostEur: number | null;
  };
  lowIncomeShareSource: LowIncomeSource;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** The summary row of dwelling i; with `basis`, the package's subsidy and net cost on its date beside the gross. */
export function dwellingScore(
  t: DwellingColumns,
  o: ScoreColumns,
  T: ScoreTables,
  i: number,
  basis?: NetCostBasis,
): DwellingScore {
  const pkg = packageOf(o, T, i);
  const ownership = OWNERSHIP_CATEGORIES[t.ownership[i]!]!;
  const net = basis
    ? netCostOf(o, T, i, pkg, subsidyTenure(ownership, t.vve[i]! >= 0), basis)
    : { subsidyEur: null, netCostEur: null };
  const parts = breakdown(o.factors, T.points, i);
  return {
    vboId: t.vboId[i]!,
    buurtcode: t.buurtCodes[t.buurt[i]!]!,
    type: DWELLING_TYPES[t.type[i]!]!,
    ownership,
    bouwjaar: t.bouwjaar[i]!,
    location: [t.lon[i]!, t.lat[i]!],
    priority: r1(o.priority[i]!),
    breakdown: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, r1(v)])) as Record<FactorId, number>,
    labelBefore: ENERGY_LABELS[o.labelBefore[i]!]!,
    labelAfter: pkg.labelAfter,
    gasUseM3PerYear: Math.round(o.gasM3[i]!),
    route: ECOLOGY_ROUTES[o.route[i]!]!,
    riskScore: Math.round(o.riskScore[i]! * 1000) / 1000,
    measures: {
      applicable: pkg.measures,
      costEur: pkg.costEur,
      gasSavingM3PerYear: pkg.gasSavingM3PerYear,
      billSavingEurPerYear: pkg.billSavingEurPerYear,
      co2SavingKgPerYear: pkg.co2SavingKgPerYear,
      paybackYears: pkg.paybackYears,
      ...net,
    },
    lowIncomeShareSource: LOW_INCOME_SOURCES[T.buurtShareSource[t.buurt[i]!]!]!,
  };
}

export interface DwellingDetail extends DwellingScore {
  measureDetails: MeasureResult[];
  notApplicable: MeasureNotApplicable[];
  package: PackageResult;
  ep2Before: number;
  ecology: EcologyOutcome;
  elements: Record<Element, ElementStateOut>;
  /** The measured figure that calibrated this dwelling's type level, and its level (measured-use.ts). */
  measuredUse: { source: MeasuredSource | 'none'; gasM3: number | null };
}

/** Everything the popup shows for dwelling i, with the natuurkalender counted from `planningDay`. */
export function dwellingDetail(
  t: DwellingColumns,
  s: RetrofitStock,
  o: ScoreColumns,
  T: ScoreTables,
  i: number,
  ecology: EcologyParams,
  cal: Natuurkalender,
  planningDay: number,
  basis?: NetCostBasis,
): Omit<DwellingDetail, 'measuredUse'> {
  const { measures, notApplicable } = measuresOf(o, T, i);
  const applicable = applicableIds(o, i);
  const type = DWELLING_TYPES[t.type[i]!]!;
  const label = ENERGY_LABELS[t.label[i]!]!;
  const shares = labelShares(type, t.bouwjaar[i]!, OWNERSHIP_CATEGORIES[t.ownership[i]!]!, s.storeys[i]! || 1);
  const elements = {} as Record<Element, ElementStateOut>;
  const levels = [t.cavityWall, t.roof, t.floor, t.glazing];
  ELEMENTS.forEach((e, k) => {
    const dist = levelDistribution(woonPartOf(e, s.flatRoof[i] === 1), t.bouwjaar[i]!, label, shares);
    const level = Math.min(levels[k]![i]!, ELEMENT_LEVELS.length - 1);
    elements[e] = stateOf(level, (t.elementsKnown[i]! & (1 << k)) !== 0 ? 'known' : 'assumed', dist);
  });
  return {
    ...dwellingScore(t, o, T, i, basis),
    measureDetails: measures,
    notApplicable,
    package: packageOf(o, T, i),
    ep2Before: r1(o.ep2[i]!),
    ecology: ecologyOutcome(ecology, cal, planningDay, o.route[i]!, o.riskScore[i]!, applicable),
    elements,
  };
}
