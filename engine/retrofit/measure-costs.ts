/**
 * Cost of each measure: € per m² of element from the TNO table (isolatiemaatregelen.csv) by
 * single-/multi-family (Egw/Mgw) and individual/project-wise (Ind/Prj), and the hybrid heat pump
 * from Hestia's installation table (€ fixed + € per kW).
 */
import { HYBRID_HEAT_PUMP } from '../hestia/hestia-installations.ts';
import { TNO_MEASURES } from '../hestia/tno-measures.ts';
import type { TnoCostColumn, TnoPart } from '../hestia/tno-types.ts';

export interface MeasureParams {
  /** Zst = standalone retrofit (default); Nat = at a "natural moment" (combined with renovation), cheaper. */
  costVariant: 'Zst' | 'Nat';
  /** Level each insulation measure brings the element to (0..4): cavity fill N1 (Rc 1.3; domain.md §5 price anchor), roof and floor N3 (Rc 3.5), HR++ N3. */
  targetLevel: { cavityWall: number; roof: number; floor: number; glazing: number };
  /** A measure applies when the element's level is below this (cavity: only N0; roof/floor: N0–N1; glazing: single or double). */
  applyBelowLevel: { cavityWall: number; roof: number; floor: number; glazing: number };
  /** Walls built before this year are solid (no cavity). L: cavity walls became common in the 1920s. */
  solidWallBeforeYear: number;
  /** From this build year the building code's minimum levels apply (minimale_bouwdeelkwaliteit_na_1992.csv). */
  insulatedFromYear: number;
  /** New dwellings from this year have no gas connection, so no gas-saving measure applies. L: gas-free new build since 1 July 2018. */
  gasFreeFromYear: number;
  hybrid: {
    /** Heat-pump capacity as a share of the design heat load (L). */
    sizingShareOfDesignLoad: number;
    minKw: number;
    maxKw: number;
    /** Inside minus design outside temperature, K (20 − (−10)). */
    designDeltaK: number;
    /**
     * Share of the space-heating gas the heat pump takes over, by shell label ('x' = G). Default: Hestia
     * Performance.csv P_vol (0.65 for A … 0.42 for G). Conflicts with domain.md §5 "60–74 % gas saving" (M), which
     * matches only the better labels here — so it is a parameter.
     */
    heatShareByLabel: Readonly<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'x', number>>;
  };
}

export const DEFAULT_MEASURES: MeasureParams = {
  costVariant: 'Zst',
  targetLevel: { cavityWall: 1, roof: 3, floor: 3, glazing: 3 },
  applyBelowLevel: { cavityWall: 1, roof: 2, floor: 2, glazing: 2 },
  solidWallBeforeYear: 1920,
  insulatedFromYear: 1992,
  gasFreeFromYear: 2019,
  hybrid: {
    sizingShareOfDesignLoad: 0.3,
    minKw: 3,
    maxKw: 8,
    designDeltaK: 30,
    heatShareByLabel: HYBRID_HEAT_PUMP.heatShareByLabel,
  },
};

/** € per m² of element to bring `part` to `level`; throws on a level the table has no price for (a parameter bug). */
export function costPerM2(
  part: TnoPart,
  level: number,
  singleFamily: boolean,
  projectWise: boolean,
  variant: 'Zst' | 'Nat',
): number {
  const costs = TNO_MEASURES[part][level]?.costPerM2;
  if (!costs) throw new Error(`no TNO price for ${part} N${level}`);
  const column = `${variant}_${singleFamily ? 'Egw' : 'Mgw'}_${projectWise ? 'Prj' : 'Ind'}` as TnoCostColumn;
  return costs[column];
}

/** Hybrid heat pump: capacity (kW) from the design heat load (W/K × ΔT), clamped; cost = Hestia fixed + per-kW (BasisHWP_w). */
export function hybridCapacityKw(m: MeasureParams, heatLossWK: number): number {
  const kw = (heatLossWK * m.hybrid.designDeltaK * m.hybrid.sizingShareOfDesignLoad) / 1000;
  return Math.min(Math.max(kw, m.hybrid.minKw), m.hybrid.maxKw);
}

/** Hybrid heat pump cost at the price book's indexed prices (price-book.ts). */
export function hybridCostEur(prices: { hybridFixedEur: number; hybridPerKwEur: number }, capacityKw: number): number {
  return prices.hybridFixedEur + prices.hybridPerKwEur * capacityKw;
}
