import type { ColumnKind, ExportValue } from '../../engine/acquisition/export-table.ts';
import type { ScenarioSummary } from '../../engine/housing/summary.ts';
import { csvDocument, csvRow } from './csv-writer.ts';

const SERIES_KINDS: ColumnKind[] = [
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'integer',
  'decimal',
  'decimal',
  'decimal',
  'decimal',
  'integer',
  'boolean',
];
const TARGET_KINDS: ColumnKind[] = [
  'text',
  'text',
  'text',
  'text',
  'integer',
  'text',
  'decimal',
  'decimal',
  'decimal',
  'decimal',
  'boolean',
];

/** A target threshold is a number ("0.03") or a label ("C"): numbers are written as numbers. */
const threshold = (t: string): ExportValue => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : t);

/**
 * The series through the shared Dutch CSV writer (csv-writer.ts), one row per area, indicator and year, like
 * `voorraad stats --format csv`; a `synthetisch` column states whether the data is synthetic.
 */
export function resultCsv(s: ScenarioSummary): string {
  const rows = [
    csvRow([
      'scenario',
      'gebied',
      'gebied_naam',
      'soort',
      'indicator',
      'indicator_naam',
      'jaar',
      'p10',
      'mediaan',
      'p90',
      'gemiddelde',
      'runs',
      'synthetisch',
    ]),
  ];
  const labels = new Map(s.metrics.map((m) => [m.id, m.label]));
  for (const u of s.units) {
    const perMetric = s.series[u.id] ?? {};
    for (const [metric, st] of Object.entries(perMetric)) {
      s.years.forEach((year, yi) => {
        rows.push(
          csvRow(
            [
              s.scenario.id,
              u.id,
              u.name,
              u.kind === 'buurt' ? 'buurt' : 'gebied',
              metric,
              labels.get(metric) ?? metric,
              year,
              st.p10[yi] ?? null,
              st.p50[yi] ?? null,
              st.p90[yi] ?? null,
              st.mean[yi] ?? null,
              s.scenario.runs,
              s.dataset.synthetic,
            ],
            SERIES_KINDS,
          ),
        );
      });
    }
  }
  return csvDocument(rows);
}

/** The targets as CSV (same writer): one row per target with its probability. */
export function targetsCsv(s: ScenarioSummary): string {
  const rows = [
    csvRow([
      'scenario',
      'doel',
      'indicator',
      'gebied',
      'jaar',
      'grens',
      'drempel',
      'vereiste_kans',
      'kans',
      'mediaan',
      'gehaald',
    ]),
  ];
  for (const t of s.targets) {
    rows.push(
      csvRow(
        [
          s.scenario.id,
          t.id,
          t.metric,
          t.area,
          t.year,
          t.bound === 'min' ? 'minimaal' : 'maximaal',
          threshold(t.threshold),
          t.requiredProbability,
          t.probability,
          t.median,
          t.met,
        ],
        TARGET_KINDS,
      ),
    );
  }
  return csvDocument(rows);
}
