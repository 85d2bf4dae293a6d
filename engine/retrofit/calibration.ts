/**
 * Calibration of the heat model to measured gas use.
 *
 * Method. Per-element physics overshoots what households really use and save (the prebound effect):
 * domain.md §5 puts the overshoot of savings at ≈ 1.6× for walls up to 3× for glazing. The model therefore
 * counts each element's theoretical heat loss divided by its overshoot (heat-model.ts: `realised`), so the
 * savings of the measures keep the domain's proportions between walls, roof, floor and glazing. That still
 * leaves the level: measured consumption per dwelling type (CBS 85999NED, Zundert 2023: apartment 660,
 * terraced 840, end-terrace 930 m³/yr) is lower than the overshoot-corrected physics predicts for the
 * (older) modelled stock. So one factor per type, k = measured mean ÷ modelled mean over the stock, scales
 * the whole model (space heating and hot water).
 *
 * The EP2 label estimate uses the plain physics (NTA 8800 is a standardised calculation, not measured use),
 * scaled by one factor fitted so the estimate reproduces the stock's known labels best (most exact classes).
 * Label changes by a measure are the physics' relative change applied to the dwelling's anchored EP2. After calibration the stock's mean modelled gas use per
 * type equals the measured figure, and every measure's realised saving is k / overshoot of its theoretical
 * saving — the effective overshoot (overshoot / k) is reported per type and measure.
 *
 * Types without a measured figure (twee-onder-een-kap, vrijstaand) take the factor of the closest type (L).
 * The shipped factors (data/calibration-default.ts) come from the shipped synthetic stock; recalibrate on
 * real data, ideally per buurt with CBS's measured consumption, when it is imported.
 */
import { DWELLING_TYPES, type DwellingType } from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { labelIndexOf } from './labels.ts';
import type { Calibration, RetrofitParams } from './params.ts';
import { allocScores, scoreRange, type ScoreColumns } from './score-table.ts';
import { buildScoreTables } from './score-tables.ts';
import { LABEL_UNKNOWN, type RetrofitStock } from './stock.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

export interface CalibrationGroup {
  id: string;
  types: readonly DwellingType[];
  /** Measured mean gas use, m³/yr per dwelling. */
  measuredM3: number;
  source: string;
}

export interface CalibrationTargets {
  groups: readonly CalibrationGroup[];
  /** Types without a measured figure and the group whose factor they take. */
  fallback: Readonly<Partial<Record<DwellingType, string>>>;
}

const ZUNDERT = 'CBS 85999NED, gemeente Zundert, 2023 (domain.md §5)';
export const ZUNDERT_2023: CalibrationTargets = {
  groups: [
    { id: 'apartment', types: ['portiek', 'galerij', 'maisonnette', 'overig'], measuredM3: 660, source: ZUNDERT },
    { id: 'terraced', types: ['tussenwoning'], measuredM3: 840, source: ZUNDERT },
    { id: 'end-terrace', types: ['hoekwoning'], measuredM3: 930, source: ZUNDERT },
  ],
  // L: no measured figure in domain.md for these; the end-terrace factor is the closest form.
  fallback: { 'twee-onder-een-kap': 'end-terrace', vrijstaand: 'end-terrace' },
};

export interface CalibrationResult {
  calibration: Calibration;
  groups: {
    id: string;
    dwellings: number;
    measuredM3: number;
    /** Mean modelled gas use before calibration (k = 1). */
    uncalibratedM3: number;
    k: number;
    /** overshoot / k per insulation element: how much the theory overshoots the calibrated saving. */
    effectiveOvershoot: { cavityWall: number; roof: number; floor: number; glazing: number };
  }[];
  /** How well the scaled EP2 estimate reproduces the stock's labels (share of dwellings). */
  labelFit: { exact: number; withinOne: number; dwellings: number };
}

/** One uncalibrated pass (k = 1, EP2 scale 1, labels treated as unknown): raw gas use and raw EP2 estimates. */
export function uncalibratedScores(stock: RetrofitStock, params: RetrofitParams): ScoreColumns {
  const raw: RetrofitParams = { ...params, calibration: { kByType: Object.fromEntries(DWELLING_TYPES.map((t) => [t, 1])) as Record<DwellingType, number>, ep2Scale: 1 } };
  const codes = new Array<string>(stock.buurtLowIncomeShare.length).fill('');
  const tables = buildScoreTables(raw, DEFAULT_WEIGHTS, codes, stock.buurtLowIncomeShare);
  const out = allocScores(stock.count);
  scoreRange({ ...stock, label: new Uint8Array(stock.count).fill(LABEL_UNKNOWN) }, tables, out, 0, stock.count);
  return out;
}

