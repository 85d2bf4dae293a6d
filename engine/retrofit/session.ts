/**
 * Retrofit state inside an engine worker: the loaded dataset's stock and its scores (recomputed only when
 * the weights need it). Pure: the clock for timings is injected, the dwelling table comes from the engine
 * service that owns it. The national-scale benchmark has its own state (fast-kernel/stock-bench.ts).
 */
import { DwellingType, IsoDate, Ownership } from '../dwelling.ts';
import type { DwellingColumns } from '../dwelling-table.ts';
import { fail, ok, type Result } from '../result.ts';
import { dayNumber } from './iso-day.ts';
import { measuredUseOf, paramsForMeasured } from './measured-use.ts';
import { DEFAULT_CALENDAR_ID, SHIPPED_CALENDARS } from './natuurkalender.ts';
import { DEFAULT_PARAMS, type RetrofitParams } from './params.ts';
import { applyWeights, pointsPerFactor } from './priority.ts';
import { allocScores, scoreRange, type ScoreColumns } from './score-table.ts';
import { buildScoreTables, type ScoreTables } from './score-tables.ts';
import { dwellingDetail, dwellingScore, type DwellingDetail, type DwellingScore } from './scores-json.ts';
import { stockOf, type RetrofitContext, type RetrofitStock } from './stock.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from './weights.ts';
import { LOW_INCOME_SOURCES } from './energy-poverty.ts';
import { toMapColumns, type PriorityUpdate, type RetrofitMapColumns } from './map-columns.ts';

/** Filters of the whole-stock scores; every list is OR within, AND across. */
export interface RetrofitScoresQuery {
  buurt?: string[];
  ownership?: Ownership[];
  type?: DwellingType[];
  /** Validated weights (weights.ts); the shipped defaults when absent. */
  weights?: WeightsConfig;
}

export interface RetrofitScoresResult {
  /** Dwellings matching the filters. */
  count: number;
  /** Dwellings in the loaded stock. */
  total: number;
  weights: WeightsConfig;
  /** Buurten whose low-income share is the weights file's default (no CBS figure, no override). */
  lowIncomeShareDefaulted: string[];
  dwellings: DwellingScore[];
}

interface Scored {
  table: DwellingColumns;
  stock: RetrofitStock;
  tables: ScoreTables;
  scores: ScoreColumns;
  weights: WeightsConfig;
}

/** Every code the retrofit session of an engine worker answers with. */
export const RETROFIT_SESSION_ISSUE_CODES = [
  'engine.not-loaded',
  'retrofit.not-loaded',
  'retrofit.context-mismatch',
  'retrofit.date.invalid',
  'dwelling.unknown',
] as const;
export type RetrofitSessionIssueCode = (typeof RETROFIT_SESSION_ISSUE_CODES)[number];

const notLoaded = () =>
  fail<never, RetrofitSessionIssueCode>({
    code: 'retrofit.not-loaded',
    message: 'no dataset with retrofit context loaded in the engine worker',
  });
const sameParams = (a: WeightsConfig, b: WeightsConfig): boolean =>
  JSON.stringify([a.scales, a.energyPoverty]) === JSON.stringify([b.scales, b.energyPoverty]);

