import type { Health } from '../api.ts';
import type { ExportMeta } from '../../../geodata/exports/export-meta.ts';
import type { ScenarioResult } from './scenario-api.ts';

/**
 * The compare page's chart data as a download, written in the browser by the product's shared CSV and XLSX writers
 * (geodata/exports/compare-export.ts), loaded only when a user asks for a file (the XLSX writer is large).
 */
export async function downloadChartData(
  format: 'csv' | 'xlsx',
  a: ScenarioResult,
  b: ScenarioResult,
  area: string,
  metrics: readonly string[],
  who: { exportedBy: ExportMeta['exportedBy']; exportedAt: string; health: Promise<Health> },
): Promise<void> {
  const [{ compareChartCsv, compareChartXlsx }, health] = await Promise.all([
    import('../../../geodata/exports/compare-export.ts'),
    who.health,
  ]);
  const ctx = {
    exportedBy: who.exportedBy,
    exportedAt: who.exportedAt,
    dataset: { name: health.dataset.name, dataDate: health.dataset.dataDate, synthetic: health.dataset.synthetic },
  };
  const blob =
    format === 'csv'
      ? new Blob([compareChartCsv(a, b, area, metrics, ctx)], { type: 'text/csv;charset=utf-8' })
      : new Blob([await compareChartXlsx(a, b, area, metrics, ctx)], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `scenariovergelijking-${a.scenario.id}-${b.scenario.id}-${area}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
