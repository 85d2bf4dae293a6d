/**
 * The normalised address used to join registers that lack a BAG id: postcode + huisnummer + huisletter +
 * toevoeging. Letter and toevoeging are upper-cased and concatenated without separators, so "12 a", "12-A"
 * and letter "A" all give "4701AB|12|A".
 */
export interface AddressParts {
  postcode: string | null;
  huisnummer: number | string | null;
  huisletter?: string | null;
  toevoeging?: string | null;
}

export function normalisePostcode(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = raw.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(s) ? s : null;
}

/** The join key, or null when postcode or huisnummer is missing or malformed. */
export function addressKey(a: AddressParts): string | null {
  const postcode = normalisePostcode(a.postcode);
  const nr = typeof a.huisnummer === 'number' ? a.huisnummer : Number(String(a.huisnummer ?? '').trim());
  if (postcode === null || !Number.isInteger(nr) || nr <= 0) return null;
  const suffix = `${a.huisletter ?? ''}${a.toevoeging ?? ''}`.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return `${postcode}|${nr}|${suffix}`;
}
