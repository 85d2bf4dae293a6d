/** Dutch (nl-NL) formatting of the numbers, dates and codes the UI shows. */

const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Whole number with a dot as thousands separator, e.g. 12.345. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** A year as written, without thousands separator (1968, not 1.968). */
export function formatYear(year: number): string {
  return String(Math.round(year));
}

/** Floor area in m² with at most one decimal, e.g. "85,5 m²". */
export function formatArea(m2: number): string {
  return `${oneDecimal.format(m2)} m²`;
}

/** A share (0–1) as a percentage with one decimal, e.g. 0.4213 → "42,1%". */
export function formatShare(share: number): string {
  return percent.format(share);
}

/** An ISO date (YYYY-MM-DD) as a Dutch long date, e.g. "1 maart 2025"; the input unchanged if it is not a date. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
}

/** A postcode as written on letters, e.g. "4701AB" → "4701 AB". */
export function formatPostcode(postcode: string): string {
  const m = /^(\d{4})\s*([A-Za-z]{2})$/.exec(postcode.trim());
  return m ? `${m[1]} ${m[2]!.toUpperCase()}` : postcode;
}

/** Storey of a dwelling's entrance: 0 → "begane grond", 3 → "3e verdieping". */
export function formatFloorLevel(level: number): string {
  return level <= 0 ? 'begane grond' : `${formatCount(level)}e verdieping`;
}

/** WOZ value bands of engine/dwelling.ts WOZ_BANDS in euro, e.g. '150-200k' → "€ 150.000 – € 200.000". */
export function formatWozBand(band: string): string {
  const k = (s: string): string => euro.format(Number(s) * 1000);
  let m = /^<(\d+)k$/.exec(band);
  if (m) return `minder dan ${k(m[1]!)}`;
  m = /^>=(\d+)k$/.exec(band);
  if (m) return `${k(m[1]!)} of meer`;
  m = /^(\d+)-(\d+)k$/.exec(band);
  if (m) return `${k(m[1]!)} – ${k(m[2]!)}`;
  return band;
}
