import { INTERVENTION_NL } from '../../engine/potential/interventions.ts';
import { potentialExportTable } from '../../engine/potential/potential-export-table.ts';
import type { PotentialMap } from '../../engine/potential/potential-map.ts';
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFile, type ExportFormat } from './acquisition-export.ts';
import { toDutchCsv } from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';
import { toGeoJson } from './geojson-writer.ts';
import { toXlsx } from './xlsx-writer.ts';

/**
 * The potentiekaart as a file (CSV for Dutch Excel, XLSX, GeoJSON with the block polygons), through the shared
 * writers and under the acquisition export's rules: who, when, which dataset, whether synthetic, the purpose,
 * the privacy line, and signals only as the controlled buurt figure (never per address or per block).
 */
export const POTENTIAL_EXPORT_FORMATS = EXPORT_FORMATS;
export const POTENTIAL_SHEET = 'Potentiekaart';
export const POTENTIAL_PURPOSES = {
  gebiedsvisie: 'Gebiedsvisie en differentiatie (potentiekaart, interventiespoor 2)',
  projectplannen: 'Vertaling van de visie naar projectplannen',
} as const;
export type PotentialPurpose = keyof typeof POTENTIAL_PURPOSES;

export interface PotentialExportMeta extends Pick<ExportMeta, 'exportedBy' | 'exportedAt' | 'dataset'> {
  purpose: PotentialPurpose;
  /** Where the buurt safety figures came from ('none' when no signals were loaded). */
  signalSource: ExportMeta['signals']['source'];
  referenceYear: number;
}

export async function exportPotential(
  map: PotentialMap,
  format: ExportFormat,
  meta: PotentialExportMeta,
): Promise<ExportFile> {
  const table = potentialExportTable(map, { purpose: meta.purpose, dataDate: meta.dataset.dataDate });
  const range = map.range
    ? `van ${map.range.min.toLocaleString('nl-NL')} tot ${map.range.max.toLocaleString('nl-NL')}`
    : 'geen blok met een bekende potentie';
  const full: ExportMeta = {
    exportedBy: meta.exportedBy,
    exportedAt: meta.exportedAt,
    dataset: meta.dataset,
    title: `Potentiekaart: ${INTERVENTION_NL[map.intervention]}`,
    rows: table.rows.length,
    signals: {
      source: meta.signalSource,
      included: false,
      window: null,
      statement:
        meta.signalSource === 'none'
          ? 'niet gebruikt (geen signalen geladen)'
          : 'alleen als buurtcijfer na onthullingscontrole (< 10 onderdrukt, afgerond op 5); nooit per adres of blok',
    },
    purpose: { id: meta.purpose, label: POTENTIAL_PURPOSES[meta.purpose] },
    notes: [
      `Potentie ${range} (0-100); ${map.weightsVersion}; onderhoud geteld vanaf ${meta.referenceYear}.`,
      ...map.indicators.map((i) => `${i.name}: ${i.source}.`),
    ],
  };
  const base = `potentiekaart-${map.intervention}-${meta.dataset.dataDate}-${meta.exportedBy.role}`;
  const body =
    format === 'csv'
      ? Buffer.from(toDutchCsv(table, full), 'utf8')
      : format === 'xlsx'
        ? await toXlsx(table, full, { sheetName: POTENTIAL_SHEET })
        : Buffer.from(
            toGeoJson(
              table,
              map.blocks.map((b) => b.geometry),
              full,
            ),
            'utf8',
          );
  return { body, contentType: CONTENT_TYPES[format], fileName: `${base}.${format}`, rows: table.rows.length };
}
