/**
 * The potentiekaart as an export table: one row per block with its potential, each indicator's value and fact,
 * and the reasons. Block aggregates of register facts only: no addresses, no owners, and safety only as the
 * controlled buurt figure (docs/domain.md §6) — the acquisition export's rules, with even less in it.
 */
import type { ExportColumn, ExportTable, ExportValue } from '../acquisition/export-table.ts';
import { INDICATOR_NL, INDICATORS, INTERVENTION_NL } from './interventions.ts';
import type { PotentialMap } from './potential-map.ts';

const BASIS_COLUMN_NOTE = 'bron: registratie, schatting, synthetisch of geen';

export const POTENTIAL_COLUMNS: readonly ExportColumn[] = [
  { key: 'blok_id', header: 'Blok-id', kind: 'text' },
  { key: 'blok', header: 'Blok', kind: 'text' },
  { key: 'soort', header: 'Soort blok', kind: 'text' },
  { key: 'buurtcodes', header: 'Buurtcode(s)', kind: 'text' },
  { key: 'programmagebied', header: 'Programmagebied', kind: 'text' },
  { key: 'woningen', header: 'Woningen', kind: 'integer' },
  { key: 'interventie', header: 'Interventie', kind: 'text' },
  { key: 'potentie', header: 'Potentie (0-100)', kind: 'decimal' },
  ...INDICATORS.flatMap((i): ExportColumn[] => [
    { key: `${i}_waarde`, header: `${INDICATOR_NL[i]} (0-1)`, kind: 'decimal' },
    { key: `${i}_punten`, header: `${INDICATOR_NL[i]}: punten`, kind: 'decimal' },
    { key: `${i}_feit`, header: `${INDICATOR_NL[i]}: feit (${BASIS_COLUMN_NOTE})`, kind: 'text' },
  ]),
  { key: 'redenen', header: 'Redenen', kind: 'text' },
  { key: 'gewichten', header: 'Gewichten', kind: 'text' },
  { key: 'peildatum', header: 'Peildatum', kind: 'date' },
  { key: 'doel', header: 'Doel', kind: 'text' },
];

export function potentialExportTable(map: PotentialMap, opts: { purpose: string; dataDate: string }): ExportTable {
  const rows = map.blocks.map(({ block: b }) => {
    const row: Record<string, ExportValue> = {
      blok_id: b.blockId,
      blok: b.label,
      soort: b.kind,
      buurtcodes: b.buurtcodes.join(' '),
      programmagebied: b.programmeAreas.join(', '),
      woningen: b.dwellings,
      interventie: INTERVENTION_NL[map.intervention],
      potentie: b.potential,
    };
    for (const i of INDICATORS) {
      const v = b.indicators[i];
      row[`${i}_waarde`] = v.value;
      row[`${i}_punten`] = b.terms.find((t) => t.indicator === i)?.points ?? null;
      row[`${i}_feit`] = `${v.fact} (${v.basis})`;
    }
    row.redenen = b.reasons.join(' · ');
    row.gewichten = map.weightsVersion;
    row.peildatum = opts.dataDate;
    row.doel = opts.purpose;
    return row;
  });
  return { columns: [...POTENTIAL_COLUMNS], rows };
}
