/**
 * Feature state of the retrofit layer, keyed by vboId (the tile source promotes it to the feature id).
 * Colours are feature-state expressions, so a weight change rewrites only the paint values of the dwellings
 * whose priority class changed — no re-tiling, no worker round trip in MapLibre.
 */
import { ENERGY_LABELS } from '../../../engine/dwelling.ts';
import { ECOLOGY_ROUTES } from '../../../engine/retrofit/measure-ids.ts';
import type { RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';
import { classOf, roundPriority } from './retrofit-layers.ts';

export interface RetrofitFeatureState {
  /** Priority as displayed (one decimal): the colour expression classes it by the current, data-fitted bounds. */
  priority: number;
  labelAfter: string;
  /** Habitat risk class 0–4 (0–0,2, … 0,8–1). */
  riskClass: number;
  route: string;
  [key: string]: unknown;
}

/** The full state of dwelling i (set once after loading). */
export function featureState(c: RetrofitMapColumns, i: number): RetrofitFeatureState {
  return {
    priority: roundPriority(c.priority[i]!),
    labelAfter: ENERGY_LABELS[c.labelAfter[i]!] ?? '',
    riskClass: classOf('risk', c, i),
    route: ECOLOGY_ROUTES[c.route[i]!] ?? '',
  };
}

/** Dwellings whose displayed priority differs between two priority columns, with the new value. */
export function changedPriorities(before: Float32Array, after: Float32Array): { index: number; priority: number }[] {
  const out: { index: number; priority: number }[] = [];
  for (let i = 0; i < after.length; i++) {
    const p = roundPriority(after[i]!);
    if (p !== roundPriority(before[i]!)) out.push({ index: i, priority: p });
  }
  return out;
}
