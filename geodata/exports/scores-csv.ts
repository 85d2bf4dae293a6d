import type { ColumnKind, ExportValue } from '../../engine/acquisition/export-table.ts';
import type { DwellingScore } from '../../engine/retrofit/scores-json.ts';
import { ranked } from '../../engine/retrofit/scores-export.ts';
import { FACTOR_IDS } from '../../engine/retrofit/weights.ts';
import { csvDocument, csvRow } from './csv-writer.ts';

/** Columns of `voorraad score --format csv`, with the kind the shared writer formats each by. */
const COLUMNS: [string, ColumnKind][] = [
  ['rang', 'integer'],
  ['vbo_id', 'text'],
  ['buurtcode', 'text'],
  ['type', 'text'],
  ['eigendom', 'text'],
  ['bouwjaar', 'integer'],
  ['prioriteit', 'decimal'],
  ...FACTOR_IDS.map((f): [string, ColumnKind] => [`bijdrage_${f}`, 'decimal']),
  ['label_voor', 'text'],
  ['label_na', 'text'],
  ['gasverbruik_m3', 'decimal'],
  ['route', 'text'],
  ['ecologisch_risico', 'decimal'],
  ['maatregelen', 'text'],
  ['kosten_eur', 'decimal'],
  ['subsidie_eur', 'decimal'],
  ['netto_kosten_eur', 'decimal'],
  ['besparing_m3_per_jaar', 'decimal'],
  ['besparing_eur_per_jaar', 'decimal'],
  ['co2_kg_per_jaar', 'decimal'],
  ['terugverdientijd_jaar', 'decimal'],
  ['laag_inkomen_bron', 'text'],
  ['lon', 'decimal'],
  ['lat', 'decimal'],
  ['synthetisch', 'boolean'],
];
const KINDS = COLUMNS.map(([, k]) => k);

/**
 * Whole-stock scores, highest priority first, as a Dutch CSV (shared writer: `;`, BOM, decimal comma, neutralised text);
 * `kosten_eur` is the gross package cost, `netto_kosten_eur` what the owner pays after the subsidies (empty: unknown).
 */
export function scoresAsCsv(rows: readonly DwellingScore[], synthetic: boolean): string {
  const lines = [csvRow(COLUMNS.map(([h]) => h))];
  ranked(rows).forEach((d, k) => {
    const values: ExportValue[] = [
      k + 1,
      d.vboId,
      d.buurtcode,
      d.type,
      d.ownership,
      d.bouwjaar,
      d.priority,
      ...FACTOR_IDS.map((f) => d.breakdown[f]),
      d.labelBefore,
      d.labelAfter,
      d.gasUseM3PerYear,
      d.route,
      d.riskScore,
      d.measures.applicable.join(' '),
      d.measures.costEur,
      d.measures.subsidyEur,
      d.measures.netCostEur,
      d.measures.gasSavingM3PerYear,
      d.measures.billSavingEurPerYear,
      d.measures.co2SavingKgPerYear,
      d.measures.paybackYears,
      d.lowIncomeShareSource,
      d.location[0],
      d.location[1],
      synthetic,
    ];
    lines.push(csvRow(values, KINDS));
  });
  return csvDocument(lines);
}
