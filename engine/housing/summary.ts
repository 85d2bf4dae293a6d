/**
 * Monte Carlo summary: per unit, metric and year the 10th, 50th and 90th percentile over runs and the
 * mean (for the corporatiebuurt flag, the mean is the probability), and every target with the share
 * of runs that meet it.
 */
import type { Issue } from '../result.ts';
import type { ScenarioIssueCode } from './scenario-issue-codes.ts';
import type { CompiledScenario } from './compiled.ts';
import type { HousingRules } from './housing-rules.ts';
import { METRICS, N_METRICS } from './metrics.ts';
import { quantileSorted, round6 } from './quantiles.ts';
import { runStride } from './simulate.ts';

export const RESULT_FORMAT = 'voorraad-scenario-result@1';

/** Per year (years order); null where the value is undefined (a share of zero households). */
export interface SeriesStats {
  p10: (number | null)[];
  p50: (number | null)[];
  p90: (number | null)[];
  mean: (number | null)[];
}

export interface TargetResult {
  id: string;
  description: string;
  metric: string;
  area: string;
  year: number;
  bound: 'min' | 'max';
  threshold: string;
  requiredProbability: number;
  /** Share of runs meeting the bound. */
  probability: number;
  /** Median value in that year over runs. */
  median: number | null;
  met: boolean;
}

export interface DatasetInfo {
  name: string;
  synthetic: boolean;
  dataDate: string;
}

export interface ScenarioSummary {
  format: typeof RESULT_FORMAT;
  scenario: {
    id: string;
    name: string;
    description: string;
    seed: number;
    runs: number;
    horizon: { start: number; end: number };
  };
  dataset: DatasetInfo;
  years: number[];
  units: { id: string; name: string; kind: 'buurt' | 'area'; buurten: string[] }[];
  metrics: { id: string; label: string; unit: string }[];
  interventions: { id: string; kind: string; description: string }[];
  targets: TargetResult[];
  /** unit id → metric id → stats. */
  series: Record<string, Record<string, SeriesStats>>;
  warnings: Issue<ScenarioIssueCode>[];
  /** The policy rules of the scenario years and the versions used (config/rules). */
  rules: HousingRules;
}

const out = (x: number): number | null => (Number.isNaN(x) ? null : round6(x));

/** Summarises `runs` runs held in run order in `values` (runStride numbers each). */
/** What a summary says besides the numbers: scenario id, dataset, buurt codes and warnings. */
export interface SummaryMeta {
  id: string;
  dataset: DatasetInfo;
  buurtCodes: readonly string[];
  warnings?: Issue<ScenarioIssueCode>[];
}

export function summarise(
  sc: CompiledScenario,
  values: Float64Array,
  runs: number,
  meta: SummaryMeta,
): ScenarioSummary {
  const stride = runStride(sc),
    Y = sc.years.length;
  if (values.length !== stride * runs)
    throw new Error(`summarise: expected ${stride * runs} values, got ${values.length}`);
  const buf = new Float64Array(runs);
  const series: ScenarioSummary['series'] = {};
  sc.units.forEach((unit, u) => {
    const perMetric: Record<string, SeriesStats> = {};
    METRICS.forEach((m, k) => {
      const s: SeriesStats = { p10: [], p50: [], p90: [], mean: [] };
      for (let yi = 0; yi < Y; yi++) {
        const at = (u * Y + yi) * N_METRICS + k;
        let n = 0,
          sum = 0;
        for (let r = 0; r < runs; r++) {
          const v = values[r * stride + at]!;
          if (v === v) {
            buf[n++] = v;
            sum += v;
          }
        }
        const sorted = buf.subarray(0, n).sort();
        s.p10.push(out(quantileSorted(sorted, n, 0.1)));
        s.p50.push(out(quantileSorted(sorted, n, 0.5)));
        s.p90.push(out(quantileSorted(sorted, n, 0.9)));
        s.mean.push(out(n > 0 ? sum / n : Number.NaN));
      }
      perMetric[m.id] = s;
    });
    series[unit.id] = perMetric;
  });
  const targets = sc.targets.map((t): TargetResult => {
    const at = (t.unitIndex * Y + t.yearIndex) * N_METRICS + t.metricIndex;
    let hits = 0;
    for (let r = 0; r < runs; r++) {
      const v = values[r * stride + at]!;
      if (v === v && (t.bound === 'min' ? v >= t.threshold : v <= t.threshold)) hits++;
    }
    const probability = hits / runs;
    return {
      id: t.id,
      description: t.description,
      metric: t.metric,
      area: t.area,
      year: t.year,
      bound: t.bound,
      threshold: t.thresholdText,
      requiredProbability: t.probability,
      probability: round6(probability),
      median: series[sc.units[t.unitIndex]!.id]![t.metric]!.p50[t.yearIndex] ?? null,
      met: probability >= t.probability,
    };
  });
  return {
    format: RESULT_FORMAT,
    scenario: {
      id: meta.id,
      name: sc.name,
      description: sc.description,
      seed: sc.seed,
      runs,
      horizon: { start: sc.years[0]!, end: sc.years[Y - 1]! },
    },
    dataset: meta.dataset,
    years: sc.years,
    units: sc.units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      buurten: u.buurten.map((b) => meta.buurtCodes[b]!),
    })),
    metrics: METRICS.map((m) => ({ id: m.id, label: m.label, unit: m.unit })),
    interventions: sc.interventions,
    targets,
    series,
    warnings: meta.warnings ?? [],
    rules: sc.rules,
  };
}
