/**
 * A rule's value in Dutch words and nl-NL numbers, as the rules page and `voorraad rules` show it (€ 34.000,
 * 66,7 %, "ja"). One formatter for the CLI and the app, so both say the same.
 */
import type { RuleRow } from './rule-schema.ts';

const nl = (n: number, digits = 0): string =>
  n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const eur = (n: number): string => `€ ${nl(n, Number.isInteger(n) ? 0 : 2)}`;
const pct = (n: number): string => `${nl(n * 100, Number.isInteger(Math.round(n * 1000) / 10) ? 0 : 1)} %`;

/** The value with its unit, in Dutch. */
export function ruleValueNl(r: RuleRow): string {
  switch (r.kind) {
    case 'number':
      switch (r.unit) {
        case 'EUR':
          return eur(r.value);
        case 'EUR/month':
          return `${eur(r.value)} per maand`;
        case 'EUR/year':
          return `${eur(r.value)} per jaar`;
        case 'EUR/month/m2':
          return `${eur(r.value)} per m² per maand`;
        case 'fraction':
          return pct(r.value);
        case 'fraction/year':
          return `${pct(r.value)} per jaar`;
        case 'years':
          return `${nl(r.value)} jaar`;
        case 'dwellings':
          return `${nl(r.value)} woningen`;
        case 'rooms':
          return `${nl(r.value)} kamers`;
        case 'm':
          return `${nl(r.value)} m`;
        case 'year':
          return String(r.value);
        case 'none':
          return nl(r.value, Number.isInteger(r.value) ? 0 : 2);
      }
      break;
    case 'flag':
      return r.value ? 'ja' : 'nee';
    case 'rates-by-term':
      return r.value.map((t) => `${t.termYears} jaar: ${pct(t.annualRate)}`).join('; ');
    case 'documents':
      return r.value.map((d) => d.name).join('; ');
    case 'label-target':
      return `labels ${r.value.removeLabels.join(', ')} weg uiterlijk eind ${r.value.byYear}`;
    case 'designation':
      return `vereist ${r.value.requires} (${r.value.law}); aangewezen: ${r.value.designated ? 'ja' : 'nee'}${
        r.value.maxShare === undefined ? '' : `; maximum ${pct(r.value.maxShare)}`
      }`;
  }
}
