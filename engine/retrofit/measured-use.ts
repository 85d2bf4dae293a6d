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
import { uncalibratedScores, ZUNDERT_2023 } from './calibration.ts';
import type { Calibration, RetrofitParams } from './params.ts';
import type { RetrofitStock } from './stock.ts';

export const MEASURED_SOURCES = ['buurt', 'wijk', 'gemeente', 'regional-proxy'] as const;
export type MeasuredSource = (typeof MEASURED_SOURCES)[number];

/** The CBS characteristic of a dwelling type (flats of every kind are CBS's "appartement"). */
export const CBS_CHARACTERISTIC: Readonly<Record<DwellingType, MeasuredGasUse['characteristic']>> = {
  portiek: 'appartement', galerij: 'appartement', maisonnette: 'appartement', overig: 'appartement',
  tussenwoning: 'tussenwoning', hoekwoning: 'hoekwoning', 'twee-onder-een-kap': 'twee-onder-een-kap', vrijstaand: 'vrijstaand',
};

/** Measured m³ of the regional proxy for a type (its group, or the group its fallback names). */
function proxyOf(type: DwellingType): number {
  const group = ZUNDERT_2023.groups.find((g) => g.types.includes(type))
    ?? ZUNDERT_2023.groups.find((g) => g.id === ZUNDERT_2023.fallback[type]);
  if (!group) throw new Error(`regional proxy has no figure for ${type}`);
  return group.measuredM3;
}

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
export function measuredTargets(stock: RetrofitStock, buurtCodes: readonly string[], rows: readonly MeasuredGasUse[]): MeasuredTargets {
  const latest = new Map<string, MeasuredGasUse>();
  for (const r of rows) {
    const key = `${r.regionCode}|${r.characteristic}`;
    const have = latest.get(key);
    if (!have || r.year > have.year) latest.set(key, r);
  }
  const gasM3 = new Float64Array(stock.count), source = new Uint8Array(stock.count);
  const counts = Object.fromEntries(MEASURED_SOURCES.map((s) => [s, 0])) as Record<MeasuredSource, number>;
  let year: number | null = null;
  for (let i = 0; i < stock.count; i++) {
    const type = DWELLING_TYPES[stock.type[i]!]!;
    const bu = buurtCodes[stock.buurt[i]!] ?? '';
    const regions = /^BU\d{8}$/.test(bu) ? [bu, `WK${bu.slice(2, 8)}`, `GM${bu.slice(2, 6)}`] : [];
    let s = MEASURED_SOURCES.indexOf('regional-proxy'), m = proxyOf(type);
    for (let level = 0; level < regions.length; level++) {
      const row = latest.get(`${regions[level]}|${CBS_CHARACTERISTIC[type]}`);
      if (row && row.gasM3 !== null) {
        s = level; m = row.gasM3;
        year = Math.max(year ?? 0, row.year);
        break;
      }
    }
    gasM3[i] = m; source[i] = s;
    counts[MEASURED_SOURCES[s]!]++;
  }
  return { gasM3, source, counts, year };
}

export interface MeasuredCalibration {
  calibration: Calibration;
  targets: MeasuredTargets;
  /** Per type: dwellings, Σ measured ÷ Σ modelled (the level). */
  levels: { type: DwellingType; dwellings: number; level: number }[];
}

/** Levels per type so the stock's modelled use meets each dwelling's measured row in total. */
export function calibrateToMeasured(stock: RetrofitStock, buurtCodes: readonly string[], params: RetrofitParams, rows: readonly MeasuredGasUse[]): Result<MeasuredCalibration> {
  const targets = measuredTargets(stock, buurtCodes, rows);
  const modelled = uncalibratedScores(stock, params).gasM3;
  const n = new Float64Array(DWELLING_TYPES.length), sumM = new Float64Array(DWELLING_TYPES.length), sumT = new Float64Array(DWELLING_TYPES.length);
  for (let i = 0; i < stock.count; i++) {
    const t = stock.type[i]!;
    n[t]!++; sumM[t]! += modelled[i]!; sumT[t]! += targets.gasM3[i]!;
  }
  if (stock.count === 0) return fail({ code: 'calibration.empty-group', path: ['stock'], message: 'no dwellings to calibrate on' });
  const kByType = {} as Record<DwellingType, number>;
  const levels: MeasuredCalibration['levels'] = [];
  DWELLING_TYPES.forEach((type, t) => {
    kByType[type] = n[t]! > 0 && sumM[t]! > 0 ? sumT[t]! / sumM[t]! : 1;
    levels.push({ type, dwellings: n[t]!, level: kByType[type] });
  });
  return ok({ calibration: { kByType, ep2Scale: 1 }, targets, levels });
}
