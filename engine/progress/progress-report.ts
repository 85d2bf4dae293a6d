import type { Buurt, DatasetMeta } from '../dwelling.ts';
import type { MonitorIssueCode } from '../monitor/monitor-issue-codes.ts';
import { computeProgressFigures, type ProgressFigures, type ProgressInput } from '../monitor/progress-figures.ts';
import type { ProgrammeSettings } from '../monitor/programme-settings.ts';
import { fail, ok, type Result } from '../result.ts';
import { buurtSection, realisationSection, summaryLines } from './figures-sections.ts';
import type { IndicatorSnapshotRow } from './indicator-snapshot.ts';
import type { ProgrammeTargets } from './programme-targets.ts';
import type { ReportDocument } from './report-document.ts';
import { fmtDate } from './report-format.ts';
import { snapshotSection } from './snapshot-section.ts';

/**
 * The quarterly progress report (`voorraad report progress`, the app's button): the monitor's figures for the
 * quarter, the stock across snapshots with the programme's targets, the status map, the assumptions and the data
 * dates, as one document that the HTML, PDF and XLSX writers print. Pure: records, clock and settings come in.
 */
export interface ProgressReportInput {
  /** The monitor's figures for the quarter (engine/monitor/progress-figures.ts, or the server's stored ones). */
  figures: ProgressFigures;
  settings: ProgrammeSettings;
  /** Dates of the records the figures rest on (any order; those after the quarter are ignored). */
  statusDates: readonly string[];
  moneyDates: readonly string[];
  /** ISO timestamp the report is made at (the caller's clock). */
  generatedAt: string;
  dataset: Pick<DatasetMeta, 'name' | 'dataDate' | 'synthetic'>;
  buurten: readonly Pick<Buurt, 'buurtcode' | 'buurtnaam' | 'programmeArea' | 'geometry'>[];
  snapshots: readonly IndicatorSnapshotRow[];
  targets: ProgrammeTargets;
}

export const REPORT_TITLE = 'Voortgangsrapportage isolatieprogramma';

const latest = (dates: readonly string[], until: string): string | null =>
  dates.filter((d) => d <= until).reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);

/** The report from the records themselves (tests, the bench): the monitor's figures first, then the document. */
export function progressReportFromRecords(
  i: Omit<ProgressReportInput, 'figures' | 'statusDates' | 'moneyDates'> & ProgressInput,
): Result<ReportDocument, MonitorIssueCode> {
  const r = computeProgressFigures(i);
  if (!r.ok) return fail(...r.issues);
  return ok(
    buildProgressReport({
      ...i,
      figures: r.value,
      statusDates: i.statuses.map((s) => s.date),
      moneyDates: i.money.map((m) => m.date),
    }),
  );
}

export function buildProgressReport(i: ProgressReportInput): ReportDocument {
  const f = i.figures;
  const until = f.period.until;
  const dataDates = [
    { label: 'Laatste statusmelding', date: latest(i.statusDates, until) },
    { label: 'Laatste geldboeking', date: latest(i.moneyDates, until) },
    {
      label: 'Laatste momentopname',
      date: latest(
        i.snapshots.map((x) => x.takenOn),
        until,
      ),
    },
  ].filter((x): x is { label: string; date: string } => x.date !== null);
  const s = i.settings;
  const assumptions = [
    `Programma: ${s.id}, ${fmtDate(s.start)} t/m ${fmtDate(s.end)}${s.startIsAssumption ? ' (startdatum is een aanname)' : ''}; bron: ${s.source} (geraadpleegd ${fmtDate(s.retrieved)}).`,
    `Plan in gebruik: plan ${f.plan.id}, versie ${f.plan.version}. Geplande aantallen en bedragen zijn verwachtingen: elke woning telt met haar kans op akkoord (config/plan-uptake, aannamen).`,
    'Gas- en CO₂-besparing zijn gemodelleerd per woning (verduurzamingsmodel), niet gemeten.',
    `Statuskaart en cijfers per buurt: aantallen onder 10 niet getoond, overige afgerond op 5, aandelen alleen bij 50 of meer geplande woningen.`,
    `Doelen voor de voorraad: ${i.targets.id} (geraadpleegd ${fmtDate(i.targets.retrieved)}); doelen gemarkeerd als aanname zijn niet door het programma vastgesteld.`,
    'Prognose (einddatum en bandbreedte bij het tempo van de laatste kwartalen): nog niet in deze versie van het rapport.',
    ...(i.dataset.synthetic ? ['De dataset is synthetisch: woningen, adressen en eigenaren zijn gegenereerd.'] : []),
  ];
  return {
    title: REPORT_TITLE,
    quarter: f.quarter,
    period: f.period,
    generatedAt: i.generatedAt,
    dataset: { name: i.dataset.name, dataDate: i.dataset.dataDate, synthetic: i.dataset.synthetic },
    dataDates,
    summary: summaryLines(f),
    sections: [
      realisationSection(f),
      buurtSection(f, i.buurten),
      snapshotSection({ buurten: i.buurten, snapshots: i.snapshots, targets: i.targets.targets, until }),
    ],
    assumptions,
    warnings: f.warnings.map((w) => `${w.code}: ${w.message}`),
  };
}