export function createRetrofitSession(deps: {
  table: () => DwellingColumns | null;
  now: () => number;
  params?: RetrofitParams;
}) {
  const base = deps.params ?? DEFAULT_PARAMS;
  /** The base params, with type levels from the dataset's CBS gas-use rows when it has them (measured-use.ts). */
  let params = base;
  let scored: Scored | null = null;
  let context: RetrofitContext | null = null;

  /** Scores of the loaded dataset for `weights`: factor weights alone re-apply in place; other changes rescore. */
  function scoredFor(weights: WeightsConfig): Result<Scored, RetrofitSessionIssueCode> {
    const table = deps.table();
    if (!table || !context || !scored || scored.table !== table) return notLoaded();
    if (scored.weights === weights || JSON.stringify(scored.weights) === JSON.stringify(weights)) return ok(scored);
    if (sameParams(scored.weights, weights)) {
      const points = pointsPerFactor(weights);
      applyWeights(scored.scores.factors, points, scored.scores.priority, 0, scored.stock.count);
      scored.tables.points = points;
    } else {
      scored.tables = buildScoreTables(params, weights, table.buurtCodes, context.buurtLowIncomeShare);
      scoreRange(scored.stock, scored.tables, scored.scores, 0, scored.stock.count);
    }
    scored.weights = weights;
    return ok(scored);
  }

  return {
    /** Attaches building/buurt context to the loaded dwelling table and scores it with the default weights. */
    loadContext(ctx: RetrofitContext): Result<{ count: number }, RetrofitSessionIssueCode> {
      const table = deps.table();
      if (!table) return fail({ code: 'engine.not-loaded', message: 'no dataset loaded in the engine worker' });
      if (ctx.count !== table.count || ctx.buurtLowIncomeShare.length !== table.buurtCodes.length) {
        return fail({
          code: 'retrofit.context-mismatch',
          message: `retrofit context has ${ctx.count} dwellings and ${ctx.buurtLowIncomeShare.length} buurten; the table ${table.count} and ${table.buurtCodes.length}`,
        });
      }
      context = ctx;
      const stock = stockOf(table, ctx);
      params = paramsForMeasured(base, stock, ctx.measuredGasM3, ctx.measuredSource);
      const tables = buildScoreTables(params, DEFAULT_WEIGHTS, table.buurtCodes, ctx.buurtLowIncomeShare);
      const scores = allocScores(stock.count);
      scoreRange(stock, tables, scores, 0, stock.count);
      scored = { table, stock, tables, scores, weights: DEFAULT_WEIGHTS };
      return ok({ count: stock.count });
    },

    scores(q: RetrofitScoresQuery): Result<RetrofitScoresResult, RetrofitSessionIssueCode> {
      const r = scoredFor(q.weights ?? DEFAULT_WEIGHTS);
      if (!r.ok) return r;
      const { table: t, tables, scores } = r.value;
      const buurten = q.buurt?.length ? new Set(q.buurt.map((c) => t.buurtCodes.indexOf(c))) : null;
      const owners = q.ownership?.length ? new Set(q.ownership.map((o) => Ownership.options.indexOf(o))) : null;
      const types = q.type?.length ? new Set(q.type.map((x) => DwellingType.options.indexOf(x))) : null;
      const dwellings: DwellingScore[] = [];
      for (let i = 0; i < t.count; i++) {
        if (buurten && !buurten.has(t.buurt[i]!)) continue;
        if (owners && !owners.has(t.ownership[i]!)) continue;
        if (types && !types.has(t.type[i]!)) continue;
        dwellings.push(dwellingScore(t, scores, tables, i));
      }
      const defaulted = t.buurtCodes.filter((_, k) => LOW_INCOME_SOURCES[tables.buurtShareSource[k]!] === 'default');
      return ok({
        count: dwellings.length,
        total: t.count,
        weights: r.value.weights,
        lowIncomeShareDefaulted: defaulted,
        dwellings,
      });
    },

    /** Detail of one dwelling; the natuurkalender counts from `date` (YYYY-MM-DD). */
    dwelling(
      vboId: string,
      date: string,
      weights: WeightsConfig = DEFAULT_WEIGHTS,
    ): Result<DwellingDetail, RetrofitSessionIssueCode> {
      const day = IsoDate.safeParse(date).success ? dayNumber(date) : null;
      if (day === null)
        return fail({
          code: 'retrofit.date.invalid',
          path: ['date'],
          message: `date: "${date}" is not a date as YYYY-MM-DD`,
        });
      const r = scoredFor(weights);
      if (!r.ok) return r;
      const { table: t, stock, tables, scores } = r.value;
      const i = t.vboId.indexOf(vboId);
      if (i < 0)
        return fail({ code: 'dwelling.unknown', path: ['vboId'], message: `dwelling ${vboId} is not in the dataset` });
      const detail = dwellingDetail(
        t,
        stock,
        scores,
        tables,
        i,
        params.ecology,
        SHIPPED_CALENDARS[DEFAULT_CALENDAR_ID]!,
        day,
      );
      return ok({ ...detail, measuredUse: measuredUseOf(context!.measuredGasM3, context!.measuredSource, i) });
    },

    /** The columns the map paints (map-columns.ts) under `weights`: copies of this session's scores, so the caller may transfer them. */
    mapColumns(weights: WeightsConfig = DEFAULT_WEIGHTS): Result<RetrofitMapColumns, RetrofitSessionIssueCode> {
      const r = scoredFor(weights);
      return r.ok ? ok(toMapColumns(r.value.table, r.value.scores)) : r;
    },

    /** Re-scores for new weights (as `rescore`) and hands out a copy of the priority column, all the map repaints. */
    priority(weights: WeightsConfig): Result<PriorityUpdate, RetrofitSessionIssueCode> {
      const t0 = deps.now();
      const r = scoredFor(weights);
      if (!r.ok) return r;
      const t1 = deps.now();
      const priority = r.value.scores.priority.slice();
      return ok({ priority, ms: deps.now() - t0, engineMs: t1 - t0 });
    },

    /** Re-scores the loaded dataset for new weights; `ms` is the time inside the worker. */
    rescore(weights: WeightsConfig): Result<{ count: number; ms: number }, RetrofitSessionIssueCode> {
      const t0 = deps.now();
      const r = scoredFor(weights);
      if (!r.ok) return r;
      return ok({ count: r.value.stock.count, ms: deps.now() - t0 });
    },
  };
}

export type RetrofitSession = ReturnType<typeof createRetrofitSession>;
