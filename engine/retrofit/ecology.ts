/**
 * Pre-SMP ecology: a habitat-risk score from the dwelling features of domain.md §2 and the route the
 * works must take (pre-SMP, the corporation's code of conduct, or an individual survey) with its survey
 * cost and lead time.
 */
import { GROUND_BOUND_TYPES, OWNERSHIP_CATEGORIES, type DwellingType, type Ownership } from '../dwelling.ts';
import { ECOLOGY_ROUTES, ROUTE_CORPORATION, ROUTE_PRE_SMP, ROUTE_SURVEY, type EcologyRoute } from './measure-ids.ts';

export interface RouteTerms {
  /** € per building for the ecological survey this route needs: [min, max]; [0, 0] when none. */
  surveyCostEur: readonly [number, number];
  /** Days from the decision until works may be planned (survey and permit). */
  leadTimeDays: number;
  /** What the survey is, in Dutch. */
  survey: string;
}

export interface EcologyParams {
  /** Build years whose uninsulated cavity walls are likely roosts (domain.md §2: ≈ 1920–1975; some provinces use "before 1995"). */
  cavityRiskYears: { from: number; to: number };
  /** Weights of the risk features (L: domain.md lists features, not their weights); normalised by their sum. */
  riskWeights: { uninsulatedCavity: number; pitchedRoof: number; southWestFacade: number };
  /** Risk at or above which an individual-survey route needs the full survey instead of only a quick scan (L). */
  fullSurveyFromRisk: number;
  routes: {
    'pre-smp': RouteTerms;
    'corporation-code': RouteTerms;
    'individual-survey': { quickScan: RouteTerms; full: RouteTerms };
  };
}

export const DEFAULT_ECOLOGY: EcologyParams = {
  cavityRiskYears: { from: 1920, to: 1975 },
  riskWeights: { uninsulatedCavity: 0.5, pitchedRoof: 0.3, southWestFacade: 0.2 },
  fullSurveyFromRisk: 0.5,
  routes: {
    // domain.md §2 (H): under pre-SMP a certified nature-friendly company works without a per-house survey.
    'pre-smp': {
      surveyCostEur: [0, 0],
      leadTimeDays: 0,
      survey: 'geen: gecertificeerd natuurvriendelijk bedrijf onder pre-SMP',
    },
    // domain.md §2 (M): corporation stock follows the corporation's code of conduct; its cost and lead time are L (0 here).
    'corporation-code': { surveyCostEur: [0, 0], leadTimeDays: 0, survey: 'gedragscode van de corporatie' },
    'individual-survey': {
      // domain.md §2 (M): quick scan €400–800; the 30-day lead time is L.
      quickScan: { surveyCostEur: [400, 800], leadTimeDays: 30, survey: 'quickscan' },
      // domain.md §2 (M): full survey €3,500–6,000 per building, about 1.5 years including the permit.
      full: { surveyCostEur: [3500, 6000], leadTimeDays: 548, survey: 'volledig ecologisch onderzoek met ontheffing' },
    },
  },
};

/** Route for a dwelling: pre-SMP only for private, ground-bound, owner-occupied dwellings outside a VvE (domain.md §2). */
export function routeIndexOf(ownershipIndex: number, groundBound: boolean, inVve: boolean): number {
  if (ownershipIndex === OWNERSHIP_CORPORATIE) return ROUTE_CORPORATION;
  return ownershipIndex === OWNERSHIP_OWNER && groundBound && !inVve ? ROUTE_PRE_SMP : ROUTE_SURVEY;
}

export function routeOf(ownership: Ownership, type: DwellingType, inVve: boolean): EcologyRoute {
  return ECOLOGY_ROUTES[
    routeIndexOf(OWNERSHIP_CATEGORIES.indexOf(ownership), GROUND_BOUND_TYPES.includes(type), inVve)
  ]!;
}

const OWNERSHIP_OWNER = OWNERSHIP_CATEGORIES.indexOf('eigenaar-bewoner');
const OWNERSHIP_CORPORATIE = OWNERSHIP_CATEGORIES.indexOf('corporatie');

/** Terms of the route; the individual survey is a quick scan below `fullSurveyFromRisk`, the full survey above. */
export function routeTerms(p: EcologyParams, route: EcologyRoute, riskScore: number): RouteTerms {
  if (route === 'individual-survey')
    return riskScore >= p.fullSurveyFromRisk
      ? p.routes['individual-survey'].full
      : p.routes['individual-survey'].quickScan;
  return p.routes[route];
}

/** Azimuth value meaning "façade direction unknown". */
export const AZIMUTH_UNKNOWN = 65535;
/** Expected exposure when the direction is unknown: the mean of |cos| over all directions, 2/π. */
export const UNKNOWN_FACADE_EXPOSURE = 2 / Math.PI;

/**
 * How squarely the front or back façade faces south-west (maternity colonies prefer warm S/W façades,
 * domain.md §2): |cos(azimuth − 225°)|, 1 for a SW or NE front (the back then faces SW), 0 for SE/NW.
 */
export function southWestExposure(azimuthDeg: number): number {
  if (azimuthDeg === AZIMUTH_UNKNOWN) return UNKNOWN_FACADE_EXPOSURE;
  return Math.abs(Math.cos(((azimuthDeg - 225) * Math.PI) / 180));
}

/** South-west exposure per whole degree 0..359, and index 360 for "unknown": one lookup per dwelling. */
export const SW_EXPOSURE_BY_DEGREE: Float32Array = (() => {
  const t = new Float32Array(361);
  for (let d = 0; d < 360; d++) t[d] = southWestExposure(d);
  t[360] = UNKNOWN_FACADE_EXPOSURE;
  return t;
})();

export interface RiskFeatures {
  uninsulatedCavity: boolean;
  pitchedRoof: boolean;
  /** 0..1 */
  southWestFacade: number;
}

/** Habitat-risk score 0..1: weighted share of the features present. Open head joints, fascias and nearby green are not in the data. */
export function riskScore(p: EcologyParams, f: RiskFeatures): number {
  const w = p.riskWeights;
  const total = w.uninsulatedCavity + w.pitchedRoof + w.southWestFacade;
  return (
    (w.uninsulatedCavity * +f.uninsulatedCavity +
      w.pitchedRoof * +f.pitchedRoof +
      w.southWestFacade * f.southWestFacade) /
    total
  );
}

/** Features of a dwelling; an uninsulated cavity counts only for the risk build years and when a cavity exists. */
export function riskFeatures(
  p: EcologyParams,
  bouwjaar: number,
  cavityLevel: number,
  flatRoof: boolean,
  azimuthDeg: number,
): RiskFeatures {
  return {
    uninsulatedCavity: cavityLevel === 0 && bouwjaar >= p.cavityRiskYears.from && bouwjaar <= p.cavityRiskYears.to,
    pitchedRoof: !flatRoof,
    southWestFacade: southWestExposure(azimuthDeg),
  };
}
