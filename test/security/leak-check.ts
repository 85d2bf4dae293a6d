/**
 * Walks a response body and reports what a role must not see: restricted signal fields, signal reason codes,
 * and sensitive counts or rates that escaped disclosure control (docs/domain.md §6).
 */
export const RESTRICTED_KEYS = new Set([
  'nuisanceReports',
  'vacancyMonths',
  'roomLettingPermit',
  'nuisanceBand',
  'vacancyBand',
  'permitStatus',
  'overlast_klasse',
  'leegstand_klasse',
  'kamerverhuur_vergunning',
]);
export const RESTRICTED_HEADERS = [
  'Vergunning kamerverhuur',
  'Leegstand (klasse, 12 mnd)',
  'Overlastmeldingen (klasse, 12 mnd)',
];
export const SENSITIVE_COUNT_KEYS = new Set(['nuisanceAddresses', 'vacantAddresses', 'roomLettingAddresses']);
export const RATE_KEYS = new Set(['nuisanceRate', 'vacancyRate', 'roomLettingRate']);
/** Never in any body or export, for any role (docs/domain.md §6). */
export const FORBIDDEN_KEYS = new Set([
  'bsn',
  'burgerservicenummer',
  'naam',
  'voornaam',
  'achternaam',
  'ownername',
  'eigenaar_naam',
  'eigenaarnaam',
  'bewoner',
  'melder',
  'telefoon',
  'telefoonnummer',
  'phone',
  'email',
  'e_mail',
  'emailadres',
  'contact',
  'geboortedatum',
  'birthdate',
  'strafblad',
  'politie',
  'criminal',
  'justitie',
  'gezondheid',
  'health',
  'medisch',
  'zorgindicatie',
]);
const isForbidden = (k: string) => FORBIDDEN_KEYS.has(k.toLowerCase().replace(/[\s-]/g, '_'));

export interface Leak {
  path: string;
  problem: string;
}

export function findLeaks(body: unknown, o: { restrictedAllowed: boolean }): Leak[] {
  const leaks: Leak[] = [];
  const walk = (v: unknown, path: string, parent: Record<string, unknown> | null): void => {
    if (typeof v === 'string') {
      if (!o.restrictedAllowed && /(^|[\s,])signaal\./.test(v))
        leaks.push({ path, problem: `signal reason code in "${v.slice(0, 60)}"` });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, null));
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const obj = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(obj)) {
      const p = `${path}.${k}`;
      if (isForbidden(k)) leaks.push({ path: p, problem: `forbidden field ${k}` });
      if (!o.restrictedAllowed && RESTRICTED_KEYS.has(k)) leaks.push({ path: p, problem: `restricted field ${k}` });
      if (
        !o.restrictedAllowed &&
        k === 'components' &&
        typeof x === 'object' &&
        x !== null &&
        (x as Record<string, unknown>).signals !== null
      ) {
        leaks.push({ path: p, problem: 'signal score component' });
      }
      if (SENSITIVE_COUNT_KEYS.has(k) && x !== null && (typeof x !== 'number' || x < 10 || x % 5 !== 0)) {
        leaks.push({ path: p, problem: `unsuppressed or unrounded sensitive count ${String(x)}` });
      }
      if (RATE_KEYS.has(k) && x !== null) {
        const denominator = (parent ?? obj).dwellings ?? obj.dwellings;
        if (typeof denominator !== 'number' || denominator < 50)
          leaks.push({ path: p, problem: `rate with denominator ${String(denominator)} < 50` });
      }
      walk(x, p, obj);
    }
  };
  walk(body, '$', null);
  return leaks;
}
