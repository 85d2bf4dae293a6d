/**
 * Reasons for a rejected import row in Dutch words, for the rejected-rows report
 * (geodata/importers/reject-report.ts): a user reads the words, the stable code stays in its own column for
 * filtering and support. Codes are `<kind>.<field>` (the field is in the report's own `veld` column) or a whole-code reason.
 */

/** Reasons named as a whole. */
const WHOLE: Readonly<Record<string, string>> = {
  'no-matching-dwelling': 'geen woning in de dataset met dit adres of BAG-id',
  'ambiguous-address': 'adres past bij meer dan één woning',
  superseded: 'vervangen door een nieuwer label voor dezelfde woning',
  'older-than-dataset': 'ouder dan het label dat de dataset al heeft',
  'invalid.column-count': 'aantal kolommen klopt niet met de kopregel',
  'invalid.encoding': 'tekens niet leesbaar (geen UTF-8 of Windows-1252)',
  'invalid.geometry': 'geometrie ontbreekt of is ongeldig',
  'invalid.empty': 'regel zonder gegevens',
  'duplicate.member': 'woning is al lid van een andere VvE',
  'invalid.address': 'adres onvolledig of ongeldig',
  'invalid.vve': 'geen KvK-nummer en geen VvE-naam',
  'scope.not-a-dwelling': 'geen woning (geen woonfunctie of geen woningbouw)',
  'scope.outside-buurten': 'ligt buiten de gekozen buurten',
  'scope.road-class': 'geen straat (fiets- of voetpad, of een andere wegsoort)',
  'scope.other-gemeente': 'ligt in een andere gemeente',
  'scope.status': 'status telt niet mee (bijvoorbeeld gesloopt of niet gerealiseerd)',
  'outside.gemeente': 'ligt in een andere gemeente',
  'missing.perioden': 'jaar (Perioden) ontbreekt',
};

/** Reasons by the kind before the dot; the field itself is named in the report's `veld` column. */
const BY_KIND: Readonly<Record<string, string>> = {
  invalid: 'ongeldige waarde',
  duplicate: 'komt dubbel voor; de eerdere regel is gehouden',
  missing: 'waarde ontbreekt',
  scope: 'valt buiten de import',
};

/** The reason in Dutch words; an unknown code (added after this table) reads as itself so nothing is hidden. */
export function rejectReasonNl(code: string): string {
  const whole = WHOLE[code];
  if (whole !== undefined) return whole;
  const kind = BY_KIND[code.split('.')[0]!];
  return kind ?? code;
}
