/**
 * Published per-measure gas savings and the model's figure for the typical dwelling each describes
 * (docs/retrofit-model.md "Saving per measure against public figures"; docs/sources.md). Used by
 * measure-references.test.ts (every row within ±35 %) and scripts/measure-reference-table.ts (the README table).
 *
 * Typical dwelling: each reference states (or implies) the size of the element the measure acts on, and the
 * dwelling is sized so the model's element has that size:
 * - cavity wall: Milieu Centraal states the wall area per type; the floor area is solved so the modelled net wall
 *   (element-areas.ts) equals it;
 * - roof and floor: the Consumentenbond table gives no areas but gives the investment per type, and cost is area ×
 *   unit price, so each type's floor area is the tussenwoning's (the one whose wall matches Milieu Centraal's 39 m²)
 *   × its investment ÷ the tussenwoning's;
 * - HR++ glass: Milieu Centraal states the window area (22 m²), and the floor area follows from the glazing share;
 * - hybrid heat pump: Milieu Centraal's mean share of gas saved over installed dwellings, against the mean over a
 *   stock's dwellings of each type (hybridStockMeans).
 */
import { DWELLING_TYPES, type DwellingType } from '../dwelling.ts';
import { DEFAULT_GEOMETRY, elementAreas } from './element-areas.ts';
import { HYBRID, MEASURE_COUNT, type MeasureId } from './measure-ids.ts';
import type { RetrofitParams } from './params.ts';
import { allocScores, scoreRange } from './score-table.ts';
import { buildScoreTables } from './score-tables.ts';
import type { RetrofitStock } from './stock.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';
import { whatIf } from './what-if.ts';

export interface ReferenceSource {
  id: string;
  title: string;
  /** What the figure is, in words (year, assumptions, conversion). */
  note: string;
}

export const REFERENCE_SOURCES: Readonly<
  Record<'mc-spouw' | 'cb-isoleren' | 'mc-hrglas' | 'mc-hybride', ReferenceSource>
> = {
  'mc-spouw': {
    id: 'mc-spouw',
    title: 'Milieu Centraal, "Spouwmuurisolatie" (milieucentraal.nl), besparing gas per jaar (m³)',
    note:
      'm³ as published (gas price €1.45/m³): Rd 1.1 fill, HR combi boiler, 17 °C mean indoor temperature; ' +
      'wall 39 / 88 / 90 / 129 m² (tussen / hoek / 2-onder-1-kap / vrijstaand)',
  },
  'cb-isoleren': {
    id: 'cb-isoleren',
    title: 'Consumentenbond, "Huis isoleren": Milieu Centraal\'s yearly saving in € per measure and type',
    note:
      "€ ÷ €0.63/m³, the price of that table's vintage (same page: 2,700 m³ ≈ €1,700; Milieu Centraal's " +
      'figures of the same vintage: roof 714 m³ ≈ €435, floor 190 m³ ≈ €116, both ≈ €0.61/m³)',
  },
  'mc-hrglas': {
    id: 'mc-hrglas',
    title:
      'Milieu Centraal, "HR++ glas" (as reproduced by terra-construction.eu, "Installation of glass"): all windows of an average hoekwoning',
    note: 'm³ as published (gas price €1.45/m³): 22 m² of windows; double → HR++ 70 m³/yr, single → HR++ 260 m³/yr',
  },
  'mc-hybride': {
    id: 'mc-hybride',
    title:
      'Milieu Centraal on the hybrid heat pump: on average 60 % less gas for heating, "gasstook" (as reported by De Telegraaf, 2023-06)',
    note:
      "a mean over installed dwellings, so compared with the mean over a stock's dwellings of each type where the " +
      'hybrid applies (the shipped synthetic stock): reference m³ = 60 % of their mean modelled gas use',
  },
};

export type ReferenceMeasure = Extract<MeasureId, 'cavity-wall' | 'roof' | 'floor' | 'glazing'>;

export interface ReferenceRow {
  type: DwellingType;
  bouwjaar: number;
  measure: ReferenceMeasure;
  source: keyof typeof REFERENCE_SOURCES;
  /** Cavity wall: net wall area the source states, m². */
  wallM2?: number;
  /** Roof / floor: the source's yearly saving in € and its investment in € (sizes the dwelling). */
  eurPerYear?: number;
  investmentEur?: number;
  /** Glazing: window area the source states, m². */
  windowM2?: number;
  /** Glazing level before (default N1, double). */
  glazingBefore?: 'N0' | 'N1';
  /** Cavity wall, glazing: the source's m³ per year. */
  m3PerYear?: number;
}

