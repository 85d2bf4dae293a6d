/**
 * Measured gas use per dwelling for the calibration: the dwelling's own buurt row of CBS "Energieverbruik
 * particuliere woningen" for its type, else its wijk's, else its gemeente's, else the shipped regional proxy
 * (Zundert's rows of 85999NED, labelled as a proxy). Every dwelling says which it used. A suppressed cell
 * (null) counts as missing and falls through to the next level. The level per type group is then
 * Σ measured ÷ Σ modelled over the group's dwellings (docs/retrofit-model.md).
 */
import { DWELLING_TYPES, type DwellingType } from '../dwelling.ts';
import { fail, ok, type Result } from '../result.ts';
import type { MeasuredGasUse } from '../registers.ts';
import { uncalibratedScores } from './calibration.ts';
import { latestRows, MEASURED_SOURCES, measuredTargetOf, type MeasuredSource } from './measured-targets.ts';
import type { Calibration, RetrofitParams } from './params.ts';
import { MEASURED_NONE, type RetrofitStock } from './stock.ts';

export interface MeasuredTargets {
  /** Measured m³/yr per dwelling. */
  gasM3: Float64Array;
  /** Index into MEASURED_SOURCES per dwelling. */
  source: Uint8Array;
  /** Dwellings per source. */
  counts: Record<MeasuredSource, number>;
  /** Year of the rows used (latest per region × characteristic). */
  year: number | null;
}

/** Each dwelling's measured gas use and where it came from; `buurtCodes[stock.buurt[i]]` is its BU code. */
export function measuredTargets(
  stock: Pick<RetrofitStock, 'count' | 'type' | 'buurt'>,
  buurtCodes: readonly string[],
  rows: readonly MeasuredGasUse[],
): MeasuredTargets {
  const latest = latestRows(rows);
  const gasM3 = new Float64Array(stock.count),
    source = new Uint8Array(stock.count);
  const counts = Object.fromEntries(MEASURED_SOURCES.map((s) => [s, 0])) as Record<MeasuredSource, number>;
  let year: number | null = null;
  for (let i = 0; i < stock.count; i++) {
    const m = measuredTargetOf(DWELLING_TYPES[stock.type[i]!]!, buurtCodes[stock.buurt[i]!] ?? '', latest);
    gasM3[i] = m.gasM3;
    source[i] = MEASURED_SOURCES.indexOf(m.source);
    if (m.year !== null) year = Math.max(year ?? 0, m.year);
    counts[m.source]++;
  }
  return { gasM3, source, counts, year };
}

/** Per-type levels Σ measured ÷ Σ modelled (1 for a type without dwellings). */
export function levelsFrom(
  type: Uint8Array,
  modelled: ArrayLike<number>,
  measured: ArrayLike<number>,
): Record<DwellingType, number> {
  const sumM = new Float64Array(DWELLING_TYPES.length),
    sumT = new Float64Array(DWELLING_TYPES.length);
  for (let i = 0; i < type.length; i++) {
    sumM[type[i]!]! += modelled[i]!;
    sumT[type[i]!]! += measured[i]!;
  }
  return Object.fromEntries(DWELLING_TYPES.map((t, k) => [t, sumM[k]! > 0 ? sumT[k]! / sumM[k]! : 1])) as Record<
    DwellingType,
    number
  >;
}

export interface MeasuredCalibration {
  calibration: Calibration;
  targets: MeasuredTargets;
  /** Per type: dwellings, Σ measured ÷ Σ modelled (the level). */
  levels: { type: DwellingType; dwellings: number; level: number }[];
}

/** Levels per type so the stock's modelled use meets each dwelling's measured row in total. */
export function calibrateToMeasured(
  stock: RetrofitStock,
  buurtCodes: readonly string[],
  params: RetrofitParams,
  rows: readonly MeasuredGasUse[],
): Result<MeasuredCalibration> {
  const targets = measuredTargets(stock, buurtCodes, rows);
  if (stock.count === 0)
    return fail({ code: 'calibration.empty-group', path: ['stock'], message: 'no dwellings to calibrate on' });
  const kByType = levelsFrom(stock.type, uncalibratedScores(stock, params).gasM3, targets.gasM3);
  const levels = DWELLING_TYPES.map((type, t) => ({
    type,
    dwellings: stock.type.filter((x) => x === t).length,
    level: kByType[type],
  }));
  return ok({ calibration: { kByType, ep2ScaleByType: params.calibration.ep2ScaleByType }, targets, levels });
}

/** The params with type levels from the context's measured figures; unchanged when the dataset has no CBS rows. */
export function paramsForMeasured(
  params: RetrofitParams,
  stock: RetrofitStock,
  measuredGasM3: Float32Array,
  measuredSource: Uint8Array,
): RetrofitParams {
  if (measuredSource.every((s) => s === MEASURED_NONE)) return params;
  const kByType = levelsFrom(stock.type, uncalibratedScores(stock, params).gasM3, measuredGasM3);
  return { ...params, calibration: { kByType, ep2ScaleByType: params.calibration.ep2ScaleByType } };
}

/** What dwelling i's measured figure was, for its detail. */
export function measuredUseOf(
  measuredGasM3: Float32Array,
  measuredSource: Uint8Array,
  i: number,
): { source: MeasuredSource | 'none'; gasM3: number | null } {
  const s = measuredSource[i]!;
  return s === MEASURED_NONE
    ? { source: 'none', gasM3: null }
    : { source: MEASURED_SOURCES[s]!, gasM3: measuredGasM3[i]! };
}
