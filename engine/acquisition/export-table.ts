import type { AcquisitionCandidate, AcquisitionPlan } from './plan.ts';
import { REASON_LABELS } from './reason-codes.ts';
import { dwellingTypeNl, ownershipNl } from '../labels-nl.ts';

/**
 * The acquisition list as a table with exactly the columns docs/domain.md §6 allows in an export: BAG ids, address,
 * buurt, build year, area, type, label, VvE id, ownership *category*, banded WOZ, permit status, banded signals,
 * score, estimated cost, reasons in words with their codes, data date and purpose (plus rank and selection, which derive from the score).
 * Never names, BSN, contact details, criminal or health data. Signal columns only when the plan used signals.
 */
/**
 * How the shared writers (geodata/exports/csv-writer.ts, xlsx-writer.ts) type a column: `text` stays text in every
 * spreadsheet (identifiers, codes, class labels such as "1-2" or "6+"), `date` holds an ISO date `YYYY-MM-DD` and
 * becomes a real date cell in XLSX.
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'boolean' | 'date';

export interface ExportColumn {
  /** snake_case key (GeoJSON property, test checks). */
  key: string;
  /** Dutch header for CSV/XLSX. */
  header: string;
  kind: ColumnKind;
  /** Derived from restricted signals: only in exports of roles that may see them. */
  restricted?: boolean;
}

export type ExportValue = string | number | boolean | null;

export interface ExportTable {
  columns: ExportColumn[];
  rows: Record<string, ExportValue>[];
}

export const ACQUISITION_COLUMNS: readonly ExportColumn[] = [
  { key: 'rang', header: 'Rang', kind: 'integer' },
  { key: 'geselecteerd', header: 'Geselecteerd binnen budget', kind: 'boolean' },
  { key: 'bag_verblijfsobject_id', header: 'BAG verblijfsobject-id', kind: 'text' },
  { key: 'bag_pand_id', header: 'BAG pand-id', kind: 'text' },
  { key: 'adres', header: 'Adres', kind: 'text' },
  { key: 'postcode', header: 'Postcode', kind: 'text' },
  { key: 'woonplaats', header: 'Woonplaats', kind: 'text' },
  { key: 'buurtcode', header: 'Buurtcode', kind: 'text' },
  { key: 'buurt', header: 'Buurt', kind: 'text' },
  { key: 'zone', header: 'Doelzone', kind: 'text' },
  { key: 'bouwjaar', header: 'Bouwjaar', kind: 'integer' },
  { key: 'oppervlakte_m2', header: 'Gebruiksoppervlakte (m²)', kind: 'decimal' },
  { key: 'woningtype', header: 'Woningtype', kind: 'text' },
  { key: 'energielabel', header: 'Energielabel', kind: 'text' },
  { key: 'vve_id', header: 'VvE-id', kind: 'text' },
  { key: 'eigendom_categorie', header: 'Eigendom (categorie)', kind: 'text' },
  { key: 'woz_klasse', header: 'WOZ-klasse', kind: 'text' },
  { key: 'kamerverhuur_vergunning', header: 'Vergunning kamerverhuur', kind: 'text', restricted: true },
  { key: 'leegstand_klasse', header: 'Leegstand (klasse, 12 mnd)', kind: 'text', restricted: true },
  { key: 'overlast_klasse', header: 'Overlastmeldingen (klasse, 12 mnd)', kind: 'text', restricted: true },
  { key: 'score', header: 'Score (0-100)', kind: 'decimal' },
  // The estimate the acquisition panel shows per candidate (WOZ class + buyer's costs, score.ts).
  { key: 'geraamde_kosten_eur', header: 'Geraamde kosten (€)', kind: 'integer' },
  { key: 'redenen', header: 'Redenen', kind: 'text' },
  { key: 'reden_codes', header: 'Redencodes', kind: 'text' },
  { key: 'peildatum', header: 'Peildatum', kind: 'date' },
  { key: 'doel', header: 'Doel', kind: 'text' },
];

export function acquisitionExportTable(
  plan: AcquisitionPlan,
  opts: { purpose: string; buurtNames: ReadonlyMap<string, string> },
): ExportTable {
  const columns = ACQUISITION_COLUMNS.filter((c) => plan.usesSignals || !c.restricted);
  const rows = plan.candidates.map((c) => rowOf(c, opts, plan.usesSignals));
  return { columns, rows };
}

function rowOf(
  c: AcquisitionCandidate,
  opts: { purpose: string; buurtNames: ReadonlyMap<string, string> },
  withSignals: boolean,
): Record<string, ExportValue> {
  const row: Record<string, ExportValue> = {
    rang: c.rank,
    geselecteerd: c.selected,
    bag_verblijfsobject_id: c.vboId,
    bag_pand_id: c.pandId,
    adres: c.address,
    postcode: c.postcode,
    woonplaats: c.woonplaats,
    buurtcode: c.buurtcode,
    buurt: opts.buurtNames.get(c.buurtcode) ?? c.buurtcode,
    zone: c.zoneName,
    bouwjaar: c.bouwjaar,
    oppervlakte_m2: c.oppervlakte,
    woningtype: dwellingTypeNl(c.type),
    energielabel: c.label,
    vve_id: c.vveId,
    eigendom_categorie: ownershipNl(c.ownership),
    woz_klasse: c.wozBand,
  };
  if (withSignals && c.signals) {
    row.kamerverhuur_vergunning = c.signals.permitStatus;
    row.leegstand_klasse = c.signals.vacancyBand;
    row.overlast_klasse = c.signals.nuisanceBand;
  }
  row.score = c.score;
  row.geraamde_kosten_eur = c.estimatedCostEur;
  // Reasons in words for people; the stable codes beside them for filters and scripts.
  row.redenen = c.reasons.map((r) => REASON_LABELS[r]).join(' · ');
  row.reden_codes = c.reasons.join(' ');
  row.peildatum = c.dataDate;
  row.doel = opts.purpose;
  return row;
}