const EUR_PER_M3 = 1700 / 2700;
const TUSSEN_WALL_M2 = 39;
const ERA: Readonly<Record<'tussenwoning' | 'hoekwoning' | 'twee-onder-een-kap' | 'vrijstaand', number>> = {
  tussenwoning: 1968,
  hoekwoning: 1968,
  'twee-onder-een-kap': 1965,
  vrijstaand: 1970,
};
const WALLS: readonly [keyof typeof ERA, number, number][] = [
  ['tussenwoning', 39, 180],
  ['hoekwoning', 88, 400],
  ['twee-onder-een-kap', 90, 410],
  ['vrijstaand', 129, 600],
];
/** Consumentenbond: schuin dak €/yr (investment), vloer €/yr (investment); hoek and 2-onder-1-kap share a column. */
const ROOF_FLOOR: readonly [keyof typeof ERA, [number, number], [number, number]][] = [
  ['tussenwoning', [500, 4000], [160, 1400]],
  ['hoekwoning', [600, 4600], [180, 1600]],
  ['twee-onder-een-kap', [600, 4600], [180, 1600]],
  ['vrijstaand', [1000, 8300], [320, 2800]],
];

export const REFERENCE_ROWS: readonly ReferenceRow[] = [
  ...WALLS.map(([type, wallM2, m3PerYear]) => ({
    type,
    bouwjaar: ERA[type],
    measure: 'cavity-wall' as const,
    source: 'mc-spouw' as const,
    wallM2,
    m3PerYear,
  })),
  ...ROOF_FLOOR.flatMap(([type, roof, floor]) => [
    {
      type,
      bouwjaar: ERA[type],
      measure: 'roof' as const,
      source: 'cb-isoleren' as const,
      eurPerYear: roof[0],
      investmentEur: roof[1],
    },
    {
      type,
      bouwjaar: ERA[type],
      measure: 'floor' as const,
      source: 'cb-isoleren' as const,
      eurPerYear: floor[0],
      investmentEur: floor[1],
    },
  ]),
  {
    type: 'hoekwoning',
    bouwjaar: 1968,
    measure: 'glazing',
    source: 'mc-hrglas',
    windowM2: 22,
    m3PerYear: 70,
  },
  {
    type: 'hoekwoning',
    bouwjaar: 1968,
    measure: 'glazing',
    source: 'mc-hrglas',
    windowM2: 22,
    glazingBefore: 'N0',
    m3PerYear: 260,
  },
];

/** Floor area (m², whole) at which the modelled net wall of a two-storey `type` is `wallM2` (bisection). */
export function areaForWall(type: DwellingType, wallM2: number): number {
  const wall = (a: number): number =>
    elementAreas(DEFAULT_GEOMETRY, type, a, 2, { roof: true, floor: true, flatRoof: false }).wall;
  let lo = 20,
    hi = 1000;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (wall(mid) < wallM2) lo = mid;
    else hi = mid;
  }
  return Math.round((lo + hi) / 2);
}

/** The typical dwelling's floor area for a row (module comment). */
export function typicalArea(r: ReferenceRow): number {
  if (r.windowM2 !== undefined) return Math.round(r.windowM2 / DEFAULT_GEOMETRY.glazingPerFloorM2);
  if (r.wallM2 !== undefined) return areaForWall(r.type, r.wallM2);
  const base = areaForWall('tussenwoning', TUSSEN_WALL_M2);
  const tussen = ROOF_FLOOR[0]!;
  const baseInvestment = r.measure === 'roof' ? tussen[1][1] : tussen[2][1];
  return Math.round((base * r.investmentEur!) / baseInvestment);
}

export interface ReferenceResult {
  row: ReferenceRow;
  oppervlakte: number;
  model: number;
  reference: number;
  ratio: number;
  gasUse: number;
  packageSaving: number;
  measureSum: number;
}

