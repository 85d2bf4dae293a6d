/**
 * Exports of a retrofit batch plan: one row per planned dwelling with at least
 * `verblijfsobject_id;batch;seizoen;maatregelen;natuurvrij_vanaf;isolatie_vanaf;isolatie_tot;kosten_eur;
 * programma_bijdrage_eur;gasbesparing_m3`, as Dutch-Excel CSV, XLSX and GeoJSON through the shared writers, each
 * stating the dataset and — when it is — that the data is synthetic.
 */
import type { ExportColumn, ExportTable } from '../../engine/acquisition/export-table.ts';
import type { Plan } from '../../engine/planner/plan-types.ts';
import { MEASURE_NL } from '../../engine/retrofit/measure-ids.ts';
import { ownershipNl } from '../../engine/labels-nl.ts';
import { bindingNl, solverNl, solverStatusNl } from '../../engine/planner/plan-nl.ts';
import { toDutchCsv } from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';
import { toGeoJson } from './geojson-writer.ts';
import { toXlsx } from './xlsx-writer.ts';

/** Columns; the header is the snake_case key, as the VHF asked for the CSV columns. */
export const PLAN_COLUMNS: readonly ExportColumn[] = (
  [
    ['verblijfsobject_id', 'text'],
    ['batch', 'text'],
    ['seizoen', 'text'],
    ['maatregelen', 'text'],
    ['natuurvrij_vanaf', 'date'],
    ['isolatie_vanaf', 'date'],
    ['isolatie_tot', 'date'],
    ['kosten_eur', 'integer'],
    ['programma_bijdrage_eur', 'integer'],
    ['gasbesparing_m3', 'integer'],
    ['eigen_bijdrage_eur', 'integer'],
    ['route', 'text'],
    ['eigendom', 'text'],
    ['buurtcode', 'text'],
    ['programmagebied', 'text'],
    ['projectprijs', 'boolean'],
    ['corporatiejaar', 'integer'],
    ['al_gestart', 'boolean'],
    ['label_voor', 'text'],
    ['label_na', 'text'],
    // Where to go and what the owner pays: the address and the estimated own contribution (eigen_bijdrage_eur above).
    ['straat', 'text'],
    ['huisnummer', 'text'],
    ['postcode', 'text'],
    ['woonplaats', 'text'],
    ['kans_deelname', 'decimal'],
    ['vergunningsprofiel', 'text'],
  ] as const
).map(([key, kind]) => ({ key, header: key, kind }));

export const PLAN_SHEET = 'Planning';

const ROUTE_NL = {
  'pre-smp': 'pre-SMP',
  'corporation-code': 'gedragscode corporatie',
  'individual-survey': 'individueel onderzoek',
} as const;

export function planExportTable(plan: Plan): { table: ExportTable; locations: [number, number][] } {
  const rows: ExportTable['rows'] = [];
  const locations: [number, number][] = [];
  for (const b of plan.batches) {
    for (const d of b.dwellings) {
      rows.push({
        verblijfsobject_id: d.vboId,
        batch: b.id,
        seizoen: b.season,
        maatregelen: d.measures.map((m) => MEASURE_NL[m]).join(' + '),
        natuurvrij_vanaf: d.natuurvrijVanaf,
        isolatie_vanaf: d.insulationFrom,
        isolatie_tot: d.insulationUntil,
        kosten_eur: d.costEur,
        programma_bijdrage_eur: d.programmeContributionEur,
        gasbesparing_m3: d.gasSavingM3PerYear,
        eigen_bijdrage_eur: d.ownerContributionEur,
        route: ROUTE_NL[d.route],
        eigendom: ownershipNl(d.ownership),
        buurtcode: b.buurtcode,
        programmagebied: b.programmeArea,
        projectprijs: b.projectPrice,
        corporatiejaar: b.corporationYear,
        al_gestart: b.fixed,
        label_voor: d.labelBefore,
        label_na: d.labelAfter,
        straat: d.address?.street ?? null,
        huisnummer: d.address?.number ?? null,
        postcode: d.address?.postcode ?? null,
        woonplaats: d.address?.woonplaats ?? null,
        kans_deelname: d.acceptProbability ?? null,
        vergunningsprofiel: d.natuurvrijVanaf !== null && d.route === 'pre-smp' ? (b.permitProfile ?? null) : null,
      });
      locations.push(d.location);
    }
  }
  return { table: { columns: [...PLAN_COLUMNS], rows }, locations };
}

