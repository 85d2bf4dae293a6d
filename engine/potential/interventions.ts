/** Intervention types of the potentiekaart (interventiespoor 2 of the programme), with their Dutch names. */
export const INTERVENTIONS = ['verkoop', 'sloop-nieuwbouw', 'transformatie', 'renovatie', 'aankoop'] as const;
export type Intervention = (typeof INTERVENTIONS)[number];

export const INTERVENTION_NL: Readonly<Record<Intervention, string>> = {
  verkoop: 'Verkoop',
  'sloop-nieuwbouw': 'Sloop/nieuwbouw',
  transformatie: 'Transformatie (splitsen/samenvoegen)',
  renovatie: 'Renovatie/verduurzaming',
  aankoop: 'Aankoop',
};

/** Indicators of a block (engine/potential/indicators.ts), each 0–1 or unknown. */
export const INDICATORS = [
  'corporationConcentration',
  'householdFit',
  'energyNeed',
  'maintenanceDue',
  'valueBand',
  'mixedOwnership',
  'safety',
  'location',
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/** Dutch names: what a high value (1) of the indicator means. */
export const INDICATOR_NL: Readonly<Record<IndicatorId, string>> = {
  corporationConcentration: 'concentratie corporatiebezit',
  householdFit: 'woningen passen slecht bij verwachte huishoudens',
  energyNeed: 'slecht energielabel / renovatiebehoefte',
  maintenanceDue: 'onderhoud of renovatie gepland',
  valueBand: 'lage huur-/WOZ-klasse',
  mixedOwnership: 'gemengd eigendom (VvE, gespikkeld bezit)',
  safety: 'veiligheidssignalen in de buurt',
  location: 'dicht bij het centrum',
};

/** Where each indicator's facts come from (shown on the block card and in every export). */
export const INDICATOR_SOURCE_NL: Readonly<Record<IndicatorId, string>> = {
  corporationConcentration:
    'eigendomscategorie per woning (BAG + corporatieportefeuille); drempel 2/3 corporatiebezit per buurt (RIGO/Aedes 2018–2023)',
  householdFit:
    'gebruiksoppervlakte, woningtype en verdieping (BAG); verwachte huishoudens klein en 55+ (Woonagenda Roosendaal, aanname)',
  energyNeed: 'energielabel per woning (EP-Online, anders geschat)',
  maintenanceDue:
    'planjaar onderhoud uit de corporatieportefeuille (MJOP); zonder portefeuille geschat uit het bouwjaar',
  valueBand: 'WOZ-klasse per woning; kale huur uit de corporatieportefeuille waar aanwezig',
  mixedOwnership: "VvE's met gemengd eigendom en menging corporatie/overig in het blok (gespikkeld bezit)",
  safety:
    'overlast- en leegstandssignalen als buurtcijfer na onthullingscontrole (< 10 onderdrukt, afgerond op 5, ≥ 50 woningen); nooit per blok',
  location:
    'afstand van het blok tot het midden van Centrum-Oud; groen en voorzieningen: geen gegevens in deze dataset',
};
