/**
 * Dutch wording for the API's error codes a user can meet (server/api-error.ts maps them to HTTP). The server's
 * own message is English and meant for logs and scripts; the page shows these instead, with the code for support.
 */
const MESSAGES: Record<string, string> = {
  'auth.required': 'U bent niet (meer) aangemeld. Meld u opnieuw aan.',
  'auth.forbidden': 'Uw rol heeft geen toegang tot deze gegevens.',
  'auth.invalid-credentials': 'Gebruikersnaam of wachtwoord klopt niet.',
  'auth.rate-limited': 'Te veel pogingen kort na elkaar; wacht even en probeer het opnieuw.',
  'auth.token-invalid': 'De sleutel is ongeldig of verlopen.',
  'origin.forbidden': 'Dit verzoek komt niet van deze website en is geweigerd.',
  'acquisition.busy': 'De verwervingsberekening is bezig; probeer het zo opnieuw.',
  'buurt.unknown': 'Deze buurt staat niet in de dataset.',
  'dwelling.unknown': 'Deze woning staat niet in de dataset.',
  'query.invalid': 'De zoekvraag is niet geldig.',
  'path.invalid': 'Het adres van de opvraag is niet geldig.',
  'body.invalid': 'De ingevulde gegevens zijn niet geldig.',
  'body.unknown-key': 'De ingevulde gegevens bevatten een onbekend veld.',
  'body.json': 'De gegevens konden niet worden gelezen.',
  'body.too-large': 'De gegevens zijn te groot.',
  'body.content-type': 'De gegevens hebben een verkeerd formaat.',
  'body.content-length': 'De gegevens hebben een verkeerde lengte.',
  'api.shape': 'Het antwoord van de server had een onverwachte vorm.',
};

const HTTP: Record<number, string> = {
  401: MESSAGES['auth.required']!,
  403: MESSAGES['auth.forbidden']!,
  404: 'Niet gevonden.',
  413: MESSAGES['body.too-large']!,
  429: MESSAGES['auth.rate-limited']!,
  503: 'De server is tijdelijk niet beschikbaar; probeer het zo opnieuw.',
  504: 'De server deed er te lang over; probeer het opnieuw.',
};

/** The Dutch text for an error code ("http.503" for answers without a code); null when the code has none. */
export function dutchApiMessage(code: string): string | null {
  const known = MESSAGES[code];
  if (known) return known;
  const m = /^http\.(\d{3})$/.exec(code);
  if (!m) return null;
  const status = Number(m[1]);
  return HTTP[status] ?? (status >= 500 ? 'Er ging iets mis op de server.' : 'Het verzoek is geweigerd.');
}
