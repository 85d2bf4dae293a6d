import type { ExportColumn, ExportTable } from '../../engine/acquisition/export-table.ts';
import { toDutchCsv } from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';
import { toXlsxBytes } from './xlsx-writer.ts';

/**
 * The chart data of the compare page as a file: per indicator and year the 10 %, median and 90 % of scenario A and
 * B over the Monte Carlo runs and the difference of the medians (B − A), for one area — through the shared writers,
 * with the metadata block (who, when in Europe/Amsterdam, dataset, synthetic mark). Runs in the browser (the page
 * offers the download), so it uses nothing of Node.
 */
type Values = readonly (number | null)[];

/** The parts of a scenario result (POST /api/scenarios/run) the export reads. */
export interface ComparedResult {
  scenario: { id: string; name: string; runs: number; seed: number };
  years: readonly number[];
  metrics: readonly { id: string; label: string; unit: string }[];
  units: readonly { id: string; name: string }[];
  series: Readonly<Record<string, Readonly<Record<string, { p10: Values; p50: Values; p90: Values; mean: Values }>>>>;
}

export const COMPARE_SHEET = 'Grafiekgegevens';

const UNIT_NL: Record<string, string> = {
  share: 'aandeel (0-1)',
  flag: 'kans (0-1)',
  'label-index': 'labelindex (0 = A++++, 10 = G)',
  'eur-per-year': 'euro per jaar',
  'eur-per-month': 'euro per maand',
  '': 'aantal',
};

export const COMPARE_COLUMNS: readonly ExportColumn[] = [
  { key: 'gebied', header: 'Gebied', kind: 'text' },
  { key: 'indicator', header: 'Indicator', kind: 'text' },
  { key: 'eenheid', header: 'Eenheid', kind: 'text' },
  { key: 'jaar', header: 'Jaar', kind: 'integer' },
  { key: 'a_p10', header: 'A 10%', kind: 'decimal' },
  { key: 'a_mediaan', header: 'A mediaan', kind: 'decimal' },
  { key: 'a_p90', header: 'A 90%', kind: 'decimal' },
  { key: 'b_p10', header: 'B 10%', kind: 'decimal' },
  { key: 'b_mediaan', header: 'B mediaan', kind: 'decimal' },
  { key: 'b_p90', header: 'B 90%', kind: 'decimal' },
  { key: 'verschil', header: 'Verschil mediaan (B − A)', kind: 'decimal' },
  { key: 'indicator_code', header: 'Indicatorcode', kind: 'text' },
];

/** Percentiles as the charts draw them: a flag's mean over the runs is its probability (no band). */
function bands(r: ComparedResult, unit: string, metric: string) {
  const s = r.series[unit]?.[metric];
  if (!s) return null;
  const flag = r.metrics.find((m) => m.id === metric)?.unit === 'flag';
  return flag ? { p10: s.mean, p50: s.mean, p90: s.mean } : s;
}

/** One row per charted indicator and year of A's years, for one area (unit id). */
export function compareChartTable(
  a: ComparedResult,
  b: ComparedResult,
  unit: string,
  metrics: readonly string[],
): ExportTable {
  const area = a.units.find((u) => u.id === unit)?.name ?? unit;
  const rows: ExportTable['rows'] = [];
  for (const metric of metrics) {
    const sa = bands(a, unit, metric),
      sb = bands(b, unit, metric);
    if (!sa || !sb) continue;
    const m = a.metrics.find((x) => x.id === metric);
    a.years.forEach((year, i) => {
      const j = b.years.indexOf(year);
      const am = sa.p50[i] ?? null,
        bm = j < 0 ? null : (sb.p50[j] ?? null);
      rows.push({
        gebied: area,
        indicator: m?.label ?? metric,
        eenheid: UNIT_NL[m?.unit ?? ''] ?? m?.unit ?? '',
        jaar: year,
        a_p10: sa.p10[i] ?? null,
        a_mediaan: am,
        a_p90: sa.p90[i] ?? null,
        b_p10: j < 0 ? null : (sb.p10[j] ?? null),
        b_mediaan: bm,
        b_p90: j < 0 ? null : (sb.p90[j] ?? null),
        verschil: am === null || bm === null ? null : bm - am,
        indicator_code: metric,
      });
    });
  }
  return { columns: [...COMPARE_COLUMNS], rows };
}

export interface CompareExportContext {
  exportedBy: ExportMeta['exportedBy'];
  /** ISO 8601 timestamp. */
  exportedAt: string;
  dataset: ExportMeta['dataset'];
}

export function compareChartMeta(
  a: ComparedResult,
  b: ComparedResult,
  unit: string,
  ctx: CompareExportContext,
  rows: number,
): ExportMeta {
  const runs = (r: ComparedResult) =>
    `${r.scenario.name} (${r.scenario.id}, ${r.scenario.runs} runs, seed ${r.scenario.seed})`;
  return {
    title: 'Scenariovergelijking — grafiekgegevens',
    exportedBy: ctx.exportedBy,
    exportedAt: ctx.exportedAt,
    dataset: ctx.dataset,
    signals: { source: 'none', included: false, window: null, statement: 'niet gebruikt (woningvoorraadscenario’s)' },
    purpose: { id: 'scenariovergelijking', label: 'Woningmix-scenario’s vergelijken (gemeente, corporatie, VHF)' },
    rows,
    notes: [
      `Scenario A: ${runs(a)}.`,
      `Scenario B: ${runs(b)}.`,
      `Gebied: ${a.units.find((u) => u.id === unit)?.name ?? unit}. Percentielen over de Monte Carlo-runs; bij "kans" het gemiddelde over de runs.`,
    ],
  };
}

export function compareChartCsv(
  a: ComparedResult,
  b: ComparedResult,
  unit: string,
  metrics: readonly string[],
  ctx: CompareExportContext,
): string {
  const table = compareChartTable(a, b, unit, metrics);
  return toDutchCsv(table, compareChartMeta(a, b, unit, ctx, table.rows.length));
}

export async function compareChartXlsx(
  a: ComparedResult,
  b: ComparedResult,
  unit: string,
  metrics: readonly string[],
  ctx: CompareExportContext,
): Promise<Uint8Array<ArrayBuffer>> {
  const table = compareChartTable(a, b, unit, metrics);
  return toXlsxBytes(table, compareChartMeta(a, b, unit, ctx, table.rows.length), { sheetName: COMPARE_SHEET });
}
