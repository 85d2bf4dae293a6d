/**
 * The retrofit results the map paints, as columns. The session's `scores` answers with one object per
 * dwelling — for Kalsdonk and Westrand about 40 ms to build and as long again to clone across the worker
 * boundary, which alone is over the 100 ms repaint budget. The map needs four numbers per dwelling, so the
 * engine session hands out these columns of its own scores (session.ts `mapColumns`), and after a weight
 * change only the priority column (22 kB) crosses to the page (session.ts `priority`).
 */
import type { DwellingColumns } from '../dwelling-table.ts';
import type { ScoreColumns } from './score-table.ts';

/** What the page keeps per dwelling (table order); categorical values are indexes into the engine's lists. */
export interface RetrofitMapColumns {
  count: number;
  vboId: string[];
  buurtCodes: string[];
  /** Index into buurtCodes. */
  buurt: Uint16Array;
  /** Index into OWNERSHIP_CATEGORIES. */
  ownership: Uint8Array;
  /** Index into DWELLING_TYPES. */
  type: Uint8Array;
  /** Priority 0–100 for the current weights. */
  priority: Float32Array;
  /** Index into ENERGY_LABELS: label after the package of all applicable measures. */
  labelAfter: Uint8Array;
  /** Habitat risk 0–1. */
  riskScore: Float32Array;
  /** Index into ECOLOGY_ROUTES. */
  route: Uint8Array;
}

/** The map's update after a weight change. */
export interface PriorityUpdate {
  /** Priority per dwelling (table order) for the new weights; a copy the page may keep. */
  priority: Float32Array;
  /** Milliseconds inside the worker for the whole update (re-score and copy). */
  ms: number;
  /** Of which the re-score itself. */
  engineMs: number;
}

/** The columns the page needs from a table and its scores; typed arrays are copies, so they can be transferred. */
export function toMapColumns(t: DwellingColumns, s: ScoreColumns): RetrofitMapColumns {
  return {
    count: t.count,
    vboId: t.vboId.slice(),
    buurtCodes: t.buurtCodes.slice(),
    buurt: t.buurt.slice(),
    ownership: t.ownership.slice(),
    type: t.type.slice(),
    priority: s.priority.slice(),
    labelAfter: s.packageLabelAfter.slice(),
    riskScore: s.riskScore.slice(),
    route: s.route.slice(),
  };
}

/** The typed-array buffers of a columns object, for Comlink.transfer. */
export function columnBuffers(c: RetrofitMapColumns): ArrayBuffer[] {
  return [c.buurt, c.ownership, c.type, c.priority, c.labelAfter, c.riskScore, c.route].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
