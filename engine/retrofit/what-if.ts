/**
 * One dwelling, what-if: from type, build year, floor area, planning date and whatever else is known,
 * the measures (or why not), the label before and after, the package, the pre-SMP ecology with its
 * earliest dates, and the priority with its breakdown. It scores a one-row stock with the same hot loop
 * as the whole stock, so the two always agree; every default it fills in is listed under `assumptions`.
 */
import {
  ELEMENT_LEVELS,
  ELEMENTS,
  ENERGY_LABELS,
  GROUND_BOUND_TYPES,
  OWNERSHIP_CATEGORIES,
  DWELLING_TYPES,
  type Element,
  type EnergyLabel,
  type Ownership,
} from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { AZIMUTH_UNKNOWN } from './ecology.ts';
import {
  imputeLevel,
  labelShares,
  levelDistribution,
  stateOf,
  woonPartOf,
  type ElementStateOut,
} from './element-state.ts';
import { LOW_INCOME_SOURCES, type LowIncomeSource } from './energy-poverty.ts';
import type { MeasureId } from './measure-ids.ts';
import {
  applicableIds,
  measuresOf,
  packageOf,
  type MeasureNotApplicable,
  type MeasureResult,
  type PackageResult,
} from './measures.ts';
import { DEFAULT_CALENDAR_ID, SHIPPED_CALENDARS, type Natuurkalender } from './natuurkalender.ts';
import { DEFAULT_PARAMS, type RetrofitParams } from './params.ts';
import type { EnergyPrices } from './prices.ts';
import { breakdown } from './priority.ts';
import { DEFAULT_SUBSIDIES, subsidiesFor, type SubsidyBook, type SubsidyOutcome, type Tenure } from './subsidies.ts';
import { allocScores, scoreRange } from './score-table.ts';
import { FLOOR_LEVEL_UNKNOWN, LABEL_UNKNOWN, type RetrofitStock } from './stock.ts';
import { DEFAULT_WEIGHTS, type FactorId, type WeightsConfig } from './weights.ts';
import { parseWhatIfInput, type WhatIfInputIssueCode } from './what-if-input.ts';
import { whatIfTables } from './what-if-tables.ts';
import { ecologyOutcome, type EcologyOutcome } from './works-planning.ts';

export interface Assumption {
  field: string;
  value: string | number | boolean | null;
  reason: string;
}

export interface WhatIfResult {
  measures: MeasureResult[];
  notApplicable: MeasureNotApplicable[];
  labelBefore: EnergyLabel;
  labelBeforeSource: 'given' | 'estimated';
  /** EP2 before, kWh/m²·yr (estimate, kept inside the given label's class). */
  ep2Before: number;
  gasUseM3PerYear: number;
  energyCostEurPerYear: number;
  package: PackageResult;
  ecology: EcologyOutcome;
  elements: Record<Element, ElementStateOut>;
  priority: { score: number; breakdown: Record<FactorId, number>; lowIncomeShareSource: LowIncomeSource };
  assumptions: Assumption[];
  prices: EnergyPrices;
  /** The price book of the costs (price-book.ts) and the year they are indexed to. */
  priceBook: { id: string; planningYear: number; approximateIndex: boolean };
  /** Subsidy per package measure and the owner's net cost beside the gross (subsidies.ts); null when no row covers the date. */
  subsidies: SubsidyOutcome | null;
}

