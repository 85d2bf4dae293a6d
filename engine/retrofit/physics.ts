/**
 * Building physics constants and the U-value of each insulated element per TNO level (N0..N4),
 * derived from the embedded TNO table (isolatiemaatregelen.csv) — the heat model's only physics.
 */
import { TNO_MEASURES } from '../hestia/tno-measures.ts';
import type { TnoPart } from '../hestia/tno-types.ts';

/**
 * Heating degree-hours per year, kKh: 2,900 degree-days at base 18 °C × 24 h. L: KNMI De Bilt long-term order of
 * magnitude, not in domain.md; the base of 18 °C (not 20) stands for internal and solar gains. A parameter.
 */
export const DEFAULT_DEGREE_KILO_HOURS = 69.6;

/** Natural gas, lower heating value: 31.65 MJ/m³ = 8.792 kWh/m³ (Groningen-equivalent gas; the basis of Hestia's efficiencies). */
export const GAS_LHV_KWH_PER_M3 = 31.65 / 3.6;
/** Natural gas, upper heating value: 35.17 MJ/m³ = 9.769 kWh/m³ (Groningen-equivalent); NTA 8800 counts fuels on the upper value. */
export const GAS_HHV_KWH_PER_M3 = 35.17 / 3.6;
/** Hot-water demand is given in GJ; m³ of gas-equivalent heat per GJ on the lower heating value. */
export const M3_PER_GJ = 1000 / 31.65;

/**
 * Inside plus outside surface resistance per part, m²K/W. These make U = 1 / (Rc + Rs) reproduce the table's R_RV
 * (transmission-loss reduction vs N0) exactly: wall 0.13 + 0.04, roof 0.10 + 0.04 (NEN-EN-ISO 6946), floor 0.34
 * (0.17 + the crawl space, inferred from R_RV). Checked against R_RV in physics.test.ts.
 */
export const SURFACE_RESISTANCE: Readonly<Record<Exclude<TnoPart, 'RB'>, number>> = {
  MS: 0.17,
  DS: 0.14,
  DP: 0.14,
  VL: 0.34,
};

/** U-values in W/m²K for levels N0..N4 of a part (glazing: the table's U directly). */
export function uValues(part: TnoPart): number[] {
  return TNO_MEASURES[part].map((l) => (part === 'RB' ? l.value : 1 / (l.value + SURFACE_RESISTANCE[part])));
}

/** W/K per (m³/h) of ventilation air: ρc of air = 0.34 Wh/m³K. */
export const AIR_HEAT_CAPACITY_WH_PER_M3K = 0.34;
