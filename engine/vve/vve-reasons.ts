/**
 * Why a VvE ranks where it does: stable codes (exports, API) with the Dutch text the map and CLI show.
 * Positive codes raise the score, negative ones explain what holds a VvE back; `gegevens.*` say where
 * register data was missing and an assumption was used.
 */
export const VVE_REASON_LABELS = {
  'omvang.warmtefonds': 'Komt in aanmerking voor de Warmtefonds VvE-lening (grote VvE; voorwaarden zie Warmtefonds)',
  'omvang.klein-alle-leden':
    'Kleine VvE: Warmtefonds VvE-lening mogelijk als alle leden de instemmingsverklaring tekenen',
  'omvang.te-klein': 'Te klein voor de Warmtefonds VvE-lening',
  'lening.te-hoog': 'Pakket kost meer dan het Warmtefonds-maximum per appartementsrecht',
  'lening.te-laag': 'Pakket blijft onder het minimale leenbedrag van het Warmtefonds',
  'lening.boven-maximum': 'Pakket kost meer dan het Warmtefonds-maximum per VvE',
  'voorwaarde.energieadvies': 'Te regelen voor de lening: Maatwerk VvE Energieadvies (BRL 9500)',
  'voorwaarde.mjop': 'Te regelen voor de lening: MJOP dat de looptijd van de lening dekt',
  'bestuur.actief': 'Actieve VvE: recente ALV en actueel MJOP of voldoende reservefonds',
  'bestuur.slapend': 'Slapende VvE: geen recente ALV, of geen actueel MJOP en te klein reservefonds',
  'corporatie.goed-aandeel': 'Corporatie heeft 10–50% van de stemmen: kan een besluit dragen zonder het te bepalen',
  'corporatie.bepalend':
    'Corporatie heeft meer dan de helft van de stemmen: ander bestuurstraject (corporatie beslist)',
  'corporatie.klein-aandeel': 'Corporatie heeft minder dan 10% van de stemmen',
  'corporatie.geen': 'Geen corporatiewoningen in deze VvE',
  'eigenaren.bewoners': 'Eigenaar-bewoners aanwezig (profiteren zelf van de besparing)',
  'eigenaren.geen-bewoners': 'Geen eigenaar-bewoners',
  'label.slecht': 'Meerderheid van de woningen heeft energielabel D–G',
  'label.goed': 'Weinig woningen met energielabel D–G',
  'onderhoud.nodig': 'Onderhoud aan gevel, dak of kozijnen staat gepland of is nodig',
  'besluit.kansrijk': 'Besluit waarschijnlijk (kans ≥ 50%, tweede vergadering meegerekend)',
  'besluit.onzeker': 'Besluit onzeker (kans < 50%, tweede vergadering meegerekend)',
  'besluit.tweede-vergadering': 'Quorum vaak niet gehaald: besluit valt vooral in een tweede vergadering zonder quorum',
  'shortlist.onder-drempel': 'Niet op de shortlist: kans op een besluit onder de drempel (zie toelichting)',
  'financien.netto-voordeel': 'Besparing per maand hoger dan de maandlast van de lening',
  'financien.netto-last': 'Maandlast van de lening hoger dan de besparing per maand',
  'natuur.onderzoek': 'Ecologisch onderzoek per gebouw nodig (appartementen vallen buiten pre-SMP)',
  'gegevens.aangenomen': 'Registergegevens ontbreken deels; aanname gebruikt (zie aannames)',
} as const;

export type VveReasonCode = keyof typeof VVE_REASON_LABELS;
export const VVE_REASON_CODES = Object.keys(VVE_REASON_LABELS) as VveReasonCode[];

export interface VveReason {
  code: VveReasonCode;
  text: string;
}

export const reason = (code: VveReasonCode): VveReason => ({ code, text: VVE_REASON_LABELS[code] });
