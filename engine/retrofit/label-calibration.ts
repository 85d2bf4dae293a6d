/**
 * The label before of a dwelling without a registered label: the plain physics' EP2 estimate times a scale per
 * dwelling type, put into the NTA 8800 classes (labels.ts). The simple heat balance does not reproduce NTA 8800's
 * EP2 equally for every type (on the shipped stock it puts terraced houses 1.5–2 classes too low and flats 1–1.7
 * too high); the registered (EP-Online) labels of the same stock say by how much. So the scale of a type is chosen
 * on the dwellings that HAVE a registered label and applied only to those that do not: no label is ever fitted to
 * itself, and a registered label always overrides the estimate (score-table.ts). Method in docs/retrofit-model.md.
 *
 * The scale never touches gas use or savings: the prebound factor follows the unscaled physics (heat-model.ts).
 */
import { DWELLING_TYPES, type DwellingType } from '../dwelling.ts';
import { ok, type Issue, type Result } from '../result.ts';
import { labelIndexOf } from './labels.ts';
import type { RetrofitParams } from './params.ts';
import { allocScores, scoreRange } from './score-table.ts';
import { buildScoreTables } from './score-tables.ts';
import { LABEL_UNKNOWN, type RetrofitStock } from './stock.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

/** Scales tried, 0.3 … 2.5 in steps of 0.025 (a grid, so the result is exact and reproducible). */
export const EP2_SCALE_GRID: readonly number[] = Array.from(
  { length: 89 },
  (_, k) => Math.round((0.3 + k * 0.025) * 1000) / 1000,
);
/** Fewer registered labels than this in a type: it keeps the base params' scale (and a warning says so). */
export const MIN_REGISTERED_PER_TYPE = 30;

export interface LabelCalibration {
  ep2ScaleByType: Record<DwellingType, number>;
  types: { type: DwellingType; registered: number; scale: number; exact: number; withinOne: number }[];
}

/** The plain physics' EP2 estimate of every dwelling (scale 1, labels treated as unknown). */
export function plainEp2(stock: RetrofitStock, params: RetrofitParams): Float32Array {
  const raw: RetrofitParams = {
    ...params,
    calibration: { ...params.calibration, ep2ScaleByType: ones() },
  };
  const codes = new Array<string>(stock.buurtLowIncomeShare.length).fill('');
  const tables = buildScoreTables(raw, DEFAULT_WEIGHTS, codes, stock.buurtLowIncomeShare);
  const out = allocScores(stock.count);
  scoreRange({ ...stock, label: new Uint8Array(stock.count).fill(LABEL_UNKNOWN) }, tables, out, 0, stock.count);
  return out.ep2;
}

function ones(): Record<DwellingType, number> {
  return Object.fromEntries(DWELLING_TYPES.map((t) => [t, 1])) as Record<DwellingType, number>;
}

/**
 * Per type, the grid scale with the most registered labels placed exactly plus within one class (ties: the scale
 * nearest 1). `use(i)` selects the registered labels the calibration may see (default: all registered ones).
 */
export function calibrateLabels(
  stock: RetrofitStock,
  params: RetrofitParams,
  use: (i: number) => boolean = () => true,
): Result<LabelCalibration> {
  const ep2 = plainEp2(stock, params);
  const ep2ScaleByType = { ...params.calibration.ep2ScaleByType };
  const types: LabelCalibration['types'] = [];
  const warnings: Issue[] = [];
  DWELLING_TYPES.forEach((type, t) => {
    const rows: number[] = [];
    for (let i = 0; i < stock.count; i++)
      if (stock.type[i] === t && stock.label[i] !== LABEL_UNKNOWN && use(i)) rows.push(i);
    const scoreAt = (s: number): { exact: number; within: number } => {
      let exact = 0,
        within = 0;
      for (const i of rows) {
        const d = labelIndexOf(ep2[i]! * s) - stock.label[i]!;
        if (d === 0) exact++;
        if (d >= -1 && d <= 1) within++;
      }
      return { exact, within };
    };
    let scale = ep2ScaleByType[type];
    if (rows.length < MIN_REGISTERED_PER_TYPE) {
      warnings.push({
        code: 'labels.calibration.few',
        path: ['types', type],
        message: `${type}: ${rows.length} registered labels (fewer than ${MIN_REGISTERED_PER_TYPE}); keeps the base EP2 scale ${scale}`,
      });
    } else {
      let best = -1;
      scale = 1;
      for (const s of EP2_SCALE_GRID) {
        const r = scoreAt(s);
        const v = r.exact + r.within;
        if (v > best || (v === best && Math.abs(s - 1) < Math.abs(scale - 1))) {
          best = v;
          scale = s;
        }
      }
    }
    ep2ScaleByType[type] = scale;
    const r = scoreAt(scale);
    const n = Math.max(rows.length, 1);
    types.push({ type, registered: rows.length, scale, exact: r.exact / n, withinOne: r.within / n });
  });
  return ok({ ep2ScaleByType, types }, warnings);
}

/** The params with EP2 label scales from the stock's registered labels; unchanged when it has none. */
export function paramsForLabels(params: RetrofitParams, stock: RetrofitStock): RetrofitParams {
  if (stock.label.every((l) => l === LABEL_UNKNOWN)) return params;
  const r = calibrateLabels(stock, params);
  if (!r.ok) return params;
  return { ...params, calibration: { ...params.calibration, ep2ScaleByType: r.value.ep2ScaleByType } };
}
