import type { ColumnKind, ExportColumn, ExportTable } from '../../engine/acquisition/export-table.ts';
import type { DwellingScore } from '../../engine/retrofit/scores-json.ts';
import { ranked } from '../../engine/retrofit/scores-export.ts';
import { FACTOR_IDS } from '../../engine/retrofit/weights.ts';
import { dwellingTypeNl, ownershipNl } from '../../engine/labels-nl.ts';
import { toDutchCsv } from './csv-writer.ts';

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
export const SCORE_COLUMNS: readonly ExportColumn[] = COLUMNS.map(([key, kind]) => ({ key, header: key, kind }));

/** Whole-stock scores, highest priority first, as a table (one row per dwelling). */
export function scoresTable(rows: readonly DwellingScore[], synthetic: boolean): ExportTable {
  const out: ExportTable['rows'] = ranked(rows).map((d, k) => ({
    rang: k + 1,
    vbo_id: d.vboId,
    buurtcode: d.buurtcode,
    type: dwellingTypeNl(d.type),
    eigendom: ownershipNl(d.ownership),
    bouwjaar: d.bouwjaar,
    prioriteit: d.priority,
    ...Object.fromEntries(FACTOR_IDS.map((f) => [`bijdrage_${f}`, d.breakdown[f]])),
    label_voor: d.labelBefore,
    label_na: d.labelAfter,
    gasverbruik_m3: d.gasUseM3PerYear,
    route: d.route,
    ecologisch_risico: d.riskScore,
    maatregelen: d.measures.applicable.join(' '),
    kosten_eur: d.measures.costEur,
    subsidie_eur: d.measures.subsidyEur,
    netto_kosten_eur: d.measures.netCostEur,
    besparing_m3_per_jaar: d.measures.gasSavingM3PerYear,
    besparing_eur_per_jaar: d.measures.billSavingEurPerYear,
    co2_kg_per_jaar: d.measures.co2SavingKgPerYear,
    terugverdientijd_jaar: d.measures.paybackYears,
    laag_inkomen_bron: d.lowIncomeShareSource,
    lon: d.location[0],
    lat: d.location[1],
    synthetisch: synthetic,
  }));
  return { columns: [...SCORE_COLUMNS], rows: out };
}

/**
 * Whole-stock scores, highest priority first, as a Dutch CSV (shared writer: `;`, BOM, decimal comma, neutralised text);
 * `kosten_eur` is the gross package cost, `netto_kosten_eur` what the owner pays after the subsidies (empty: unknown).
 */
export function scoresAsCsv(rows: readonly DwellingScore[], synthetic: boolean): string {
  return toDutchCsv(scoresTable(rows, synthetic));
}