export interface WhatIfOptions {
  params?: RetrofitParams;
  weights?: WeightsConfig;
  calendars?: Readonly<Record<string, Natuurkalender>>;
  subsidies?: SubsidyBook;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Gross cost per package measure. In the package the hybrid heat pump is sized on the demand left after
 * insulation, so it costs the package total minus the insulation measures, not its stand-alone price:
 * the gross costs then add up to the package cost the owner pays.
 */
function packageCosts(pkg: PackageResult, measures: readonly MeasureResult[]): { id: MeasureId; grossEur: number }[] {
  const cost = new Map(measures.map((m) => [m.id, m.costEur]));
  const insulation = pkg.measures
    .filter((id) => id !== 'hybrid-heat-pump')
    .reduce((s, id) => s + (cost.get(id) ?? 0), 0);
  return pkg.measures.map((id) => ({
    id,
    grossEur: id === 'hybrid-heat-pump' ? Math.max(0, pkg.costEur - insulation) : (cost.get(id) ?? 0),
  }));
}

/** Every code a what-if answer can carry: bad input, an unknown calendar, and the warnings of a valid one. */
export type WhatIfIssueCode =
  WhatIfInputIssueCode | 'whatif.calendar.unknown' | 'natuurkalender.not-valid' | 'subsidies.date.uncovered';

export function whatIf(json: unknown, opts: WhatIfOptions = {}): Result<WhatIfResult, WhatIfIssueCode> {
  const parsed = parseWhatIfInput(json);
  if (!parsed.ok) return parsed;
  const x = parsed.value;
  const params = opts.params ?? DEFAULT_PARAMS;
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const calendars = opts.calendars ?? SHIPPED_CALENDARS;
  const calendarId = x.calendar ?? DEFAULT_CALENDAR_ID;
  // Own keys only: "toString" or "__proto__" must be an unknown calendar, not Object.prototype's member.
  const cal = Object.hasOwn(calendars, calendarId) ? calendars[calendarId] : undefined;
  if (!cal)
    return fail({
      code: 'whatif.calendar.unknown',
      path: ['calendar'],
      message: `calendar: unknown natuurkalender "${calendarId}"; expected one of ${Object.keys(calendars).join(', ')}`,
    });

  const assumptions: Assumption[] = [];
  const assume = (field: string, value: Assumption['value'], reason: string) =>
    assumptions.push({ field, value, reason });
  const groundBound = GROUND_BOUND_TYPES.includes(x.type);
  const ownership: Ownership = x.eigendom ?? 'eigenaar-bewoner';
  if (x.eigendom === undefined) assume('eigendom', ownership, 'niet opgegeven: eigenaar-bewoner aangenomen');
  const storeys = x.storeys ?? (groundBound ? params.geometry.types[x.type].floors : 0);
  if (x.storeys === undefined)
    assume(
      'storeys',
      groundBound ? storeys : null,
      groundBound
        ? 'niet opgegeven: standaard voor dit woningtype'
        : 'niet opgegeven: bovenste/onderste woning onbekend',
    );
  const floorLevel = groundBound ? 0 : (x.floorLevel ?? FLOOR_LEVEL_UNKNOWN);
  if (!groundBound && x.floorLevel === undefined)
    assume(
      'floorLevel',
      null,
      `niet opgegeven: dak en vloer meegerekend naar de kans dat de woning ze heeft (${Math.round(params.geometry.unknownPositionShare * 100)} %)`,
    );
  const roofShape = x.roofShape ?? (groundBound ? 'hellend' : 'plat');
  if (x.roofShape === undefined)
    assume(
      'roofShape',
      roofShape,
      groundBound
        ? 'niet opgegeven: hellend dak (gebruikelijk bij eengezinswoningen)'
        : 'niet opgegeven: plat dak (gebruikelijk bij naoorlogse flats)',
    );
  if (x.facadeAzimuthDeg === undefined)
    assume('facadeAzimuthDeg', null, 'niet opgegeven: gemiddelde blootstelling op zuid/west gebruikt');
  const inVve = x.inVve ?? (!groundBound && ownership !== 'corporatie');
  if (x.inVve === undefined)
    assume('inVve', inVve, inVve ? 'niet opgegeven: appartement in een gesplitst gebouw' : 'niet opgegeven: geen VvE');

  // Element levels: given, or the most probable level given the label (or the label shares) and the build year.
  const shares = labelShares(x.type, x.bouwjaar, ownership, storeys || 1);
  const levels = [0, 0, 0, 0];
  let known = 0;
  const elements = {} as Record<Element, ElementStateOut>;
  ELEMENTS.forEach((e, k) => {
    const dist = levelDistribution(woonPartOf(e, roofShape === 'plat'), x.bouwjaar, x.label ?? null, shares);
    const given = x.elements?.[e];
    if (given !== undefined) {
      levels[k] = ELEMENT_LEVELS.indexOf(given);
      known |= 1 << k;
      elements[e] = stateOf(levels[k]!, 'given', dist);
    } else {
      const imp = imputeLevel(dist);
      levels[k] = imp.level;
      elements[e] = stateOf(imp.level, 'imputed', dist);
    }
  });

  const stock: RetrofitStock = {
    count: 1,
    type: Uint8Array.of(DWELLING_TYPES.indexOf(x.type)),
    bouwjaar: Uint16Array.of(x.bouwjaar),
    oppervlakte: Float32Array.of(x.oppervlakte),
    ownership: Uint8Array.of(OWNERSHIP_CATEGORIES.indexOf(ownership)),
    vve: Int32Array.of(inVve ? 0 : -1),
    label: Uint8Array.of(x.label === undefined ? LABEL_UNKNOWN : ENERGY_LABELS.indexOf(x.label)),
    cavityWall: Uint8Array.of(levels[0]!),
    roof: Uint8Array.of(levels[1]!),
    floor: Uint8Array.of(levels[2]!),
    glazing: Uint8Array.of(levels[3]!),
    elementsKnown: Uint8Array.of(known),
    floorLevel: Uint8Array.of(floorLevel),
    buurt: Uint16Array.of(0),
    storeys: Uint8Array.of(Math.min(storeys, 255)),
    flatRoof: Uint8Array.of(roofShape === 'plat' ? 1 : 0),
    facadeAzimuthDeg: Uint16Array.of(
      x.facadeAzimuthDeg === undefined ? AZIMUTH_UNKNOWN : Math.floor(x.facadeAzimuthDeg),
    ),
    priceMode: Uint8Array.of(x.blockWise === undefined ? 0 : x.blockWise ? 2 : 1),
    buurtLowIncomeShare: Float32Array.of(x.lowIncomeShare ?? NaN),
  };
  const tables = whatIfTables(params, weights, stock.buurtLowIncomeShare);
  const o = allocScores(1);
  scoreRange(stock, tables, o, 0, 1);

  const { measures, notApplicable } = measuresOf(o, tables, 0);
  const applicable = applicableIds(o, 0);
  const warnings: Issue<WhatIfIssueCode>[] = [];
  const ecology = ecologyOutcome(params.ecology, cal, x.planningDay, o.route[0]!, o.riskScore[0]!, applicable);
  if (!ecology.calendar.validOnPlanningDate) {
    warnings.push({
      code: 'natuurkalender.not-valid',
      path: ['date'],
      message: `natuurkalender "${cal.id}" is not in force on ${x.date} (valid ${cal.validFrom} – ${cal.validUntil ?? 'open'})`,
    });
  }
  const source = LOW_INCOME_SOURCES[tables.buurtShareSource[0]!]!;
  if (source === 'default')
    assume(
      'lowIncomeShare',
      Math.round(tables.buurtShare[0]! * 1000) / 1000,
      'niet opgegeven: standaardaandeel lage inkomens uit het gewichtenbestand',
    );
  const pkg = packageOf(o, tables, 0);
  const tenure: Tenure = inVve ? 'vve' : ownership === 'eigenaar-bewoner' ? 'owner-occupier' : 'other';
  const sub = subsidiesFor(opts.subsidies ?? DEFAULT_SUBSIDIES, tenure, packageCosts(pkg, measures), x.date);
  // A date outside the subsidy file is not an error for the what-if: costs stay gross and the warning says why.
  if (!sub.ok) warnings.push(...sub.issues);
  const parts = breakdown(o.factors, tables.points, 0);
  return ok(
    {
      measures,
      notApplicable,
      labelBefore: ENERGY_LABELS[o.labelBefore[0]!]!,
      labelBeforeSource: x.label === undefined ? 'estimated' : 'given',
      ep2Before: r1(o.ep2[0]!),
      gasUseM3PerYear: Math.round(o.gasM3[0]!),
      energyCostEurPerYear: Math.round(o.gasM3[0]! * params.prices.gasEurPerM3),
      package: pkg,
      ecology,
      elements,
      priority: {
        score: r1(o.priority[0]!),
        breakdown: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, r1(v)])) as Record<FactorId, number>,
        lowIncomeShareSource: source,
      },
      assumptions,
      prices: params.prices,
      priceBook: {
        id: params.unitPrices.id,
        planningYear: params.unitPrices.planningYear,
        approximateIndex: params.unitPrices.approximateIndex,
      },
      subsidies: sub.ok ? sub.value : null,
    },
    warnings,
  );
}
