import type { Dataset } from '../dataset.ts';
import { toColumns } from '../dwelling-table.ts';
import { MEASURE_COUNT, MEASURE_IDS, R_APPLIES, type MeasureId } from '../retrofit/measure-ids.ts';
import { DEFAULT_PARAMS, type RetrofitParams } from '../retrofit/params.ts';
import { allocScores, scoreRange } from '../retrofit/score-table.ts';
import { buildScoreTables } from '../retrofit/score-tables.ts';
import { retrofitContext, stockOf } from '../retrofit/stock.ts';
import { DEFAULT_WEIGHTS } from '../retrofit/weights.ts';

/**
 * The retrofit engine's figures for VvE member dwellings: per dwelling, the cost and the bill saving of the
 * package's measures that apply (engine/retrofit, calibrated, at project price — the VvE contracts them as
 * one job), and the habitat-risk score the ecological survey depends on. Savings of different elements add
 * up in the transmission model, so the package saving is their sum (the heat pump, an owner's own, is left out).
 */
export interface DwellingPackage {
  measures: MeasureId[];
  costEur: number;
  gasSavingM3PerYear: number;
  billSavingEurPerYear: number;
  /** Habitat-risk score 0–1 (engine/retrofit/ecology.ts). */
  riskScore: number;
}

/** Project price for every dwelling in a VvE (priceMode 2, engine/retrofit/stock.ts). */
const PRICE_PROJECT = 2;

export function vvePackages(
  ds: Dataset,
  measures: readonly MeasureId[],
  params: RetrofitParams = DEFAULT_PARAMS,
): Map<string, DwellingPackage> {
  const table = toColumns(ds.dwellings);
  const ctx = retrofitContext(ds, table.buurtCodes);
  const members = new Set(ds.vves.flatMap((v) => v.members.map((m) => m.vboId)));
  for (let i = 0; i < table.count; i++) if (members.has(table.vboId[i]!)) ctx.priceMode[i] = PRICE_PROJECT;
  const stock = stockOf(table, ctx);
  const tables = buildScoreTables(params, DEFAULT_WEIGHTS, table.buurtCodes, ctx.buurtLowIncomeShare);
  const scores = allocScores(table.count);
  scoreRange(stock, tables, scores, 0, table.count);
  const wanted = measures.map((id) => MEASURE_IDS.indexOf(id));
  const out = new Map<string, DwellingPackage>();
  for (let i = 0; i < table.count; i++) {
    if (!members.has(table.vboId[i]!)) continue;
    const p: DwellingPackage = {
      measures: [],
      costEur: 0,
      gasSavingM3PerYear: 0,
      billSavingEurPerYear: 0,
      riskScore: scores.riskScore[i]!,
    };
    for (const m of wanted) {
      const k = i * MEASURE_COUNT + m;
      if (scores.measureReason[k] !== R_APPLIES) continue;
      p.measures.push(MEASURE_IDS[m]!);
      p.costEur += scores.measureCostEur[k]!;
      p.gasSavingM3PerYear += scores.measureSavingM3[k]!;
      p.billSavingEurPerYear += scores.measureSavingM3[k]! * tables.gasPrice;
    }
    out.set(table.vboId[i]!, p);
  }
  return out;
}
