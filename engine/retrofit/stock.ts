/**
 * The columns the retrofit scoring reads: the dwelling table's attributes plus, per dwelling, its
 * building's storeys, roof shape and façade direction, and per buurt the low-income share. Plain typed
 * arrays, so a stock crosses a worker boundary by transfer.
 */
import type { Dataset } from '../dataset.ts';
import type { DwellingColumns } from '../dwelling-table.ts';
import { AZIMUTH_UNKNOWN } from './ecology.ts';
import { latestRows, MEASURED_SOURCES, measuredTargetOf } from './measured-targets.ts';

/** Building- and buurt-derived columns aligned with a DwellingColumns table (same order and count). */
export interface RetrofitContext {
  count: number;
  /** Storeys of the dwelling's building; 0 = unknown. */
  storeys: Uint8Array;
  /** 1 = flat roof, 0 = pitched. */
  flatRoof: Uint8Array;
  /** Front façade azimuth in whole degrees 0..359; AZIMUTH_UNKNOWN when unknown. */
  facadeAzimuthDeg: Uint16Array;
  /** Price mode per dwelling: 0 = by rule (project price for corporation or VvE), 1 = individual, 2 = project. */
  priceMode: Uint8Array;
  /** Low-income share (0–1) per entry of the table's buurtCodes; NaN when the dataset has none. */
  buurtLowIncomeShare: Float32Array;
  /** Measured gas use per dwelling from imported CBS rows (measured-use.ts); NaN when the dataset has none. */
  measuredGasM3: Float32Array;
  /** Where each dwelling's measured figure came from: index into MEASURED_SOURCES; MEASURED_NONE without CBS rows. */
  measuredSource: Uint8Array;
}

/** measuredSource of a dwelling when the dataset has no imported CBS gas-use rows (the shipped level 1 applies). */
export const MEASURED_NONE = 255;

export type StockColumns = Pick<
  DwellingColumns,
  | 'count'
  | 'type'
  | 'bouwjaar'
  | 'oppervlakte'
  | 'ownership'
  | 'vve'
  | 'label'
  | 'cavityWall'
  | 'roof'
  | 'floor'
  | 'glazing'
  | 'elementsKnown'
  | 'floorLevel'
  | 'buurt'
>;

/**
 * Everything the hot loop reads. `label` 255 = unknown (estimate it); `floorLevel` 255 = unknown (apartments
 * then get "position-unknown" for roof and floor).
 */
export type RetrofitStock = StockColumns & Omit<RetrofitContext, 'count' | 'measuredGasM3' | 'measuredSource'>;

export const LABEL_UNKNOWN = 255;
export const FLOOR_LEVEL_UNKNOWN = 255;

/** The context of a dataset's dwellings, in the order of `dataset.dwellings` (= toColumns order). */
export function retrofitContext(ds: Dataset, buurtCodes: readonly string[]): RetrofitContext {
  const n = ds.dwellings.length;
  const buildings = new Map(ds.buildings.map((b) => [b.pandId, b]));
  const ctx: RetrofitContext = {
    count: n,
    storeys: new Uint8Array(n),
    flatRoof: new Uint8Array(n),
    facadeAzimuthDeg: new Uint16Array(n).fill(AZIMUTH_UNKNOWN),
    priceMode: new Uint8Array(n),
    buurtLowIncomeShare: new Float32Array(buurtCodes.length).fill(NaN),
    measuredGasM3: new Float32Array(n).fill(NaN),
    measuredSource: new Uint8Array(n).fill(MEASURED_NONE),
  };
  if (ds.measuredGasUse?.length) {
    const latest = latestRows(ds.measuredGasUse);
    ds.dwellings.forEach((d, i) => {
      const m = measuredTargetOf(d.type, d.buurtcode, latest);
      ctx.measuredGasM3[i] = m.gasM3;
      ctx.measuredSource[i] = MEASURED_SOURCES.indexOf(m.source);
    });
  }
  ds.dwellings.forEach((d, i) => {
    const b = buildings.get(d.pandId);
    if (!b) return; // no building record: storeys 0 (unknown position for flats), roof counted as pitched
    ctx.storeys[i] = Math.min(b.storeys, 255);
    ctx.flatRoof[i] = b.roofShape === 'plat' ? 1 : 0;
    ctx.facadeAzimuthDeg[i] = Math.floor(b.facadeAzimuthDeg) % 360;
  });
  const shares = new Map(ds.buurten.map((b) => [b.buurtcode, b.lowIncomeShare]));
  buurtCodes.forEach((code, k) => {
    const s = shares.get(code);
    if (s !== null && s !== undefined) ctx.buurtLowIncomeShare[k] = s;
  });
  return ctx;
}

