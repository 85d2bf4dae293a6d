/**
 * What every export file states about itself: who exported it, when, from which dataset, for which
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
export const PRIVACY_NOTE =
  'Bevat geen namen, BSN, contactgegevens, strafrechtelijke of gezondheidsgegevens; signalen alleen in klassen.';

const VIA: Record<ExportMeta['exportedBy']['via'], string> = {
  session: 'kaart (sessie)',
  token: 'API (token)',
  cli: 'opdrachtregel',
};
const SIGNALS: Record<ExportMeta['signals']['source'], string> = {
  register: 'gemeentelijke registratie',
  synthetic: 'synthetisch',
  none: 'geen',
};

/** Label of the export time line; the XLSX writer turns its value into a date cell. */
export const EXPORTED_AT_LABEL = 'Geëxporteerd op';
export const EXPORT_TIME_ZONE = 'Europe/Amsterdam';

const AMSTERDAM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: EXPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** Wall-clock parts of an instant in Europe/Amsterdam, with the zone's abbreviation (CET/CEST). */
export function amsterdamParts(iso: string): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  zone: string;
} {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new Error(`export-meta: exportedAt "${iso}" is not an ISO 8601 timestamp`);
  const p = Object.fromEntries(AMSTERDAM_PARTS.formatToParts(t).map((x) => [x.type, x.value]));
  return {
    y: Number(p.year),
    mo: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    mi: Number(p.minute),
    s: Number(p.second),
    zone: String(p.timeZoneName),
  };
}

/** The export time as people in Roosendaal read it: `07-03-2025 11:00:00 CET` (Europe/Amsterdam, day first). */
export function amsterdamTime(iso: string): string {
  const p = amsterdamParts(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(p.d)}-${two(p.mo)}-${p.y} ${two(p.h)}:${two(p.mi)}:${two(p.s)} ${p.zone}`;
}

/** The metadata as ordered Dutch [label, value] pairs; a count is a number, so spreadsheets read it as one. */
export function metaLines(m: ExportMeta): [string, string | number][] {
  const lines: [string, string | number][] = [
    ['Export', `voorraad — ${m.title}`],
    ['Geëxporteerd door', `${m.exportedBy.name} (rol ${m.exportedBy.role}, via ${VIA[m.exportedBy.via]})`],
    [EXPORTED_AT_LABEL, amsterdamTime(m.exportedAt)],
    ['Dataset', `${m.dataset.name} (peildatum ${m.dataset.dataDate})`],
    ['Synthetisch', m.dataset.synthetic ? `ja — ${SYNTHETIC_NOTE}` : 'nee'],
    [
      'Signalen',
      m.signals.statement ??
        (m.signals.included
          ? `${SIGNALS[m.signals.source]}${m.signals.window ? `, ${m.signals.window.from} t/m ${m.signals.window.to}` : ''} (alleen klassen)`
          : 'niet opgenomen (rol zonder inzage in signalen)'),
    ],
    ['Doel', `${m.purpose.id} — ${m.purpose.label}`],
    ['Aantal rijen', m.rows],
    ['Privacy', PRIVACY_NOTE],
  ];
  for (const n of m.notes) lines.push(['Toelichting', n]);
  return lines;
}
