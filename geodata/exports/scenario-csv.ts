import type { ExportColumn, ExportTable, ExportValue } from '../../engine/acquisition/export-table.ts';
import type { ScenarioSummary } from '../../engine/housing/summary.ts';
import { toDutchCsv } from './csv-writer.ts';

const columns = (spec: readonly (readonly [string, ExportColumn['kind']])[]): ExportColumn[] =>
  spec.map(([key, kind]) => ({ key, header: key, kind }));

/** Columns of the series file; the header is the key (a machine-facing file, read by scripts as much as people). */
export const SERIES_COLUMNS = columns([
  ['scenario', 'text'],
  ['gebied', 'text'],
  ['gebied_naam', 'text'],
  ['soort', 'text'],
  ['indicator', 'text'],
  ['indicator_naam', 'text'],
  ['jaar', 'integer'],
  ['p10', 'decimal'],
  ['mediaan', 'decimal'],
  ['p90', 'decimal'],
  ['gemiddelde', 'decimal'],
  ['runs', 'integer'],
  ['synthetisch', 'boolean'],
]);

export const TARGET_COLUMNS = columns([
  ['scenario', 'text'],
  ['doel', 'text'],
  ['indicator', 'text'],
  ['gebied', 'text'],
  ['jaar', 'integer'],
  ['grens', 'text'],
  ['drempel', 'decimal'],
  ['vereiste_kans', 'decimal'],
  ['kans', 'decimal'],
  ['mediaan', 'decimal'],
  ['gehaald', 'boolean'],
  ['synthetisch', 'boolean'],
]);

/** A target threshold is a number ("0.03") or a label ("C"): numbers are written as numbers. */
const threshold = (t: string): ExportValue => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : t);

/** The series as a table: one row per area, indicator and year, like `voorraad stats --format csv`. */
export function resultTable(s: ScenarioSummary): ExportTable {
  const rows: ExportTable['rows'] = [];
  const labels = new Map(s.metrics.map((m) => [m.id, m.label]));
  for (const u of s.units) {
    const perMetric = s.series[u.id] ?? {};
    for (const [metric, st] of Object.entries(perMetric)) {
      s.years.forEach((year, yi) => {
        rows.push({
          scenario: s.scenario.id,
          gebied: u.id,
          gebied_naam: u.name,
          soort: u.kind === 'buurt' ? 'buurt' : 'gebied',
          indicator: metric,
          indicator_naam: labels.get(metric) ?? metric,
          jaar: year,
          p10: st.p10[yi] ?? null,
          mediaan: st.p50[yi] ?? null,
          p90: st.p90[yi] ?? null,
          gemiddelde: st.mean[yi] ?? null,
          runs: s.scenario.runs,
          synthetisch: s.dataset.synthetic,
        });
      });
    }
  }
  return { columns: [...SERIES_COLUMNS], rows };
}

/** The targets as a table: one row per target with its probability; a `synthetisch` column like the series. */
export function targetsTable(s: ScenarioSummary): ExportTable {
  const rows: ExportTable['rows'] = s.targets.map((t) => ({
    scenario: s.scenario.id,
    doel: t.id,
    indicator: t.metric,
    gebied: t.area,
    jaar: t.year,
    grens: t.bound === 'min' ? 'minimaal' : 'maximaal',
    drempel: threshold(t.threshold),
    vereiste_kans: t.requiredProbability,
    kans: t.probability,
    mediaan: t.median,
    gehaald: t.met,
    synthetisch: s.dataset.synthetic,
  }));
  return { columns: [...TARGET_COLUMNS], rows };
}

/**
 * The series through the shared Dutch CSV writer (csv-writer.ts); a `synthetisch` column states whether the data is
 * synthetic (the file is a bare table, so scripts can read it, without the metadata lines of user-facing exports).
 */
export function resultCsv(s: ScenarioSummary): string {
  return toDutchCsv(resultTable(s));
}

/** The targets as CSV (same writer). */
export function targetsCsv(s: ScenarioSummary): string {
  return toDutchCsv(targetsTable(s));
}
