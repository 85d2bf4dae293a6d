/** Header of RVO's EP-Online open data CSV (v2, since 2023), in published order. */
export const EPONLINE_V2_HEADER = [
  'Pand_opnamedatum', 'Pand_opnametype', 'Pand_status', 'Pand_berekeningstype', 'Pand_energieindex', 'Pand_energieklasse',
  'Pand_energielabel_is_prive', 'Pand_is_op_basis_van_referentie_gebouw', 'Pand_gebouwklasse', 'Meting_geldig_tot',
  'Pand_registratiedatum', 'Pand_postcode', 'Pand_huisnummer', 'Pand_huisletter', 'Pand_huisnummertoevoeging',
  'Pand_detailaanduiding', 'Pand_bagverblijfsobjectid', 'Pand_bagligplaatsid', 'Pand_bagstandplaatsid', 'Pand_bagpandid',
  'Pand_gebouwtype', 'Pand_gebouwsubtype', 'Pand_projectnaam', 'Pand_projectobject', 'Pand_SBIcode',
  'Pand_gebruiksoppervlakte_thermische_zone', 'Pand_energiebehoefte', 'Pand_eis_energiebehoefte', 'Pand_primaire_fossiele_energie',
  'Pand_eis_primaire_fossiele_energie', 'Pand_primaire_fossiele_energie_EMG_forfaitair', 'Pand_aandeel_hernieuwbare_energie',
  'Pand_eis_aandeel_hernieuwbare_energie', 'Pand_aandeel_hernieuwbare_energie_EMG_forfaitair', 'Pand_temperatuuroverschrijding',
  'Pand_eis_temperatuuroverschrijding', 'Pand_warmtebehoefte', 'Pand_energieindex_met_EMG_forfaitair',
] as const;
