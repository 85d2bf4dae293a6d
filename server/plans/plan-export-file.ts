import type { ExportTable } from '../../engine/acquisition/export-table.ts';
import { planSchema } from '../../engine/planner/plan-types.ts';
import { CONTENT_TYPES, type ExportFile } from '../../geodata/exports/acquisition-export.ts';
import { toDutchCsv } from '../../geodata/exports/csv-writer.ts';
import type { ExportMeta } from '../../geodata/exports/export-meta.ts';
import { toGeoJson } from '../../geodata/exports/geojson-writer.ts';
import { PLAN_SHEET, planExportMeta, planExportTable } from '../../geodata/exports/plan-export.ts';
import {
  notificationsAsCsv,
  notificationsAsXlsx,
  notificationTable,
} from '../../geodata/exports/plan-notifications.ts';
import { toXlsx } from '../../geodata/exports/xlsx-writer.ts';
import type { StoredPlan } from './plan-store.ts';

/**
 * A saved plan as a file for the contractor and the ecologist: planner-core's plan export (geodata/exports/
 * plan-export.ts: the required plan columns, dataset and synthetic statement) plus what only a saved plan has —
 * each dwelling's current `status` as an extra column and the plan's id, version, lineage and dataset hash as
 * notes — written by the shared writers (Dutch Excel CSV, XLSX, GeoJSON).
 */
export const PLAN_EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'meldingen-csv', 'meldingen-xlsx'] as const;
export type PlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];

/** The saved plan's table (plan columns + each dwelling's current status), locations and metadata. */
export function savedPlanExport(
  saved: StoredPlan,
  exportedBy: ExportMeta['exportedBy'],
  exportedAt: string,
): { table: ExportTable; locations: [number, number][]; meta: ExportMeta } {
  const plan = planSchema.parse(saved.plan);
  const { table, locations } = planExportTable(plan);
  const status = new Map(saved.statuses.map((s) => [s.vboId, s.status]));
  table.columns.push({ key: 'status', header: 'status', kind: 'text' });
  for (const r of table.rows) r.status = status.get(String(r.verblijfsobject_id)) ?? 'voorgesteld';
  const base = planExportMeta(plan, { exportedBy, exportedAt }, table.rows.length);
  const meta: ExportMeta = {
    ...base,
    title: `${base.title} — plan ${saved.id} “${saved.name}”`,
    notes: [
      ...base.notes,
      `Opgeslagen plan ${saved.id}, versie ${saved.version}${saved.parentId !== null ? ` (herplanning van plan ${saved.parentId})` : ''}, gemaakt door ${saved.createdBy} op ${saved.createdAt}; status per woning zoals bij export.`,
      `Dataset-sha256 (woningtabel van de server): ${saved.dataset.sha256}`,
    ],
  };
  return { table, locations, meta };
}

export async function exportSavedPlan(
  saved: StoredPlan,
  format: PlanExportFormat,
  exportedBy: ExportMeta['exportedBy'],
  exportedAt: string,
): Promise<ExportFile> {
  const plan = planSchema.parse(saved.plan);
  // The notification list per contractor and week for the provincial meldingsapplicatie (plan-notifications.ts).
  if (format === 'meldingen-csv' || format === 'meldingen-xlsx') {
    const ctx = { exportedBy, exportedAt };
    const csv = format === 'meldingen-csv';
    const body = csv ? Buffer.from(notificationsAsCsv(plan, ctx), 'utf8') : await notificationsAsXlsx(plan, ctx);
    return {
      body,
      contentType: CONTENT_TYPES[csv ? 'csv' : 'xlsx'],
      fileName: `meldingen-${saved.id}-v${saved.version}.${csv ? 'csv' : 'xlsx'}`,
      rows: notificationTable(plan).rows.length,
    };
  }
  const { table, locations, meta } = savedPlanExport(saved, exportedBy, exportedAt);
  const fileBase = `uitvoeringsplan-${saved.id}-v${saved.version}`;
  let body: Buffer;
  if (format === 'csv') {
    body = Buffer.from(toDutchCsv(table, meta), 'utf8');
  } else if (format === 'xlsx') {
    body = await toXlsx(table, meta, { sheetName: PLAN_SHEET });
  } else {
    const doc = JSON.parse(toGeoJson(table, locations, meta)) as {
      features: { id: string; properties: Record<string, unknown> }[];
    };
    for (const f of doc.features) f.id = String(f.properties.verblijfsobject_id);
    body = Buffer.from(`${JSON.stringify(doc)}\n`, 'utf8');
  }
  return { body, contentType: CONTENT_TYPES[format], fileName: `${fileBase}.${format}`, rows: table.rows.length };
}