/** Mean of `values` per dwelling type. */
export function meanByType(stock: RetrofitStock, values: Float32Array): { n: Float64Array; mean: Float64Array } {
  const n = new Float64Array(DWELLING_TYPES.length), sum = new Float64Array(DWELLING_TYPES.length);
  for (let i = 0; i < stock.count; i++) {
    n[stock.type[i]!]!++;
    sum[stock.type[i]!]! += values[i]!;
  }
  return { n, mean: sum.map((s, t) => (n[t]! > 0 ? s / n[t]! : NaN)) };
}

/** The EP2 scale (grid 0.20–2.00, step 0.005) with the most exact label matches; ties go to the most within one class. */
function fitEp2Scale(stock: RetrofitStock, rawEp2: Float32Array): { scale: number; exact: number; withinOne: number; n: number } {
  let best = { scale: 1, exact: -1, withinOne: -1, n: 0 };
  for (let s = 0.2; s <= 2.0001; s += 0.005) {
    let exact = 0, within = 0, n = 0;
    for (let i = 0; i < stock.count; i++) {
      const known = stock.label[i]!;
      if (known === LABEL_UNKNOWN) continue;
      n++;
      const d = labelIndexOf(rawEp2[i]! * s) - known;
      if (d === 0) exact++;
      if (d >= -1 && d <= 1) within++;
    }
    if (exact > best.exact || (exact === best.exact && within > best.withinOne)) best = { scale: Math.round(s * 1000) / 1000, exact, withinOne: within, n };
  }
  return best;
}

/** Per-type factors so the stock's mean modelled gas use matches the measured targets, and the EP2 scale. */
export function calibrate(stock: RetrofitStock, params: RetrofitParams, targets: CalibrationTargets = ZUNDERT_2023): Result<CalibrationResult> {
  const raw = uncalibratedScores(stock, params);
  const { n, mean } = meanByType(stock, raw.gasM3);
  const kByType = {} as Record<DwellingType, number>;
  const groups: CalibrationResult['groups'] = [];
  const warnings: Issue[] = [];
  const o = params.heat.overshoot;
  for (const g of targets.groups) {
    let count = 0, total = 0;
    for (const t of g.types) {
      const ti = DWELLING_TYPES.indexOf(t);
      count += n[ti]!;
      if (n[ti]! > 0) total += mean[ti]! * n[ti]!;
    }
    if (count === 0) return fail({ code: 'calibration.empty-group', path: ['groups', g.id], message: `no dwellings of ${g.types.join(', ')} in the stock to calibrate "${g.id}" on` });
    const modelled = total / count;
    const k = g.measuredM3 / modelled;
    for (const t of g.types) kByType[t] = k;
    groups.push({
      id: g.id, dwellings: count, measuredM3: g.measuredM3, uncalibratedM3: modelled, k,
      effectiveOvershoot: { cavityWall: o.cavityWall / k, roof: o.roof / k, floor: o.floor / k, glazing: o.glazing / k },
    });
  }
  for (const t of DWELLING_TYPES) {
    if (kByType[t] !== undefined) continue;
    const from = targets.fallback[t];
    const group = groups.find((g) => g.id === from);
    if (!group) return fail({ code: 'calibration.no-target', path: ['fallback', t], message: `type ${t} has no measured target and no fallback group` });
    kByType[t] = group.k;
    warnings.push({ code: 'calibration.fallback', path: ['fallback', t], message: `${t}: no measured gas use; uses the factor of "${group.id}"` });
  }
  const fit = fitEp2Scale(stock, raw.ep2);
  return ok({
    calibration: { kByType, ep2Scale: fit.scale },
    groups,
    labelFit: { exact: fit.n ? fit.exact / fit.n : 0, withinOne: fit.n ? fit.withinOne / fit.n : 0, dwellings: fit.n },
  }, warnings);
}
