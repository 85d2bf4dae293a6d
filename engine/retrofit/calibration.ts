/**
 * Calibration of the heat model's level to measured gas use.
 *
 * Method (docs/retrofit-model.md). The prebound effect is corrected once, per dwelling: gas use and every
 * saving are the plain physics times the dwelling's prebound factor (heat-model.ts), a published curve of
 * measured ÷ theoretical use. Calibration only checks and, when asked, sets a level per dwelling-type group so the
 * stock's mean modelled use meets measured use (CBS "Energieverbruik particuliere woningen"): level = measured mean
 * ÷ modelled mean. It never divides per element again, and it never touches the EP2 label scales
 * (label-calibration.ts, calibrated on registered labels only).
 *
 * The shipped default level is 1 (the prebound curve alone): the shipped stock is synthetic, and scaling the
 * physics to make a synthetic stock hit measured use would only move its errors into every saving. `calibrate`
 * reports the ratio for the shipped regional proxy (Zundert's rows of 85999NED, labelled as a proxy) and for the
 * imported Roosendaal rows.
 */
import { DWELLING_TYPES, type DwellingType } from '../dwelling.ts';
import { ZUNDERT_2023, type CalibrationTargets } from './measured-targets.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import type { Calibration, RetrofitParams } from './params.ts';
import { allocScores, scoreRange, type ScoreColumns } from './score-table.ts';
import { buildScoreTables } from './score-tables.ts';
import { LABEL_UNKNOWN, type RetrofitStock } from './stock.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

export interface CalibrationResult {
  calibration: Calibration;
  groups: {
    id: string;
    dwellings: number;
    measuredM3: number;
    /** Mean modelled gas use at level 1 (the prebound curve alone), m³/yr. */
    uncalibratedM3: number;
    /** Level = measured ÷ modelled mean. */
    k: number;
  }[];
}

/** One pass at level 1 (labels treated as unknown): gas use with the prebound curve alone, and the EP2 estimates. */
export function uncalibratedScores(stock: RetrofitStock, params: RetrofitParams): ScoreColumns {
  const raw: RetrofitParams = {
    ...params,
    calibration: {
      kByType: Object.fromEntries(DWELLING_TYPES.map((t) => [t, 1])) as Record<DwellingType, number>,
      ep2ScaleByType: params.calibration.ep2ScaleByType,
    },
  };
  const codes = new Array<string>(stock.buurtLowIncomeShare.length).fill('');
  const tables = buildScoreTables(raw, DEFAULT_WEIGHTS, codes, stock.buurtLowIncomeShare);
  const out = allocScores(stock.count);
  scoreRange({ ...stock, label: new Uint8Array(stock.count).fill(LABEL_UNKNOWN) }, tables, out, 0, stock.count);
  return out;
}

/** Mean of `values` per dwelling type. */
export function meanByType(stock: RetrofitStock, values: Float32Array): { n: Float64Array; mean: Float64Array } {
  const n = new Float64Array(DWELLING_TYPES.length),
    sum = new Float64Array(DWELLING_TYPES.length);
  for (let i = 0; i < stock.count; i++) {
    n[stock.type[i]!]!++;
    sum[stock.type[i]!]! += values[i]!;
  }
  return { n, mean: sum.map((s, t) => (n[t]! > 0 ? s / n[t]! : NaN)) };
}

/** Per-type levels so the stock's mean modelled gas use matches the measured targets. */
export function calibrate(
  stock: RetrofitStock,
  params: RetrofitParams,
  targets: CalibrationTargets = ZUNDERT_2023,
): Result<CalibrationResult> {
  const raw = uncalibratedScores(stock, params);
  const { n, mean } = meanByType(stock, raw.gasM3);
  const kByType = {} as Record<DwellingType, number>;
  const groups: CalibrationResult['groups'] = [];
  const warnings: Issue[] = [];
  for (const g of targets.groups) {
    let count = 0,
      total = 0;
    for (const t of g.types) {
      const ti = DWELLING_TYPES.indexOf(t);
      count += n[ti]!;
      if (n[ti]! > 0) total += mean[ti]! * n[ti]!;
    }
    if (count === 0)
      return fail({
        code: 'calibration.empty-group',
        path: ['groups', g.id],
        message: `no dwellings of ${g.types.join(', ')} in the stock to calibrate "${g.id}" on`,
      });
    const modelled = total / count;
    const k = g.measuredM3 / modelled;
    for (const t of g.types) kByType[t] = k;
    groups.push({
      id: g.id,
      dwellings: count,
      measuredM3: g.measuredM3,
      uncalibratedM3: modelled,
      k,
    });
  }
  for (const t of DWELLING_TYPES) {
    if (kByType[t] !== undefined) continue;
    const from = targets.fallback[t];
    const group = groups.find((g) => g.id === from);
    if (!group)
      return fail({
        code: 'calibration.no-target',
        path: ['fallback', t],
        message: `type ${t} has no measured target and no fallback group`,
      });
    kByType[t] = group.k;
    warnings.push({
      code: 'calibration.fallback',
      path: ['fallback', t],
      message: `${t}: no measured gas use; uses the factor of "${group.id}"`,
    });
  }
  return ok({ calibration: { kByType, ep2ScaleByType: params.calibration.ep2ScaleByType }, groups }, warnings);
}

export { ZUNDERT_2023, type CalibrationGroup, type CalibrationTargets } from './measured-targets.ts';
