import { describe, expect, it } from 'vitest';
import {
  AZIMUTH_UNKNOWN,
  DEFAULT_ECOLOGY,
  riskFeatures,
  riskScore,
  routeOf,
  routeTerms,
  southWestExposure,
  SW_EXPOSURE_BY_DEGREE,
} from './ecology.ts';

const p = DEFAULT_ECOLOGY;

describe('pre-SMP route (domain.md §2)', () => {
  it('pre-SMP only for private, ground-bound, owner-occupied dwellings outside a VvE', () => {
    expect(routeOf('eigenaar-bewoner', 'tussenwoning', false)).toBe('pre-smp');
    expect(routeOf('eigenaar-bewoner', 'tussenwoning', true)).toBe('individual-survey');
    expect(routeOf('eigenaar-bewoner', 'portiek', true)).toBe('individual-survey');
    expect(routeOf('particuliere verhuur', 'tussenwoning', false)).toBe('individual-survey');
    expect(routeOf('corporatie', 'galerij', false)).toBe('corporation-code');
  });
  it('survey cost and lead time: quick scan €400–800, full survey €3,500–6,000 and ≈ 1.5 years', () => {
    expect(routeTerms(p, 'pre-smp', 0.9)).toMatchObject({ surveyCostEur: [0, 0], leadTimeDays: 0 });
    expect(routeTerms(p, 'individual-survey', 0.2)).toMatchObject({ surveyCostEur: [400, 800] });
    expect(routeTerms(p, 'individual-survey', 0.8)).toMatchObject({ surveyCostEur: [3500, 6000], leadTimeDays: 548 });
  });
});

describe('habitat risk', () => {
  it('counts an uninsulated cavity wall of 1920–1975, a pitched (tiled) roof and a south-west façade', () => {
    const worst = riskFeatures(p, 1965, 0, false, 225);
    expect(worst).toEqual({ uninsulatedCavity: true, pitchedRoof: true, southWestFacade: 1 });
    expect(riskScore(p, worst)).toBeCloseTo(1, 9);
    expect(riskFeatures(p, 1985, 0, false, 225).uninsulatedCavity).toBe(false);
    expect(riskFeatures(p, 1965, 1, false, 225).uninsulatedCavity).toBe(false);
    expect(riskScore(p, riskFeatures(p, 1990, 2, true, 135))).toBeCloseTo(0, 6);
  });
  it('a SW or NE front both expose a façade to the south-west; SE and NW do not; unknown gives the mean', () => {
    expect(southWestExposure(45)).toBeCloseTo(1, 9);
    expect(southWestExposure(315)).toBeCloseTo(0, 9);
    expect(southWestExposure(AZIMUTH_UNKNOWN)).toBeCloseTo(2 / Math.PI, 9);
    expect(SW_EXPOSURE_BY_DEGREE[225]).toBeCloseTo(1, 6);
    expect(SW_EXPOSURE_BY_DEGREE[360]).toBeCloseTo(2 / Math.PI, 6);
  });
});
