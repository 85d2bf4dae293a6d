import type { ColumnKind } from '../engine/acquisition/export-table.ts';
import type { StatsTable } from '../engine/dwelling-stats.ts';
import { csvDocument, csvRow } from '../geodata/exports/csv-writer.ts';

const nl = (digits: number) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

const HEADERS = ['aantal', 'gem. opp. (m²)', 'mediaan bouwjaar', 'label E–G', 'label geregistreerd'];

/** Human-readable table with nl-NL numbers; the footer says when the data is synthetic. */
export function statsAsTable(s: StatsTable, synthetic: boolean): string {
  const body = s.rows.map((r) => [
    ...s.groupBy.map((f) => r.key[f] ?? ''),
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

/** The table through the shared Dutch CSV writer (`;`, BOM, decimal comma, neutralised text); a column marks synthetic data. */
export function statsAsCsv(s: StatsTable, synthetic: boolean): string {
  const kinds: ColumnKind[] = [
    ...s.groupBy.map((): ColumnKind => 'text'),
    'integer',
    'decimal',
    'integer',
    'decimal',
    'decimal',
    'boolean',
  ];
  const rows = [
    csvRow([
      ...s.groupBy,
      'aantal',
      'gem_oppervlakte_m2',
      'mediaan_bouwjaar',
      'aandeel_label_efg',
      'aandeel_label_geregistreerd',
      'synthetisch',
    ]),
  ];
  for (const r of s.rows) {
    rows.push(
      csvRow(
        [
          ...s.groupBy.map((f) => r.key[f] ?? ''),
          r.count,
          r.meanOppervlakte,
          r.medianBouwjaar,
          r.shareLabelEFG,
          r.shareLabelRegistered,
          synthetic,
        ],
        kinds,
      ),
    );
  }
  return csvDocument(rows);
}
