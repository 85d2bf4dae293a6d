/**
 * Forecast at the pace of the last quarters: when the programme will have insulated its target and spent its VHF
 * budget, with a p10–p90 band, and early warnings naming the cause when it misses the programme end or a year cap.
 *
 * Method: the quarterly increments of insulated dwellings and VHF money paid over the last `window` quarters (from
 * the first quarter with work) are resampled with replacement, in pairs (a quarter's dwellings with its money), for
 * `runs` seeded futures. Each future runs until both targets are reached or `horizon` quarters have passed. The band
 * narrows as quarters are recorded: less work remains and the pace is known from more quarters.
 */
import type { QuarterId } from './quarter.ts';
import { quarterFromOrdinal, quarterOf, quarterOrdinal } from './quarter.ts';
import { createRng } from '../rng.ts';
import type { MonitorIssue } from './monitor-issue-codes.ts';
import type { ProgressFigures } from './progress-figures.ts';
import type { ProgrammeSettings } from './programme-settings.ts';

export interface ForecastOptions {
  seed: number;
  /** Futures drawn (default 400). */
  runs?: number;
  /** Quarters of pace used, the newest ones (default 8). */
  window?: number;
  /** Quarters projected at most (default 48). */
  horizon?: number;
  /** Plan warning codes (plan.binding.*): a binding permit cap is named as a cause. */
  planWarningCodes?: readonly string[];
}

/** A quarter with its p10, p50 and p90; null when not reached within the horizon in that share of futures. */
export interface QuarterBand {
  p10: QuarterId | null;
  p50: QuarterId | null;
  p90: QuarterId | null;
}
export interface ProjectionPoint {
  quarter: QuarterId;
  insulated: { p10: number; p50: number; p90: number };
  vhfPaidEur: { p10: number; p50: number; p90: number };
}
export const FORECAST_CAUSES = ['uptake', 'capacity', 'natuurkalender', 'permit-cap'] as const;
export type ForecastCause = (typeof FORECAST_CAUSES)[number];

export interface Forecast {
  asOf: QuarterId;
  seed: number;
  runs: number;
  quartersUsed: number;
  /** Expected insulated dwellings of the plan in force, and the VHF budget. */
  target: { dwellings: number; vhfBudgetEur: number };
  pace: { insulatedPerQuarter: number; vhfPaidPerQuarter: number };
  /** When the target is insulated and the budget spent (p10 = earliest). */
  insulatedTarget: QuarterBand;
  budgetSpent: QuarterBand;
  /** Share of futures that insulate the target by the programme end. */
  onTimeProbability: number;
  deadline: QuarterId;
  projection: ProjectionPoint[];
  /** What slows the programme down, from the realised figures against the plan's (empty when nothing does). */
  causes: { cause: ForecastCause; message: string }[];
  warnings: MonitorIssue[];
}