/** Joins a dwelling table and its context into the stock the scoring reads (no copies). */
export function stockOf(t: DwellingColumns, ctx: RetrofitContext): RetrofitStock {
  if (t.count !== ctx.count) throw new Error(`retrofit context has ${ctx.count} dwellings, the table ${t.count}`);
  return {
    count: t.count,
    type: t.type,
    bouwjaar: t.bouwjaar,
    oppervlakte: t.oppervlakte,
    ownership: t.ownership,
    vve: t.vve,
    label: t.label,
    cavityWall: t.cavityWall,
    roof: t.roof,
    floor: t.floor,
    glazing: t.glazing,
    elementsKnown: t.elementsKnown,
    floorLevel: t.floorLevel,
    buurt: t.buurt,
    storeys: ctx.storeys,
    flatRoof: ctx.flatRoof,
    facadeAzimuthDeg: ctx.facadeAzimuthDeg,
    priceMode: ctx.priceMode,
    buurtLowIncomeShare: ctx.buurtLowIncomeShare,
  };
}

/** The typed arrays of a stock, for transfer to a worker. */
export function stockBuffers(s: RetrofitStock): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(s)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  return [...out];
}

/** Plain-JSON form of a context, for HTTP (NaN shares become null). */
export interface RetrofitContextJson {
  count: number;
  storeys: number[];
  flatRoof: number[];
  facadeAzimuthDeg: number[];
  priceMode: number[];
  buurtLowIncomeShare: (number | null)[];
  measuredGasM3: (number | null)[];
  measuredSource: number[];
}

export function contextToJson(c: RetrofitContext): RetrofitContextJson {
  return {
    count: c.count,
    storeys: Array.from(c.storeys),
    flatRoof: Array.from(c.flatRoof),
    facadeAzimuthDeg: Array.from(c.facadeAzimuthDeg),
    priceMode: Array.from(c.priceMode),
    buurtLowIncomeShare: Array.from(c.buurtLowIncomeShare, (x) => (Number.isNaN(x) ? null : x)),
    measuredGasM3: Array.from(c.measuredGasM3, (x) => (Number.isNaN(x) ? null : x)),
    measuredSource: Array.from(c.measuredSource),
  };
}

/** Rebuilds a context from its JSON form (the browser's engine worker re-scores locally with it); throws naming the first bad column. */
export function contextFromJson(json: unknown): RetrofitContext {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const count = o.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    throw new TypeError('retrofit context: "count" must be a non-negative integer');
  const column = <T extends Uint8Array | Uint16Array>(k: string, Ctor: { from(xs: number[]): T }, max: number): T => {
    const v = o[k];
    if (!Array.isArray(v) || v.length !== count || !v.every((x) => Number.isInteger(x) && x >= 0 && x <= max))
      throw new TypeError(`retrofit context: "${k}" must be ${count} integers 0–${max}`);
    return Ctor.from(v as number[]);
  };
  const gas = o.measuredGasM3;
  if (!Array.isArray(gas) || gas.length !== count || !gas.every((x) => x === null || (typeof x === 'number' && x >= 0)))
    throw new TypeError(`retrofit context: "measuredGasM3" must be ${count} values ≥ 0 or null`);
  const measured = Float32Array.from(gas as (number | null)[], (x) => (x === null ? NaN : x));
  const shares = o.buurtLowIncomeShare;
  if (!Array.isArray(shares) || !shares.every((x) => x === null || (typeof x === 'number' && x >= 0 && x <= 1)))
    throw new TypeError('retrofit context: "buurtLowIncomeShare" must be shares 0–1 or null');
  return {
    count,
    storeys: column('storeys', Uint8Array, 255),
    flatRoof: column('flatRoof', Uint8Array, 1),
    facadeAzimuthDeg: column('facadeAzimuthDeg', Uint16Array, AZIMUTH_UNKNOWN),
    priceMode: column('priceMode', Uint8Array, 2),
    buurtLowIncomeShare: Float32Array.from(shares as (number | null)[], (x) => (x === null ? NaN : x)),
    measuredGasM3: measured,
    measuredSource: column('measuredSource', Uint8Array, MEASURED_NONE),
  };
}
