/**
 * The retrofit measures, the reasons a measure may not apply, and the nature-inclusive routes, as
 * stable ids (API/CLI values) indexed by small integers (columns of the score table).
 */

/** Measure ids in column order; the first four insulate ELEMENTS (dwelling.ts) in the same order. */
export const MEASURE_IDS = ['cavity-wall', 'roof', 'floor', 'glazing', 'hybrid-heat-pump'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];
export const MEASURE_COUNT = MEASURE_IDS.length;
export const HYBRID = 4;

/** Why a measure does not apply; index 0 means it applies. */
export const MEASURE_REASONS = [
  'applies',
  'already-insulated',
  'insulated-at-construction',
  'solid-wall',
  'no-own-roof',
  'no-ground-floor',
  'position-unknown',
  'no-gas-connection',
] as const;
export type MeasureReason = (typeof MEASURE_REASONS)[number];
export const R_APPLIES = 0,
  R_ALREADY = 1,
  R_AT_CONSTRUCTION = 2,
  R_SOLID_WALL = 3,
  R_NO_ROOF = 4,
  R_NO_FLOOR = 5,
  R_POSITION_UNKNOWN = 6,
  R_NO_GAS = 7;

/** Dutch explanation per reason, as the CLI and the popup show it. */
export const MEASURE_REASON_NL: Readonly<Record<MeasureReason, string>> = {
  applies: 'van toepassing',
  'already-insulated': 'al geïsoleerd',
  'insulated-at-construction': 'gebouwd vanaf 1992: volgens het bouwbesluit al geïsoleerd',
  'solid-wall': 'gebouwd vóór 1920: massieve muur, geen spouw',
  'no-own-roof': 'geen eigen dak (niet de bovenste woning)',
  'no-ground-floor': 'geen begane-grondvloer (niet de onderste woning)',
  'position-unknown': 'verdieping onbekend: geef --verdieping en --bouwlagen',
  'no-gas-connection': 'gebouwd zonder gasaansluiting (nieuwbouw vanaf 2019)',
};

/** Dutch measure names. */
export const MEASURE_NL: Readonly<Record<MeasureId, string>> = {
  'cavity-wall': 'spouwmuurisolatie',
  roof: 'dakisolatie',
  floor: 'vloerisolatie',
  glazing: 'HR++-glas',
  'hybrid-heat-pump': 'hybride warmtepomp',
};

/** Nature-inclusive route for the works (domain.md §2). */
export const ECOLOGY_ROUTES = ['pre-smp', 'corporation-code', 'individual-survey'] as const;
export type EcologyRoute = (typeof ECOLOGY_ROUTES)[number];
export const ROUTE_PRE_SMP = 0,
  ROUTE_CORPORATION = 1,
  ROUTE_SURVEY = 2;

/** Measures whose works touch habitat (cavity, roof); floor and inner insulation carry no nature rules (domain.md §2). */
export const NATURE_RULE_MEASURES: readonly MeasureId[] = ['cavity-wall', 'roof'];
