import type { DwellingColumns } from '../dwelling-table.ts';

/**
 * The dwellings the housing simulation starts from: the columns it needs of the dwelling table,
 * plain data so it crosses a worker boundary by structured clone.
 */
export interface HousingStock {
  count: number;
  /** Dictionary of buurt codes (sorted); `buurt[i]` indexes into it. */
  buurtCodes: string[];
  buurt: Uint16Array;
  /** Index into DWELLING_TYPES. */
  type: Uint8Array;
  /** Index into OWNERSHIP_CATEGORIES. */
  ownership: Uint8Array;
  /** Index into ENERGY_LABELS. */
  label: Uint8Array;
  /** m² */
  oppervlakte: Float32Array;
  floorLevel: Uint8Array;
  bouwjaar: Uint16Array;
  /** Building (pand) number, the same for dwellings of one pand; demolition and merging go by pand. */
  pand: Int32Array;
  /** BAG verblijfsobject ids, for linking a saved retrofit plan. */
  vboId: string[];
  /** Registered net (kale) rent per month, € (a corporation's portfolio register); NaN = none, imputed by the scenario. */
  rent: Float32Array;
}

/**
 * The housing stock of a dwelling table, optionally only the dwellings of some buurten (order kept); `rents` maps a
 * BAG verblijfsobject id to its registered monthly rent (the portfolio register's `huur`).
 */
export function housingStockFrom(
  t: DwellingColumns,
  buurten?: readonly string[],
  rents?: ReadonlyMap<string, number>,
): HousingStock {
  const keep: number[] = [];
  const wanted = buurten ? new Set(buurten) : null;
  for (let i = 0; i < t.count; i++) if (!wanted || wanted.has(t.buurtCodes[t.buurt[i]!]!)) keep.push(i);
  const codes = [...new Set(keep.map((i) => t.buurtCodes[t.buurt[i]!]!))].sort();
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const pandIndex = new Map<string, number>();
  const n = keep.length;
  const s = emptyHousingStock(n, codes);
  keep.forEach((src, i) => {
    s.buurt[i] = codeIndex.get(t.buurtCodes[t.buurt[src]!]!)!;
    s.type[i] = t.type[src]!;
    s.ownership[i] = t.ownership[src]!;
    s.label[i] = t.label[src]!;
    s.oppervlakte[i] = t.oppervlakte[src]!;
    s.floorLevel[i] = t.floorLevel[src]!;
    s.bouwjaar[i] = t.bouwjaar[src]!;
    const p = t.pandId[src]!;
    let k = pandIndex.get(p);
    if (k === undefined) pandIndex.set(p, (k = pandIndex.size));
    s.pand[i] = k;
    s.vboId[i] = t.vboId[src]!;
    s.rent[i] = rents?.get(s.vboId[i]) ?? Number.NaN;
  });
  return s;
}

/** A stock of `n` dwellings with zeroed columns over the buurten `codes`, for a builder to fill. */
export function emptyHousingStock(n: number, codes: string[]): HousingStock {
  return {
    count: n,
    buurtCodes: codes,
    buurt: new Uint16Array(n),
    type: new Uint8Array(n),
    ownership: new Uint8Array(n),
    label: new Uint8Array(n),
    oppervlakte: new Float32Array(n),
    floorLevel: new Uint8Array(n),
    bouwjaar: new Uint16Array(n),
    pand: new Int32Array(n),
    vboId: new Array<string>(n),
    rent: new Float32Array(n).fill(Number.NaN),
  };
}
