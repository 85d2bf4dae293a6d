import type { Buurt } from '../dwelling.ts';
import { ownershipNl } from '../labels-nl.ts';
import { OWNERSHIP_CATEGORIES, GROUND_BOUND_TYPES } from '../dwelling.ts';
import { shareOf, snapshotSeries, type IndicatorSnapshotRow } from './indicator-snapshot.ts';
import { meetsTarget, targetShare, targetText, type ProgrammeTarget } from './programme-targets.ts';
import type { ReportSection, ReportTable } from './report-document.ts';
import { fmtDate, fmtShare, share4 } from './report-format.ts';
import { lineChart } from './svg-chart.ts';

/**
 * Section "De voorraad over tijd": labels E–G, tenure and dwelling types per programme area and buurt across the
 * stored snapshots (indicator-snapshot.ts), with the programme's targets beside them (programme-targets.ts).
 */
export interface SnapshotSectionInput {
  buurten: readonly Pick<Buurt, 'buurtcode' | 'buurtnaam' | 'programmeArea'>[];
  snapshots: readonly IndicatorSnapshotRow[];
  targets: readonly ProgrammeTarget[];
  /** Only snapshots up to this date (the report's period end). */
  until: string;
}

const COLORS = ['#1f4e8c', '#c0504d', '#4f8f3a', '#8064a2', '#f79646'];
const TRIGGER_NL = (t: string) => (t === 'handmatig' ? 'handmatig' : `import ${t.slice('import:'.length)}`);

/** Programme areas in name order, each with its buurten; `alle` = every buurt in an area. */
export function programmeAreas(buurten: SnapshotSectionInput['buurten']): { area: string; buurten: string[] }[] {
  const by = new Map<string, string[]>();
  for (const b of buurten)
    if (b.programmeArea) by.set(b.programmeArea, [...(by.get(b.programmeArea) ?? []), b.buurtcode]);
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([area, list]) => ({ area, buurten: list }));
}

