/**
 * Why a dwelling is an acquisition candidate: stable codes (exports, API) with the Dutch text the map shows.
 * Codes starting with `signaal.` derive from RESTRICTED municipal signals and reach only roles that may see them.
 */
export const REASON_LABELS = {
  'signaal.overlast': 'Overlastmeldingen op dit adres',
  'signaal.overlast-herhaald': 'Herhaalde overlastmeldingen (3 of meer)',
  'signaal.leegstand': 'Langdurige leegstand (6 maanden of meer)',
  'signaal.kamerverhuur': 'Kamerverhuur (vergunning verleend)',
  'signaal.kamerverhuur-concentratie':
    'Kamerverhuur geconcentreerd: binnen de afstandsgrens van de Huisvestingsverordening ligt al een adres met kamerverhuur, dus een nieuwe omzettingsvergunning wordt hier geweigerd',
  'staat.label-fg': 'Energielabel F of G',
  'staat.label-e': 'Energielabel E',
  'staat.bouwjaar-voor-1975': 'Gebouwd vóór 1975',
  'prijs.laag': 'Lage verwervingskosten (WOZ-klasse) ten opzichte van het budget',
  'strategisch.corporatie-in-pand': 'De corporatie bezit al woningen in dit pand',
  'strategisch.corporatie-in-vve': 'De corporatie is lid van dezelfde VvE',
  'zone.prioriteit': 'Prioritaire zone (eerst aan de beurt)',
  'verordening.opkoopbescherming':
    'Opkoopbescherming (Huisvestingsverordening): WOZ-waarde onder de grens van de wijk, verhuren na aankoop is vergunningplichtig',
} as const;

export type ReasonCode = keyof typeof REASON_LABELS;
export const REASON_CODES = Object.keys(REASON_LABELS) as ReasonCode[];

/** True for reason codes that reveal restricted signals. */
export function isSignalReason(code: string): boolean {
  return code.startsWith('signaal.');
}
