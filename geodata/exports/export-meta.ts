/**
 * What every export file states about itself (issue 8 §5): who exported it, when, from which dataset, for which
 * purpose, and — when it is — that the data is synthetic. Written as Dutch key/value lines by every writer.
 */
export interface ExportMeta {
  /** e.g. "Verwervingslijst". */
  title: string;
  exportedBy: { name: string; role: string; via: 'session' | 'token' | 'cli' };
  /** ISO 8601 timestamp. */
  exportedAt: string;
  dataset: { name: string; dataDate: string; synthetic: boolean };
  signals: {
    source: 'register' | 'synthetic' | 'none';
    included: boolean;
    window: { from: string; to: string } | null;
    /**
     * The whole "Signalen" line, for lists that use no signals at all (e.g. the VvE ranking), where the standard
     * "niet opgenomen (rol zonder inzage in signalen)" would wrongly suggest the reader's role hides them.
     */
    statement?: string;
  };
  purpose: { id: string; label: string };
  rows: number;
  /** Extra lines, e.g. the budget and the selection. */
  notes: string[];
}

export const SYNTHETIC_NOTE = 'SYNTHETISCHE GEGEVENS — geen echte woningen, adressen of eigenaren';
export const PRIVACY_NOTE = 'Bevat geen namen, BSN, contactgegevens, strafrechtelijke of gezondheidsgegevens; signalen alleen in klassen.';

const VIA: Record<ExportMeta['exportedBy']['via'], string> = { session: 'kaart (sessie)', token: 'API (token)', cli: 'opdrachtregel' };
const SIGNALS: Record<ExportMeta['signals']['source'], string> = { register: 'gemeentelijke registratie', synthetic: 'synthetisch', none: 'geen' };

/** The metadata as ordered Dutch [label, value] pairs. */
export function metaLines(m: ExportMeta): [string, string][] {
  const lines: [string, string][] = [
    ['Export', `voorraad — ${m.title}`],
    ['Geëxporteerd door', `${m.exportedBy.name} (rol ${m.exportedBy.role}, via ${VIA[m.exportedBy.via]})`],
    ['Geëxporteerd op', m.exportedAt],
    ['Dataset', `${m.dataset.name} (peildatum ${m.dataset.dataDate})`],
    ['Synthetisch', m.dataset.synthetic ? `ja — ${SYNTHETIC_NOTE}` : 'nee'],
    ['Signalen', m.signals.statement ?? (m.signals.included
      ? `${SIGNALS[m.signals.source]}${m.signals.window ? `, ${m.signals.window.from} t/m ${m.signals.window.to}` : ''} (alleen klassen)`
      : 'niet opgenomen (rol zonder inzage in signalen)')],
    ['Doel', `${m.purpose.id} — ${m.purpose.label}`],
    ['Aantal rijen', String(m.rows)],
    ['Privacy', PRIVACY_NOTE],
  ];
  for (const n of m.notes) lines.push(['Toelichting', n]);
  return lines;
}
