import { vveExportTable } from '../../engine/vve/vve-export-table.ts';
import type { VveRankingBody } from '../../engine/vve/vve-schemas.ts';
import { toDutchCsv } from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';
import { toXlsx } from './xlsx-writer.ts';

/**
 * The VvE pilot ranking as a file: CSV for Dutch Excel (BOM, `;`, decimal comma) or XLSX, through the shared
 * writers, so every file states who exported it, when, from which dataset and whether it is synthetic.
 */
export const VVE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type VveExportFormat = (typeof VVE_EXPORT_FORMATS)[number];

export const VVE_PURPOSE = {
  id: 'vve-pilot',
  label: 'Selectie VvE-pilot verduurzaming (VHF-projectorganisatie)',
} as const;
export const VVE_SHEET = 'VvE-pilot';
/** The ranking reads no municipal signals; said so instead of the acquisition list's "role without access" line. */
export const VVE_SIGNALS_STATEMENT =
  'niet gebruikt in deze lijst (de VvE-rangschikking leest geen gemeentelijke signalen)';

const CONTENT_TYPES: Record<VveExportFormat, string> = {
  csv: 'text/csv; charset=UTF-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface VveExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  rows: number;
}

export async function exportVve(
  body: VveRankingBody,
  format: VveExportFormat,
  who: Pick<ExportMeta, 'exportedBy' | 'exportedAt'>,
): Promise<VveExportFile> {
  const table = vveExportTable(body);
  const meta: ExportMeta = {
    ...who,
    title: 'VvE-pilot: rangschikking',
    dataset: body.dataset,
    signals: { source: 'none', included: false, window: null, statement: VVE_SIGNALS_STATEMENT },
    purpose: VVE_PURPOSE,
    rows: table.rows.length,
    notes: [
      `Peildatum ALV/MJOP: ${body.asOf}. ${body.count} VvE's gerangschikt, ${body.rejected.length} met gegevensproblemen (onderaan, zonder score).`,
      `Pilot-shortlist: ${body.shortlist.join(', ') || 'geen'}.`,
      `Beleidsregels (config/rules) geldig op ${body.rulesDate}: ${body.rulesUsed.map((r) => `${r.version}${r.assumption ? ' (aanname)' : ''}`).join(', ')}.`,
      'De VvE-rangschikking gebruikt geen gemeentelijke signalen.',
      ...body.assumptions,
    ],
  };
  const base = `vve-pilot-${body.dataset.dataDate}-${who.exportedBy.role}`;
  const file =
    format === 'csv'
      ? Buffer.from(toDutchCsv(table, meta), 'utf8')
      : await toXlsx(table, meta, { sheetName: VVE_SHEET });
  return { body: file, contentType: CONTENT_TYPES[format], fileName: `${base}.${format}`, rows: table.rows.length };
}
