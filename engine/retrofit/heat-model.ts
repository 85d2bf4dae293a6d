/**
 * Transmission-based gas use of one dwelling: each element's heat loss H = A × U (W/K) at its level,
 * plus ventilation, times the heating degree-hours, divided by the boiler efficiency; hot water from
 * Hestia's demand per type and period. "Theory" is the plain physics (used for the EP2 label estimate).
 * The prebound effect is corrected once, per dwelling: gas use and every saving are the theory times the
 * dwelling's prebound factor (docs/retrofit-model.md), which falls as the theoretical EP2 rises.
 */
import { BUILD_PERIODS } from '../build-period.ts';
import { BOILER_EFFICIENCY, HOT_WATER_GJ } from '../hestia/hestia-installations.ts';
import type { HestiaType } from '../hestia/hestia-types.ts';
import type { ElementAreas } from './element-areas.ts';
import {
  AIR_HEAT_CAPACITY_WH_PER_M3K,
  DEFAULT_DEGREE_KILO_HOURS,
  GAS_LHV_KWH_PER_M3,
  M3_PER_GJ,
  uValues,
} from './physics.ts';

export interface HeatModelParams {
  /** Heating degree-hours, kKh per year. */
  degreeKiloHours: number;
  /** Temperature factor of a floor above an unheated crawl space (L: order of magnitude of NTA 8800's reduction). */
  floorTemperatureFactor: number;
  /** Air changes per hour (ventilation + infiltration) per BUILD_PERIODS index (L: older dwellings are leakier). */
  airChangesPerHour: readonly number[];
  /** Room height for the ventilated volume, m. */
  roomHeightM: number;
  /** Seasonal efficiency of the boiler on the lower heating value. */
  boilerEfficiency: { spaceHeating: number; hotWater: number };
  /** Electricity of pumps and fans counted in EP2, kWh/m²·yr (L). */
  auxElectricityKwhPerM2: number;
  /**
   * The prebound factor, measured ÷ theoretical gas use, as a function of the theoretical EP2 (kWh/m²·yr):
   * min(1, (EP2 / referenceEp2)^−elasticity). Majcen, Itard & Visscher (2013, Energy Policy 54) found labelled Dutch
   * dwellings' actual gas use close to theory for the good labels and about half of it for G; the curve follows
   * that shape (docs/retrofit-model.md). One factor per dwelling, applied to its use and to all its savings.
   */
  prebound: { referenceEp2: number; elasticity: number };
}

export const DEFAULT_HEAT_MODEL: HeatModelParams = {
  degreeKiloHours: DEFAULT_DEGREE_KILO_HOURS,
  floorTemperatureFactor: 0.7,
  //                voor 1930 … 1965-74, 1975-91, 1992 onwards (L)
  airChangesPerHour: [1.0, 1.0, 0.9, 0.8, 0.7, 0.5, 0.5, 0.5, 0.5, 0.45, 0.4, 0.4],
  roomHeightM: 2.6,
  // Hestia Performance.csv, HR boiler: SPF_b 1.04 (RV, space heating) and 0.76 (TW, hot water).
  boilerEfficiency: { spaceHeating: BOILER_EFFICIENCY.spaceHeating, hotWater: BOILER_EFFICIENCY.hotWater },
  auxElectricityKwhPerM2: 5,
  prebound: { referenceEp2: 160, elasticity: 0.75 },
};

/** Gas for space heating per W/K of heat loss per year, m³ (degree-hours / (efficiency × lower heating value)). */
export function m3PerWattKelvin(p: HeatModelParams): number {
  return p.degreeKiloHours / (p.boilerEfficiency.spaceHeating * GAS_LHV_KWH_PER_M3);
}

/** Gas for hot water per year, m³ (Hestia Vtw_asl, GJ heat, over the boiler's hot-water efficiency). */
export function hotWaterM3(p: HeatModelParams, hestiaType: HestiaType, periodIndex: number): number {
  return (HOT_WATER_GJ[hestiaType][periodIndex]! * M3_PER_GJ) / p.boilerEfficiency.hotWater;
}

/** U-values per level, W/m²K, with the floor's temperature factor applied. */
export function elementU(p: HeatModelParams): { wall: number[]; roof: number[]; floor: number[]; glazing: number[] } {
  return {
    wall: uValues('MS'),
    roof: uValues('DS'), // DS and DP share Rc per level (isolatiemaatregelen.csv)
    floor: uValues('VL').map((u) => u * p.floorTemperatureFactor),
    glazing: uValues('RB'),
  };
}

export interface HeatBalance {
  /** Heat loss per element, W/K: wall, roof, floor, glazing. */
  transmissionWK: [number, number, number, number];
  ventilationWK: number;
  /** Plain physics, m³ gas/yr for space heating. */
  theorySpaceHeatingM3: number;
  hotWaterM3: number;
}

/** Heat balance of one dwelling with levels [wall, roof, floor, glazing] (0..4). */
export function heatBalance(
  p: HeatModelParams,
  areas: ElementAreas,
  levels: readonly [number, number, number, number],
  oppervlakte: number,
  periodIndex: number,
  hestiaType: HestiaType,
): HeatBalance {
  const u = elementU(p);
  const t: [number, number, number, number] = [
    areas.wall * u.wall[levels[0]]!,
    areas.roof * u.roof[levels[1]]!,
    areas.floor * u.floor[levels[2]]!,
    areas.glazing * u.glazing[levels[3]]!,
  ];
  const ventilationWK = AIR_HEAT_CAPACITY_WH_PER_M3K * p.airChangesPerHour[periodIndex]! * p.roomHeightM * oppervlakte;
  const q = m3PerWattKelvin(p);
  return {
    transmissionWK: t,
    ventilationWK,
    theorySpaceHeatingM3: (t[0] + t[1] + t[2] + t[3] + ventilationWK) * q,
    hotWaterM3: hotWaterM3(p, hestiaType, periodIndex),
  };
}

if (DEFAULT_HEAT_MODEL.airChangesPerHour.length !== BUILD_PERIODS.length)
  throw new Error('airChangesPerHour needs one value per build period');

/** The prebound factor at a theoretical EP2 (kWh/m²·yr): measured ÷ theoretical use, at most 1. */
export function preboundFactor(p: HeatModelParams, ep2: number): number {
  return ep2 <= p.prebound.referenceEp2 ? 1 : (ep2 / p.prebound.referenceEp2) ** -p.prebound.elasticity;
}

/**
 * The prebound factor as a straight line within each label class (intercept + slope × EP2), through the curve's
 * values at the class bounds, so the hot loop needs one lookup and no power. The open class G stays at its lower
 * bound's value; open lower classes are at most the reference and so 1.
 */
export function preboundLine(p: HeatModelParams, lower: number, upper: number): { intercept: number; slope: number } {
  const open = (x: number): boolean => !(Math.abs(x) < 1e9); // EP2_BOUNDS marks open ends with ±1e9
  if (open(upper) || open(lower)) {
    const at = open(lower) ? upper : lower;
    return { intercept: preboundFactor(p, at), slope: 0 };
  }
  const a = preboundFactor(p, lower),
    b = preboundFactor(p, upper);
  const slope = (b - a) / (upper - lower);
  return { intercept: a - slope * lower, slope };
}
