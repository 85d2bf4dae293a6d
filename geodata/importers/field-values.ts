/**
 * Parsers for the cell values Dutch registers publish: decimal comma, YYYYMMDD and DD-MM-YYYY dates,
 * ja/nee booleans. Each returns null for an empty cell and undefined for a value it cannot read, so the
 * caller can reject the row naming the field.
 */

export const isBlank = (v: string | undefined | null): boolean => v === undefined || v === null || v.trim() === '';

/** "1.234,56", "612,50", "612.5", "€ 612" → number; a lone "." is a decimal point unless a comma follows. */
export function parseDecimal(raw: string | undefined): number | null | undefined {
  if (isBlank(raw)) return null;
  let s = raw!.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function parseInteger(raw: string | undefined): number | null | undefined {
  const n = parseDecimal(raw);
  if (n === null || n === undefined) return n;
  return Number.isInteger(n) ? n : undefined;
}

function isoIfValid(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYYMMDD (EP-Online), YYYY-MM-DD, DD-MM-YYYY or D-M-YYYY (Dutch spreadsheets), and ISO timestamps → YYYY-MM-DD. */
export function parseDate(raw: string | undefined): string | null | undefined {
  if (isBlank(raw)) return null;
  const s = raw!.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return isoIfValid(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

export function parseBoolean(raw: string | undefined): boolean | null | undefined {
  if (isBlank(raw)) return null;
  const s = raw!.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/** A trimmed string, or null when empty. */
export function parseText(raw: string | undefined): string | null {
  return isBlank(raw) ? null : raw!.trim();
}

/**
 * A 16-digit BAG id from a cell: strips the 'NL.IMBAG.Verblijfsobject.' style prefix and restores up to three
 * leading zeros that a spreadsheet dropped (gemeentecode 0001–0999). Null when empty, undefined when invalid.
 */
export function parseBagId(raw: string | undefined): string | null | undefined {
  if (isBlank(raw)) return null;
  const s = raw!.trim().replace(/^NL\.IMBAG\.[A-Za-z]+\./, '');
  if (!/^\d{13,16}$/.test(s)) return undefined;
  return s.padStart(16, '0');
}