/** The model's saving for the row's typical dwelling with nothing insulated (double glazing), and the reference. */
export function modelled(r: ReferenceRow): ReferenceResult {
  const oppervlakte = typicalArea(r);
  const w = whatIf({
    type: r.type,
    bouwjaar: r.bouwjaar,
    oppervlakte,
    date: '2026-01-01',
    elements: { cavityWall: 'N0', roof: 'N0', floor: 'N0', glazing: r.glazingBefore ?? 'N1' },
  });
  if (!w.ok) throw new Error(JSON.stringify(w.issues));
  const m = w.value.measures.find((x) => x.id === r.measure);
  if (!m) throw new Error(`${r.type}: ${r.measure} does not apply`);
  const reference = r.m3PerYear ?? r.eurPerYear! / EUR_PER_M3;
  return {
    row: r,
    oppervlakte,
    model: m.gasSavingM3PerYear,
    reference,
    ratio: m.gasSavingM3PerYear / reference,
    gasUse: w.value.gasUseM3PerYear,
    packageSaving: w.value.package.gasSavingM3PerYear,
    measureSum: w.value.measures.reduce((s, x) => s + x.gasSavingM3PerYear, 0),
  };
}

const MEASURE_NL: Readonly<Record<ReferenceMeasure, string>> = {
  'cavity-wall': 'cavity wall',
  roof: 'roof (pitched)',
  floor: 'floor',
  glazing: 'HR++ glass',
};

/** Milieu Centraal's mean share of gas a hybrid heat pump saves (REFERENCE_SOURCES['mc-hybride']). */
export const HYBRID_REFERENCE_SHARE = 0.6;
/** Types with fewer dwellings than this in the stock get no hybrid row. */
const MIN_STOCK_DWELLINGS = 30;

export interface HybridStockMean {
  type: DwellingType;
  dwellings: number;
  gasUse: number;
  model: number;
  reference: number;
  ratio: number;
}

/** Per type, the mean modelled gas use and hybrid saving over the stock's dwellings where the hybrid applies. */
export function hybridStockMeans(stock: RetrofitStock, params: RetrofitParams): HybridStockMean[] {
  const codes = new Array<string>(stock.buurtLowIncomeShare.length).fill('');
  const tables = buildScoreTables(params, DEFAULT_WEIGHTS, codes, stock.buurtLowIncomeShare);
  const o = allocScores(stock.count);
  scoreRange(stock, tables, o, 0, stock.count);
  const acc = DWELLING_TYPES.map(() => ({ n: 0, gas: 0, saving: 0 }));
  for (let i = 0; i < stock.count; i++) {
    if (!((o.applicable[i]! >> HYBRID) & 1)) continue;
    const a = acc[stock.type[i]!]!;
    a.n++;
    a.gas += o.gasM3[i]!;
    a.saving += o.measureSavingM3[i * MEASURE_COUNT + HYBRID]!;
  }
  return DWELLING_TYPES.flatMap((type, t) => {
    const a = acc[t]!;
    if (a.n < MIN_STOCK_DWELLINGS) return [];
    const gasUse = a.gas / a.n,
      model = a.saving / a.n,
      reference = HYBRID_REFERENCE_SHARE * gasUse;
    return [{ type, dwellings: a.n, gasUse, model, reference, ratio: model / reference }];
  });
}

/** The README table "Saving per measure and dwelling type" (markdown), from the rows and the stock's hybrid means. */
export function referenceTableMarkdown(hybrid: readonly HybridStockMean[]): string {
  const lines = [
    '| Dwelling (nothing insulated; double glazing unless said) | Measure | Model m³/yr | Reference m³/yr | Ratio | Source |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of REFERENCE_ROWS) {
    const x = modelled(r);
    lines.push(
      `| ${r.type} ${r.bouwjaar}, ${x.oppervlakte} m²${r.glazingBefore === 'N0' ? ', single glazing' : ''} | ${MEASURE_NL[r.measure]} | ${x.model} | ${Math.round(x.reference)} | ${x.ratio.toFixed(2)} | ${r.source} |`,
    );
  }
  for (const h of hybrid)
    lines.push(
      `| ${h.type}, mean of ${h.dwellings} in the shipped stock (${Math.round(h.gasUse)} m³/yr) | hybrid heat pump | ${Math.round(h.model)} | ${Math.round(h.reference)} | ${h.ratio.toFixed(2)} | mc-hybride |`,
    );
  lines.push('');
  for (const s of Object.values(REFERENCE_SOURCES)) lines.push(`- \`${s.id}\`: ${s.title}; ${s.note}.`);
  return lines.join('\n');
}