export function snapshotSection(i: SnapshotSectionInput): ReportSection {
  const rows = i.snapshots.filter((r) => r.takenOn <= i.until);
  // Areas without any snapshot in the period (e.g. a new programme area) are left out rather than drawn empty.
  const withData = new Set(rows.map((r) => r.buurtcode));
  const areas = programmeAreas(i.buurten)
    .map((a) => ({ ...a, buurten: a.buurten.filter((b) => withData.has(b)) }))
    .filter((a) => a.buurten.length > 0);
  const all = areas.flatMap((a) => a.buurten);
  const areaBuurten = (area: string): string[] =>
    area === 'alle'
      ? all
      : (areas.find((a) => a.area === area)?.buurten ?? (i.buurten.some((b) => b.buurtcode === area) ? [area] : []));
  const dates = [...new Set(rows.map((r) => r.takenOn))].sort();
  const seriesOf = (codes: string[]) => snapshotSeries(rows, codes);
  const perDate = (codes: string[], f: (p: ReturnType<typeof seriesOf>[number]) => number | null) => {
    const s = seriesOf(codes);
    // The last snapshot of each date counts for that date.
    return dates.map((d) => {
      const on = s.filter((p) => p.takenOn === d);
      return on.length ? f(on[on.length - 1]!) : null;
    });
  };
  const charts =
    dates.length === 0
      ? []
      : [
          {
            sheet: 'Voorraad per gebied',
            svg: lineChart({
              title: 'Aandeel woningen met label E, F of G',
              xLabels: dates.map(fmtDate),
              lines: areas.map((a, k) => ({
                label: a.area,
                color: COLORS[k % COLORS.length]!,
                values: perDate(a.buurten, (p) => shareOf(p.labelEfg, p.dwellings)),
              })),
              formatY: (v) => fmtShare(v),
            }),
          },
          {
            sheet: 'Voorraad per gebied',
            svg: lineChart({
              title: 'Aandeel corporatiebezit',
              xLabels: dates.map(fmtDate),
              lines: areas.map((a, k) => ({
                label: a.area,
                color: COLORS[k % COLORS.length]!,
                values: perDate(a.buurten, (p) => shareOf(p.ownership.corporatie ?? 0, p.dwellings)),
              })),
              formatY: (v) => fmtShare(v),
            }),
          },
        ];

  const shareCols = [
    { key: 'aandeel_label_efg', header: 'Aandeel label E–G', kind: 'decimal' as const },
    ...OWNERSHIP_CATEGORIES.map((o) => ({
      key: `aandeel_${o.replace(/[^a-z]+/g, '_')}`,
      header: `Aandeel ${ownershipNl(o)}`,
      kind: 'decimal' as const,
    })),
    { key: 'aandeel_eengezins', header: 'Aandeel eengezinswoningen', kind: 'decimal' as const },
  ];
  const shareRow = (p: ReturnType<typeof seriesOf>[number]) => ({
    woningen: p.dwellings,
    aandeel_label_efg: share4(shareOf(p.labelEfg, p.dwellings)),
    ...Object.fromEntries(
      OWNERSHIP_CATEGORIES.map((o) => [
        `aandeel_${o.replace(/[^a-z]+/g, '_')}`,
        share4(shareOf(p.ownership[o] ?? 0, p.dwellings)),
      ]),
    ),
    aandeel_eengezins: share4(
      shareOf(
        GROUND_BOUND_TYPES.reduce((s, t) => s + (p.type[t] ?? 0), 0),
        p.dwellings,
      ),
    ),
  });

  const formats = Object.fromEntries(shareCols.map((c) => [c.key, 'share' as const]));
  const areaTable: ReportTable = {
    sheet: 'Voorraad per gebied',
    formats,
    title: 'Indicatoren per programmagebied en momentopname',
    columns: [
      { key: 'gebied', header: 'Programmagebied', kind: 'text' },
      { key: 'datum', header: 'Momentopname', kind: 'date' },
      { key: 'aanleiding', header: 'Aanleiding', kind: 'text' },
      { key: 'woningen', header: 'Woningen', kind: 'integer' },
      ...shareCols,
    ],
    rows: areas.flatMap((a) =>
      seriesOf(a.buurten).map((p) => ({
        gebied: a.area,
        datum: p.takenOn,
        aanleiding: TRIGGER_NL(p.trigger),
        ...shareRow(p),
      })),
    ),
  };
  const names = new Map(i.buurten.map((b) => [b.buurtcode, b.buurtnaam]));
  const buurtTable: ReportTable = {
    sheet: 'Voorraad per buurt',
    formats,
    title: 'Indicatoren per buurt en momentopname',
    columns: [
      { key: 'buurtcode', header: 'Buurtcode', kind: 'text' },
      { key: 'buurt', header: 'Buurt', kind: 'text' },
      { key: 'datum', header: 'Momentopname', kind: 'date' },
      { key: 'woningen', header: 'Woningen', kind: 'integer' },
      ...shareCols,
    ],
    rows: all.flatMap((code) =>
      seriesOf([code]).map((p) => ({
        buurtcode: code,
        buurt: names.get(code) ?? code,
        datum: p.takenOn,
        ...shareRow(p),
      })),
    ),
  };
  const targetTable: ReportTable = {
    sheet: 'Doelen voorraad',
    formats: { waarde: 'share' },
    title: 'Programmadoelen naast de laatste momentopname',
    columns: [
      { key: 'doel', header: 'Doel', kind: 'text' },
      { key: 'gebied', header: 'Gebied', kind: 'text' },
      { key: 'norm', header: 'Norm', kind: 'text' },
      { key: 'datum', header: 'Laatste momentopname', kind: 'date' },
      { key: 'waarde', header: 'Waarde', kind: 'decimal' },
      { key: 'gehaald', header: 'Nu binnen de norm', kind: 'text' },
      { key: 'aanname', header: 'Aanname', kind: 'boolean' },
      { key: 'bron', header: 'Bron', kind: 'text' },
    ],
    rows: i.targets.map((t) => {
      const s = seriesOf(areaBuurten(t.area));
      const last = s[s.length - 1];
      const v = last ? targetShare(t, last) : null;
      return {
        doel: t.description,
        gebied: t.area === 'alle' ? 'alle programmagebieden' : t.area,
        norm: targetText(t),
        datum: last?.takenOn ?? null,
        waarde: share4(v),
        gehaald: v === null ? 'geen gegevens' : meetsTarget(t, v) ? 'ja' : 'nee',
        aanname: t.assumption,
        bron: t.source,
      };
    }),
  };
  const n = new Set(rows.map((r) => r.snapshotId)).size;
  return {
    id: 'voorraad',
    heading: 'De voorraad over tijd',
    paragraphs: [
      n === 0
        ? 'Er zijn nog geen momentopnamen tot het einde van dit kwartaal. Elke import en `voorraad snapshot` bewaart er een.'
        : `${n} momentopname${n === 1 ? '' : 'n'} tot ${fmtDate(i.until)} (elke import en elke handmatige momentopname bewaart de aantallen per buurt; geen gegevens per woning). De doelen staan in de tabel ernaast, met hun bron; een doel gemarkeerd als aanname is niet door het programma vastgesteld.`,
    ],
    charts,
    tables: [targetTable, areaTable],
    sheetOnly: [buurtTable],
  };
}
