/**
 * Filters of the retrofit layer — ownership (eigendom), buurt and dwelling type — as a MapLibre layer filter
 * on the tile properties and as the same predicate over the columns, for the legend counts.
 */
import type { FilterSpecification } from 'maplibre-gl';
import { DWELLING_TYPES, OWNERSHIP_CATEGORIES } from '../../../engine/dwelling.ts';
import type { RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';
import { classOf, RETROFIT_LAYERS, type RetrofitLayerId } from './retrofit-layers.ts';

export const FILTER_FIELDS = ['ownership', 'buurt', 'type'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Allowed values per field; null means no filter on the field (everything). */
export type RetrofitFilter = Record<FilterField, readonly string[] | null>;

export const NO_FILTER: RetrofitFilter = { ownership: null, buurt: null, type: null };

/** Property of the `dwellings` tile layer holding each field. */
const TILE_PROPERTY: Record<FilterField, string> = { ownership: 'ownership', buurt: 'buurtcode', type: 'type' };

export function isFiltered(f: RetrofitFilter): boolean {
  return FILTER_FIELDS.some((k) => f[k] !== null);
}

/** Layer filter for MapLibre, or null when nothing is filtered. */
export function filterExpression(f: RetrofitFilter): FilterSpecification | null {
  const parts = FILTER_FIELDS.flatMap((k) => {
    const allowed = f[k];
    return allowed === null ? [] : [['in', ['get', TILE_PROPERTY[k]], ['literal', [...allowed]]]];
  });
  if (parts.length === 0) return null;
  return (parts.length === 1 ? parts[0] : ['all', ...parts]) as FilterSpecification;
}

/** Per-dwelling predicate of the filter over the columns. */
export function filterPredicate(f: RetrofitFilter, c: RetrofitMapColumns): (i: number) => boolean {
  const indexes = (allowed: readonly string[] | null, list: readonly string[]): Uint8Array | null => {
    if (allowed === null) return null;
    const ok = new Uint8Array(list.length);
    for (const v of allowed) {
      const k = list.indexOf(v);
      if (k >= 0) ok[k] = 1;
    }
    return ok;
  };
  const own = indexes(f.ownership, OWNERSHIP_CATEGORIES);
  const buurt = indexes(f.buurt, c.buurtCodes);
  const type = indexes(f.type, DWELLING_TYPES);
  return (i) =>
    (!own || own[c.ownership[i]!] === 1) && (!buurt || buurt[c.buurt[i]!] === 1) && (!type || type[c.type[i]!] === 1);
}

export interface LayerCounts {
  /** Dwellings per class of the layer, in legend order. */
  perClass: number[];
  /** Dwellings that pass the filter. */
  shown: number;
  /** Dwellings in the stock. */
  total: number;
}

/** Legend counts of a layer for the dwellings that pass the filter. */
export function layerCounts(layer: RetrofitLayerId, c: RetrofitMapColumns, f: RetrofitFilter): LayerCounts {
  const perClass = new Array<number>(RETROFIT_LAYERS[layer].classes.length).fill(0);
  const pass = filterPredicate(f, c);
  let shown = 0;
  for (let i = 0; i < c.count; i++) {
    if (!pass(i)) continue;
    shown++;
    const k = classOf(layer, c, i);
    if (k >= 0) perClass[k]!++;
  }
  return { perClass, shown, total: c.count };
}

/** Per buurt: dwellings shown and their mean priority, for the side panel. */
export function buurtPriorities(
  c: RetrofitMapColumns,
  f: RetrofitFilter,
): { buurtcode: string; count: number; meanPriority: number }[] {
  const pass = filterPredicate(f, c);
  const sum = new Float64Array(c.buurtCodes.length);
  const n = new Uint32Array(c.buurtCodes.length);
  for (let i = 0; i < c.count; i++) {
    if (!pass(i)) continue;
    sum[c.buurt[i]!]! += c.priority[i]!;
    n[c.buurt[i]!]!++;
  }
  return c.buurtCodes
    .map((code, k) => ({ buurtcode: code, count: n[k]!, meanPriority: n[k]! > 0 ? sum[k]! / n[k]! : 0 }))
    .filter((b) => b.count > 0);
}
