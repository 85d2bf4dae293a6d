/**
 * The retrofit results the map paints, as columns (worker side). The engine service's `retrofitScores`
 * answers with one object per dwelling — for Kalsdonk and Westrand about 40 ms to build and as long again
 * to clone across the worker boundary, which alone is over the 100 ms repaint budget. The map needs four
 * numbers per dwelling, so this module scores the same stock with the same engine functions the session
 * uses (engine/retrofit/session.ts) and keeps the typed arrays: after a weight change only the 22 kB
 * priority column crosses to the page.
 */
import type { DwellingColumns } from '../../../engine/dwelling-table.ts';
import { DEFAULT_PARAMS } from '../../../engine/retrofit/params.ts';
import { applyWeights, pointsPerFactor } from '../../../engine/retrofit/priority.ts';
import { allocScores, scoreRange, type ScoreColumns } from '../../../engine/retrofit/score-table.ts';
import { buildScoreTables } from '../../../engine/retrofit/score-tables.ts';
import { stockOf, type RetrofitContext, type RetrofitStock } from '../../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from '../../../engine/retrofit/weights.ts';

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

export interface ScoredStock {
  table: DwellingColumns;
  stock: RetrofitStock;
  context: RetrofitContext;
  scores: ScoreColumns;
  weights: WeightsConfig;
}

const sameParams = (a: WeightsConfig, b: WeightsConfig): boolean =>
  JSON.stringify([a.scales, a.energyPoverty]) === JSON.stringify([b.scales, b.energyPoverty]);

/** Scores the whole stock with the default parameters and weights (summary mode: no per-measure columns). */
export function scoreStock(table: DwellingColumns, context: RetrofitContext, weights: WeightsConfig = DEFAULT_WEIGHTS): ScoredStock {
  const stock = stockOf(table, context);
  const scores = allocScores(stock.count, { measures: false });
  scoreRange(stock, buildScoreTables(DEFAULT_PARAMS, weights, table.buurtCodes, context.buurtLowIncomeShare), scores, 0, stock.count);
  return { table, stock, context, scores, weights };
}

/**
 * New weights: factor weights alone re-apply the stored factors (the session's fast path); a change of
 * scales or energy-poverty parameters scores the stock again.
 */
export function reweigh(s: ScoredStock, weights: WeightsConfig): void {
  if (sameParams(s.weights, weights)) {
    applyWeights(s.scores.factors, pointsPerFactor(weights), s.scores.priority, 0, s.stock.count);
  } else {
    const tables = buildScoreTables(DEFAULT_PARAMS, weights, s.table.buurtCodes, s.context.buurtLowIncomeShare);
    scoreRange(s.stock, tables, s.scores, 0, s.stock.count);
  }
  s.weights = weights;
}

/** The columns the page needs; typed arrays are copies, so they can be transferred. */
export function mapColumns(s: ScoredStock): RetrofitMapColumns {
  const t = s.table;
  return {
    count: t.count, vboId: t.vboId.slice(), buurtCodes: t.buurtCodes.slice(), buurt: t.buurt.slice(), ownership: t.ownership.slice(), type: t.type.slice(),
    priority: s.scores.priority.slice(), labelAfter: s.scores.packageLabelAfter.slice(), riskScore: s.scores.riskScore.slice(), route: s.scores.route.slice(),
  };
}

/** The typed-array buffers of a columns object, for Comlink.transfer. */
export function columnBuffers(c: RetrofitMapColumns): ArrayBuffer[] {
  return [c.buurt, c.ownership, c.type, c.priority, c.labelAfter, c.riskScore, c.route].map((a) => a.buffer as ArrayBuffer);
}
