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
 *   × its investment ÷ the tussenwoning's.
 * HR++ glazing and the hybrid heat pump have no row yet (docs/retrofit-model.md, open findings).
 */
import type { DwellingType } from '../dwelling.ts';
import { DEFAULT_GEOMETRY, elementAreas } from './element-areas.ts';
import type { MeasureId } from './measure-ids.ts';
import { whatIf } from './what-if.ts';

export interface ReferenceSource {
  id: string;
  title: string;
  /** What the figure is, in words (year, assumptions, conversion). */
  note: string;
}

export const REFERENCE_SOURCES: Readonly<Record<'mc-spouw' | 'cb-isoleren', ReferenceSource>> = {
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
};

export type ReferenceMeasure = Extract<MeasureId, 'cavity-wall' | 'roof' | 'floor'>;

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
  /** Cavity wall: the source's m³ per year. */
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

const NOTHING_INSULATED = { cavityWall: 'N0', roof: 'N0', floor: 'N0', glazing: 'N1' } as const;

/** The model's saving for the row's typical dwelling with nothing insulated (double glazing), and the reference. */
export function modelled(r: ReferenceRow): ReferenceResult {
  const oppervlakte = typicalArea(r);
  const w = whatIf({
    type: r.type,
    bouwjaar: r.bouwjaar,
    oppervlakte,
    date: '2026-01-01',
    elements: NOTHING_INSULATED,
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
};

/** The README table "Saving per measure and dwelling type" (markdown), from the rows. */
export function referenceTableMarkdown(): string {
  const lines = [
    '| Dwelling (nothing insulated, double glazing) | Measure | Model m³/yr | Reference m³/yr | Ratio | Source |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of REFERENCE_ROWS) {
    const x = modelled(r);
    lines.push(
      `| ${r.type} ${r.bouwjaar}, ${x.oppervlakte} m² | ${MEASURE_NL[r.measure]} | ${x.model} | ${Math.round(x.reference)} | ${x.ratio.toFixed(2)} | ${r.source} |`,
    );
  }
  lines.push('');
  for (const s of Object.values(REFERENCE_SOURCES)) lines.push(`- \`${s.id}\`: ${s.title}; ${s.note}.`);
  return lines.join('\n');
}
