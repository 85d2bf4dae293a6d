import type { ExportColumn, ExportTable } from '../engine/acquisition/export-table.ts';
import type { StatsField, StatsTable } from '../engine/dwelling-stats.ts';
import { toDutchCsv } from '../geodata/exports/csv-writer.ts';
import { dwellingTypeNl, ownershipNl } from '../engine/labels-nl.ts';

/** A group's category as a user reads it: types and tenures from the one Dutch label table. */
function categoryNl(field: StatsField, value: string | undefined): string {
  if (value === undefined) return '';
  if (field === 'type') return dwellingTypeNl(value);
  return field === 'ownership' ? ownershipNl(value) : value;
}

const nl = (digits: number) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

const HEADERS = ['aantal', 'gem. opp. (m²)', 'mediaan bouwjaar', 'label E–G', 'label geregistreerd'];

/** Human-readable table with nl-NL numbers; the footer says when the data is synthetic. */
export function statsAsTable(s: StatsTable, synthetic: boolean): string {
  const body = s.rows.map((r) => [
    ...s.groupBy.map((f) => categoryNl(f, r.key[f])),
    nl(0).format(r.count),
    nl(1).format(r.meanOppervlakte),
    String(r.medianBouwjaar),
    pct.format(r.shareLabelEFG),
    pct.format(r.shareLabelRegistered),
  ]);
  const head = [...s.groupBy, ...HEADERS];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < s.groupBy.length ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    `totaal: ${nl(0).format(s.total)} woningen`,
  ];
  if (synthetic) out.push('Let op: synthetische gegevens — geen echte woningen.');
  return out.join('\n');
}

/** The statistics as an export table: the group-by fields as text, then the figures; a column marks synthetic data. */
export function statsTable(s: StatsTable, synthetic: boolean): ExportTable {
  const columns: ExportColumn[] = [
    ...s.groupBy.map((f): ExportColumn => ({ key: f, header: f, kind: 'text' })),
    ...(
      [
        ['aantal', 'integer'],
        ['gem_oppervlakte_m2', 'decimal'],
        ['mediaan_bouwjaar', 'integer'],
        ['aandeel_label_efg', 'decimal'],
        ['aandeel_label_geregistreerd', 'decimal'],
        ['synthetisch', 'boolean'],
      ] as const
    ).map(([key, kind]): ExportColumn => ({ key, header: key, kind })),
  ];
  const rows = s.rows.map((r) => ({
    ...Object.fromEntries(s.groupBy.map((f) => [f, categoryNl(f, r.key[f])])),
    aantal: r.count,
    gem_oppervlakte_m2: r.meanOppervlakte,
    mediaan_bouwjaar: r.medianBouwjaar,
    aandeel_label_efg: r.shareLabelEFG,
    aandeel_label_geregistreerd: r.shareLabelRegistered,
    synthetisch: synthetic,
  }));
  return { columns, rows };
}

/** The table through the shared Dutch CSV writer (`;`, BOM, decimal comma, neutralised text). */
export function statsAsCsv(s: StatsTable, synthetic: boolean): string {
  return toDutchCsv(statsTable(s, synthetic));
}