const eur = (x: number): string => `€ ${Math.round(x).toLocaleString('nl-NL')}`;

export interface PlanExportContext {
  exportedBy: ExportMeta['exportedBy'];
  /** ISO 8601 timestamp (passed in, so a test gives identical bytes). */
  exportedAt: string;
}

export function planExportMeta(plan: Plan, ctx: PlanExportContext, rows: number): ExportMeta {
  const m = plan.meta;
  const notes = [
    `Budget ${eur(m.input.budgetEur)}; programmabijdrage gepland ${eur(plan.totals.programmeContributionEur)}; niet besteed ${eur(plan.unspent.eur)}${plan.unspent.reason ? ` (${bindingNl(plan.unspent.reason.code)}; code ${plan.unspent.reason.code})` : ''}`,
    `Periode ${m.input.window.from} t/m ${m.input.window.until} (rekendatum ${m.input.runDate}); ${plan.totals.batches} batches, ${plan.totals.dwellings} woningen uitgenodigd`,
    ...(m.uptake?.enabled
      ? [
          `Verwachte deelname: ${m.uptake.dwellings.expected} woningen (p10–p90 ${m.uptake.dwellings.p10}–${m.uptake.dwellings.p90}); bedragen per woning gelden als de eigenaar meedoet`,
        ]
      : []),
    ...(m.permit
      ? [
          `Vergunningsprofiel: ${m.permit.profiles.map((p) => `${p.id} ${p.validFrom} t/m ${p.validUntil}${p.placeholder ? ' (waarden te bevestigen)' : ''}`).join('; ')}; na afloop ${m.permit.afterValidity === 'refused' ? 'geen natuurwerk' : 'onder de opvolger'}`,
        ]
      : []),
    ...(typeof m.input.policy === 'string' ? [] : [`Scope: ${m.input.policy.name}`]),
    `Oplosser ${solverNl(m.solver.used)} (gevraagd: ${solverNl(m.solver.requested)}; uitkomst: ${solverStatusNl(m.solver.status)}); doelwaarde ${m.objective.toLocaleString('nl-NL')}; gretige heuristiek ${m.greedyObjective.toLocaleString('nl-NL')}${m.mipGap === null ? '' : `; MIP-gat ${(m.mipGap * 100).toLocaleString('nl-NL', { maximumFractionDigits: 3 })}%`}`,
  ];
  return {
    title: 'Verduurzamingsplanning',
    exportedBy: ctx.exportedBy,
    exportedAt: ctx.exportedAt,
    dataset: { name: m.dataset.name, dataDate: m.dataset.dataDate ?? 'onbekend', synthetic: m.dataset.synthetic },
    signals: { source: 'none', included: false, window: null },
    purpose: { id: 'verduurzaming', label: 'Planning natuurinclusief isoleren (VHF-projectorganisatie)' },
    rows,
    notes,
  };
}

export function planAsCsv(plan: Plan, ctx: PlanExportContext): string {
  const { table } = planExportTable(plan);
  return toDutchCsv(table, planExportMeta(plan, ctx, table.rows.length));
}

/** XLSX through the shared writer, its table sheet named PLAN_SHEET. */
export async function planAsXlsx(plan: Plan, ctx: PlanExportContext): Promise<Buffer> {
  const { table } = planExportTable(plan);
  return toXlsx(table, planExportMeta(plan, ctx, table.rows.length), { sheetName: PLAN_SHEET });
}

/** GeoJSON points, feature id = verblijfsobject id. */
export function planAsGeoJson(plan: Plan, ctx: PlanExportContext): string {
  const { table, locations } = planExportTable(plan);
  const doc = JSON.parse(toGeoJson(table, locations, planExportMeta(plan, ctx, table.rows.length))) as {
    features: { id: string; properties: Record<string, unknown> }[];
  };
  for (const f of doc.features) f.id = String(f.properties.verblijfsobject_id);
  return `${JSON.stringify(doc)}\n`;
}
