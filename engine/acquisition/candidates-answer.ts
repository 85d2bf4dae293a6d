import type { Issue } from '../result.ts';
import type { AcquisitionPlan } from './plan.ts';

/** What the caller adds to a plan's answer: whether the data is synthetic and where the signals come from. */
export interface CandidatesMeta {
  synthetic: boolean;
  signalSource: string;
}

/** GET /api/acquisition/candidates' body for one plan and limit, with the facts its audit entry records. */
export interface CandidatesAnswer {
  /** The response body (GeoJSON FeatureCollection, as the route documents it). */
  json: string;
  /** Candidates in it: the top `limit` by rank plus every selected one. */
  rows: number;
  usesSignals: boolean;
  budgetEur: number;
}

/**
 * The candidates answer, made where the plan is (the acquisition worker thread): a plan holds thousands of candidates
 * (3,735 for the shipped stock, 2.6 MB as JSON), and copying it to the event loop cost more than the request itself.
 */
export function candidatesAnswer(
  plan: AcquisitionPlan,
  warnings: readonly Issue[],
  limit: number,
  meta: CandidatesMeta,
): CandidatesAnswer {
  const shown = plan.candidates.filter((cd) => cd.rank <= limit || cd.selected);
  const json = JSON.stringify({
    type: 'FeatureCollection' as const,
    synthetic: meta.synthetic,
    usesSignals: plan.usesSignals,
    signalSource: plan.usesSignals ? meta.signalSource : null,
    signalWindow: plan.signalWindow,
    budgetEur: plan.budgetEur,
    selectedCount: plan.selectedCount,
    selectedCostEur: plan.selectedCostEur,
    selectedScore: plan.selectedScore,
    totalCandidates: plan.candidates.length,
    excluded: plan.excluded,
    ordinance: plan.ordinance,
    zones: plan.zones,
    warnings,
    features: shown.map((cd) => {
      const { location, signals, dataDate: _d, woonplaats: _w, ...props } = cd;
      return {
        type: 'Feature' as const,
        id: cd.vboId,
        properties: signals ? { ...props, ...signals } : props,
        geometry: { type: 'Point' as const, coordinates: location },
      };
    }),
  });
  return { json, rows: shown.length, usesSignals: plan.usesSignals, budgetEur: plan.budgetEur };
}