const pct = (xs: Float64Array | number[], p: number): number => {
  const s = Array.from(xs).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

export function forecastProgress(f: ProgressFigures, settings: ProgrammeSettings, o: ForecastOptions): Forecast {
  const runs = o.runs ?? 400;
  const horizon = o.horizon ?? 48;
  const series = f.series;
  const firstWork = series.findIndex((p) => p.realised.invited > 0);
  const from = Math.max(firstWork < 0 ? series.length : firstWork, series.length - (o.window ?? 8));
  const inc: [number, number][] = [];
  for (let i = Math.max(from, 1); i < series.length; i++)
    inc.push([
      series[i]!.realised.insulated - series[i - 1]!.realised.insulated,
      series[i]!.vhfPaidEur - series[i - 1]!.vhfPaidEur,
    ]);
  if (from === 0 && series.length) inc.unshift([series[0]!.realised.insulated, series[0]!.vhfPaidEur]);
  const last = series.at(-1)!;
  const target = { dwellings: f.plannedTotal.insulated, vhfBudgetEur: settings.vhfBudgetEur };
  const deadline = quarterOf(settings.end);
  const asOfOrd = quarterOrdinal(f.quarter);
  const warnings: MonitorIssue[] = [];
  const mean = (k: 0 | 1) => (inc.length ? inc.reduce((s, x) => s + x[k], 0) / inc.length : 0);
  const pace = { insulatedPerQuarter: round2(mean(0)), vhfPaidPerQuarter: round2(mean(1)) };

  const rng = createRng(o.seed);
  const doneQ = new Float64Array(runs).fill(Infinity);
  const spentQ = new Float64Array(runs).fill(Infinity);
  const steps = Math.max(0, Math.min(horizon, quarterOrdinal(deadline) - asOfOrd + 8));
  const paths = Array.from({ length: steps }, () => ({ ins: new Float64Array(runs), eur: new Float64Array(runs) }));
  for (let r = 0; r < runs; r++) {
    let ins = last.realised.insulated;
    let eur = last.vhfPaidEur;
    if (ins >= target.dwellings) doneQ[r] = asOfOrd;
    if (eur >= target.vhfBudgetEur) spentQ[r] = asOfOrd;
    for (let k = 1; k <= horizon && inc.length; k++) {
      const [di, de] = inc[rng.int(0, inc.length - 1)]!;
      ins += di;
      eur += de;
      if (k <= steps) {
        paths[k - 1]!.ins[r] = ins;
        paths[k - 1]!.eur[r] = eur;
      }
      if (doneQ[r] === Infinity && ins >= target.dwellings) doneQ[r] = asOfOrd + k;
      if (spentQ[r] === Infinity && eur >= target.vhfBudgetEur) spentQ[r] = asOfOrd + k;
      if (doneQ[r] !== Infinity && spentQ[r] !== Infinity && k >= steps) break;
    }
  }
  const band = (qs: Float64Array): QuarterBand => {
    const q = (p: number) => {
      const v = pct(qs, p);
      return Number.isFinite(v) ? quarterFromOrdinal(v) : null;
    };
    return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
  };
  const onTime = doneQ.reduce((n, q) => n + (q <= quarterOrdinal(deadline) ? 1 : 0), 0) / runs;
  const projection = paths.map((p, k) => ({
    quarter: quarterFromOrdinal(asOfOrd + k + 1),
    insulated: { p10: round2(pct(p.ins, 0.1)), p50: round2(pct(p.ins, 0.5)), p90: round2(pct(p.ins, 0.9)) },
    vhfPaidEur: { p10: round2(pct(p.eur, 0.1)), p50: round2(pct(p.eur, 0.5)), p90: round2(pct(p.eur, 0.9)) },
  }));
  const causes = slowdownCauses(f, o.planWarningCodes ?? []);
  const insulatedTarget = band(doneQ);
  if (inc.length === 0 || pace.insulatedPerQuarter <= 0)
    warnings.push({
      code: 'monitor.forecast.no-pace',
      message: `no dwelling insulated in the quarters used (${inc.length}); the forecast cannot project a date`,
    });
  else if (onTime < 0.5)
    warnings.push({
      code: 'monitor.forecast.misses-end',
      message: `at the pace of the last ${inc.length} quarters (${pace.insulatedPerQuarter} dwellings per quarter) the target of ${target.dwellings} dwellings is reached in ${insulatedTarget.p50 ?? `more than ${horizon} quarters`} (p10–p90 ${insulatedTarget.p10 ?? '–'} to ${insulatedTarget.p90 ?? 'later'}), after the programme end ${settings.end}; probability on time ${Math.round(onTime * 100)} %. Cause: ${causes.length ? causes.map((c) => c.message).join('; ') : 'pace below plan without a single cause in the figures'}`,
      path: ['insulatedTarget'],
    });
  for (const cap of settings.yearCapsEur) {
    const yearPace = pace.vhfPaidPerQuarter * 4;
    if (cap.year >= Number(f.quarter.slice(0, 4)) && yearPace > cap.capEur)
      warnings.push({
        code: 'monitor.forecast.year-cap',
        message: `at the pace of the last quarters €${Math.round(yearPace)} VHF money is paid per year, above the cap of €${cap.capEur} for ${cap.year}`,
        path: ['yearCapsEur', cap.year],
      });
  }
  const budgetBand = band(spentQ);
  if (
    insulatedTarget.p50 !== null &&
    budgetBand.p50 !== null &&
    quarterOrdinal(budgetBand.p50) < quarterOrdinal(insulatedTarget.p50)
  )
    warnings.push({
      code: 'monitor.forecast.budget-short',
      message: `the VHF budget is spent in ${budgetBand.p50}, before the target is insulated in ${insulatedTarget.p50}: paid per insulated dwelling is above the plan's`,
      path: ['budgetSpent'],
    });
  return {
    asOf: f.quarter,
    seed: o.seed,
    runs,
    quartersUsed: inc.length,
    target,
    pace,
    insulatedTarget,
    budgetSpent: budgetBand,
    onTimeProbability: onTime,
    deadline,
    projection,
    causes,
    warnings,
  };
}

/**
 * Causes of a slow-down, each from the realised figures against the plan's up to the quarter: uptake (a lower
 * share of answered owners accepting), natuurkalender (accepted dwellings waiting for natuurvrij beyond the plan),
 * capacity (natuurvrij dwellings waiting for insulation beyond the plan; both from the figures' `overdue`), permit cap (the plan itself bound by one).
 */
export function slowdownCauses(
  f: ProgressFigures,
  planWarningCodes: readonly string[],
): { cause: ForecastCause; message: string }[] {
  const out: { cause: ForecastCause; message: string }[] = [];
  const r = f.total.realised;
  const p = f.total.planned;
  const answered = r.accepted + r.declined;
  const rate = answered ? r.accepted / answered : null;
  const plannedRate = p.accepted + p.declined ? p.accepted / (p.accepted + p.declined) : null;
  if (rate !== null && plannedRate !== null && rate < plannedRate - 0.03)
    out.push({
      cause: 'uptake',
      message: `uptake: ${Math.round(rate * 100)} % of answered owners accepted against ${Math.round(plannedRate * 100)} % planned`,
    });
  const o = f.total.overdue;
  if (o.natuurvrij > 0.05 * r.accepted && o.natuurvrij >= 3)
    out.push({
      cause: 'natuurkalender',
      message: `natuurkalender: ${o.natuurvrij} accepted dwellings are not natuurvrij after their planned date`,
    });
  if (o.insulation > 0.05 * r.natuurvrij && o.insulation >= 3)
    out.push({
      cause: 'capacity',
      message: `capacity: ${o.insulation} natuurvrij dwellings are not insulated after their planned date`,
    });
  if (planWarningCodes.includes('plan.binding.permit-cap') || planWarningCodes.includes('plan.binding.permit-validity'))
    out.push({
      cause: 'permit-cap',
      message: 'permit cap: the plan in force is bound by the permit profile’s cap or validity',
    });
  return out;
}
