/**
 * The notification export of a plan: one row per dwelling with nature-rule works, per contractor and week, with the
 * address and the planned moments of natuurvrij maken and of insulating, as the provincial notification app
 * (meldingsapplicatie) asks them; the national line wants each job registered in advance (48 h before exclusion,
 * config/permit-profiles/landelijke-lijn-nvi.json), so the latest registration day is listed too. CSV for Dutch
 * Excel and XLSX (dates as real dates) through the shared writers, stating the dataset and synthetic data.
 */
import type { ExportColumn, ExportTable } from '../../engine/acquisition/export-table.ts';
import { SHIPPED_PERMIT_PROFILES } from '../../engine/planner/permit-profile.ts';
import type { Plan } from '../../engine/planner/plan-types.ts';
import { dayNumber, isoOfDay } from '../../engine/retrofit/iso-day.ts';
import { MEASURE_NL } from '../../engine/retrofit/measure-ids.ts';
import { toDutchCsv } from './csv-writer.ts';
import type { ExportMeta } from './export-meta.ts';
import type { PlanExportContext } from './plan-export.ts';
import { toXlsx } from './xlsx-writer.ts';

export const UNASSIGNED_CONTRACTOR = 'nog toe te wijzen';
export const NOTIFICATION_SHEET = 'Meldingen';

export const NOTIFICATION_COLUMNS: readonly ExportColumn[] = (
  [
    ['aannemer', 'text'],
    ['week', 'text'],
    ['melden_uiterlijk', 'date'],
    ['natuurvrij_maken', 'date'],
    ['isoleren_vanaf', 'date'],
    ['isoleren_tot', 'date'],
    ['straat', 'text'],
    ['huisnummer', 'text'],
    ['postcode', 'text'],
    ['woonplaats', 'text'],
    ['verblijfsobject_id', 'text'],
    ['maatregelen', 'text'],
    ['vergunningsprofiel', 'text'],
    ['batch', 'text'],
  ] as const
).map(([key, kind]) => ({ key, header: key, kind }));

/** ISO 8601 week of a date, e.g. '2027-W11'. */
export function isoWeek(iso: string): string {
  const day = dayNumber(iso)!;
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: 0 = Monday
  const thursday = day - weekday + 3;
  const year = Number(isoOfDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)!) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function notificationTable(plan: Plan): ExportTable {
  const contractorOf = new Map(plan.meta.input.contractors.flatMap((c) => c.buurten.map((b) => [b, c.name] as const)));
  const rows: ExportTable['rows'] = [];
  for (const b of plan.batches) {
    const lead = Math.ceil((SHIPPED_PERMIT_PROFILES[b.permitProfile ?? '']?.notification.leadHours ?? 48) / 24);
    for (const d of b.dwellings) {
      if (d.natuurvrijVanaf === null) continue;
      rows.push({
        aannemer: contractorOf.get(b.buurtcode) ?? UNASSIGNED_CONTRACTOR,
        week: isoWeek(d.natuurvrijVanaf),
        melden_uiterlijk: isoOfDay(dayNumber(d.natuurvrijVanaf)! - lead),
        natuurvrij_maken: d.natuurvrijVanaf,
        isoleren_vanaf: d.insulationFrom,
        isoleren_tot: d.insulationUntil,
        straat: d.address?.street ?? null,
        huisnummer: d.address?.number ?? null,
        postcode: d.address?.postcode ?? null,
        woonplaats: d.address?.woonplaats ?? null,
        verblijfsobject_id: d.vboId,
        maatregelen: d.measures.map((m) => MEASURE_NL[m]).join(' + '),
        vergunningsprofiel: d.route === 'pre-smp' ? (b.permitProfile ?? null) : 'individuele ontheffing',
        batch: b.id,
      });
    }
  }
  const key = (r: ExportTable['rows'][number]): string =>
    [r.aannemer, r.week, r.natuurvrij_maken, r.postcode, r.huisnummer, r.verblijfsobject_id].map(String).join('\u0000');
  rows.sort((a, c) => (key(a) < key(c) ? -1 : key(a) > key(c) ? 1 : 0));
  return { columns: [...NOTIFICATION_COLUMNS], rows };
}

function notificationMeta(plan: Plan, ctx: PlanExportContext, rows: number): ExportMeta {
  const m = plan.meta;
  return {
    title: 'Meldingen natuurvriendelijk isoleren (per aannemer en week)',
    exportedBy: ctx.exportedBy,
    exportedAt: ctx.exportedAt,
    dataset: { name: m.dataset.name, dataDate: m.dataset.dataDate ?? 'onbekend', synthetic: m.dataset.synthetic },
    signals: { source: 'none', included: false, window: null },
    purpose: {
      id: 'melding',
      label: 'Vooraf melden in de provinciale meldingsapplicatie: moment van natuurvrij maken en van isoleren',
    },
    rows,
    notes: [
      'Meld elke klus uiterlijk op melden_uiterlijk (48 uur voor het natuurvrij maken); alleen bedrijven met training natuurvriendelijk isoleren hebben toegang.',
      `Plan van ${m.input.runDate}; alleen woningen met spouwmuur- of dakisolatie (natuurregels). Uitgenodigde woningen: meld alleen wie heeft toegezegd.`,
    ],
  };
}

export function notificationsAsCsv(plan: Plan, ctx: PlanExportContext): string {
  const table = notificationTable(plan);
  return toDutchCsv(table, notificationMeta(plan, ctx, table.rows.length));
}

export async function notificationsAsXlsx(plan: Plan, ctx: PlanExportContext): Promise<Buffer> {
  const table = notificationTable(plan);
  return toXlsx(table, notificationMeta(plan, ctx, table.rows.length), { sheetName: NOTIFICATION_SHEET });
}
