/**
 * Deterministic choice of the dwellings a planned intervention touches (demolition by pand, oldest
 * first; splitting the largest; merging neighbours in one pand; retrofit worst label first).
 * Plans are decisions, not chance: every run demolishes the same dwellings.
 */
import { GROUND_BOUND_BY_TYPE, TENURE_OF_OWNERSHIP } from './codes.ts';
import type { HousingStock } from './stock.ts';

export interface Filter {
  buurten: readonly number[];
  typeMask: number;
  tenureMask: number;
  /** Dwellings already claimed by another planned intervention. */
  reserved: Uint8Array;
}

/** Stock indexes matching a filter, ascending. */
export function candidates(s: HousingStock, f: Filter, extra?: (i: number) => boolean): number[] {
  const inArea = new Uint8Array(s.buurtCodes.length);
  for (const b of f.buurten) inArea[b] = 1;
  const out: number[] = [];
  for (let i = 0; i < s.count; i++) {
    if (!inArea[s.buurt[i]!] || f.reserved[i]) continue;
    if (!((f.typeMask >> s.type[i]!) & 1)) continue;
    if (!((f.tenureMask >> TENURE_OF_OWNERSHIP[s.ownership[i]!]!) & 1)) continue;
    if (extra && !extra(i)) continue;
    out.push(i);
  }
  return out;
}

/** Whole panden, oldest build year first (then pand, then dwelling order), until `count` dwellings; the last pand may be partial. */
export function pickForDemolition(s: HousingStock, list: number[], count: number): number[] {
  const sorted = [...list].sort((a, b) => s.bouwjaar[a]! - s.bouwjaar[b]! || s.pand[a]! - s.pand[b]! || a - b);
  return sorted.slice(0, count).sort((a, b) => a - b);
}

/** The largest dwellings first. */
export function pickForSplit(s: HousingStock, list: number[], count: number): number[] {
  return [...list]
    .sort((a, b) => s.oppervlakte[b]! - s.oppervlakte[a]! || a - b)
    .slice(0, count)
    .sort((a, b) => a - b);
}

/** Pairs of apartments in the same pand and storey-adjacent order: [keep, remove, keep, remove, …]. */
export function pickMergePairs(s: HousingStock, list: number[], count: number): number[] {
  const apartments = list.filter((i) => !GROUND_BOUND_BY_TYPE[s.type[i]!]);
  apartments.sort((a, b) => s.pand[a]! - s.pand[b]! || s.floorLevel[a]! - s.floorLevel[b]! || a - b);
  const pairs: number[] = [];
  for (let k = 0; k + 1 < apartments.length && pairs.length < count * 2; k++) {
    const a = apartments[k]!,
      b = apartments[k + 1]!;
    if (s.pand[a] !== s.pand[b]) continue;
    pairs.push(a, b);
    k++;
  }
  return pairs;
}

/** How many merge pairs a candidate list offers. */
export function countMergePairs(s: HousingStock, list: number[]): number {
  return pickMergePairs(s, list, Number.MAX_SAFE_INTEGER).length / 2;
}

/** Worst label first, then stock order. */
export function pickForRetrofit(s: HousingStock, list: number[], count: number): number[] {
  return [...list].sort((a, b) => s.label[b]! - s.label[a]! || a - b).slice(0, count);
}
