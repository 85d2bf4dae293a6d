import { acquisitionExportTable } from '../../engine/acquisition/export-table.ts';
import { zoneSummaryText } from '../../engine/acquisition/zone-summary.ts';
import type { AcquisitionPlan } from '../../engine/acquisition/plan.ts';
import { toDutchCsv } from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';
import { toGeoJson } from './geojson-writer.ts';
import { toXlsx } from './xlsx-writer.ts';

/** The acquisition list in one of the export formats, with its content type and file name. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=UTF-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=UTF-8',
};

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  rows: number;
}

export async function exportAcquisition(
  plan: AcquisitionPlan,
  format: ExportFormat,
  meta: Omit<ExportMeta, 'rows' | 'title' | 'signals' | 'notes'> & { signalSource: ExportMeta['signals']['source'] },
  buurtNames: ReadonlyMap<string, string>,
): Promise<ExportFile> {
  const table = acquisitionExportTable(plan, { purpose: meta.purpose.id, buurtNames });
  const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const { signalSource, ...rest } = meta;
  const full: ExportMeta = {
    ...rest,
    title: 'Verwervingslijst',
    rows: table.rows.length,
    signals: { source: signalSource, included: plan.usesSignals, window: plan.signalWindow },
    notes: [
      `Budget ${euro.format(plan.budgetEur)}; geselecteerd ${plan.selectedCount} woningen, geraamd ${euro.format(plan.selectedCostEur)} (WOZ-klasse + kosten koper).`,
      ...plan.zones.map((z) => `Doelzone ${zoneSummaryText(z, (n) => euro.format(n))}.`),
      plan.ordinance
        ? `${plan.ordinance.title} (${plan.ordinance.validFrom} t/m ${plan.ordinance.validTo ?? 'open'}) in de score; regels ${plan.ordinance.versions.join(', ')}.`
        : 'Geen huisvestingsverordening van kracht op de rekendatum: niet in de score.',
    ],
  };
  const base = `verwervingslijst-${meta.dataset.dataDate}-${meta.exportedBy.role}`;
  const body =
    format === 'csv'
      ? Buffer.from(toDutchCsv(table, full), 'utf8')
      : format === 'xlsx'
        ? await toXlsx(table, full)
        : Buffer.from(
            toGeoJson(
              table,
              plan.candidates.map((c) => c.location),
              full,
            ),
            'utf8',
          );
  return { body, contentType: CONTENT_TYPES[format], fileName: `${base}.${format}`, rows: table.rows.length };
}
