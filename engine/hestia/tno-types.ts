/**
 * Shapes of the TNO measure tables (tno-measures.ts, hestia-installations.ts) that scripts/retrofit-extract.ts
 * generates from the Hestia CSVs (docs/sources.md), beside the Hestia label and element tables in this folder.
 */

/** TNO building parts we model: cavity wall, pitched roof, flat roof, floor, glazing (isolatiemaatregelen.csv `bouwdeel`). */
export const TNO_PARTS = ['MS', 'DS', 'DP', 'VL', 'RB'] as const;
export type TnoPart = (typeof TNO_PARTS)[number];

/** Cost columns of isolatiemaatregelen.csv: standalone (Zst) or natural moment (Nat) × single/multi-family × individual/project. */
export const TNO_COST_COLUMNS = [
  'Zst_Egw_Ind',
  'Zst_Egw_Prj',
  'Zst_Mgw_Ind',
  'Zst_Mgw_Prj',
  'Nat_Egw_Ind',
  'Nat_Egw_Prj',
  'Nat_Mgw_Ind',
  'Nat_Mgw_Prj',
] as const;
export type TnoCostColumn = (typeof TNO_COST_COLUMNS)[number];

/** One TNO level (N0..N4) of a part. */
export interface TnoLevel {
  /** `maatregel` text, e.g. "Spouw RC=1.3". */
  measure: string;
  /** `Rc_U_Qv10_waarde`: Rc in m²K/W for opaque parts, U in W/m²K for glazing. */
  value: number;
  /** `R_RV`: % reduction of the part's transmission loss relative to N0. */
  reductionPct: number;
  /** € per m² of element to reach this level; null where the table has no price (N0, N1 for some parts). */
  costPerM2: Readonly<Record<TnoCostColumn, number>> | null;
}

export type TnoLevels = readonly [TnoLevel, TnoLevel, TnoLevel, TnoLevel, TnoLevel];
