/**
 * Transmission-based gas use of one dwelling: each element's heat loss H = A × U (W/K) at its level,
 * plus ventilation, times the heating degree-hours, divided by the boiler efficiency; hot water from
 * Hestia's demand per type and period. "Theory" is the plain physics (used for the EP2 label estimate);
 * "realised" divides each element's loss by the overshoot of physics over measured use (domain.md §5),
 * and calibration.ts then scales the result per type to measured consumption.
 */
import { BUILD_PERIODS } from '../build-period.ts';
import { BOILER_EFFICIENCY, HOT_WATER_GJ } from './data/hestia-installations.ts';
import type { HestiaType } from './data/types.ts';
import type { ElementAreas } from './element-areas.ts';
import { AIR_HEAT_CAPACITY_WH_PER_M3K, DEFAULT_DEGREE_KILO_HOURS, GAS_LHV_KWH_PER_M3, M3_PER_GJ, uValues } from './physics.ts';

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
   * How much per-element physics overshoots measured savings (domain.md §5: "≈ 1.6× (walls) to 3× (glazing)").
   * Roof and floor are not given: 2.3, the midpoint, is L.
   */
  overshoot: { cavityWall: number; roof: number; floor: number; glazing: number };
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
  overshoot: { cavityWall: 1.6, roof: 2.3, floor: 2.3, glazing: 3.0 },
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
  /** Space heating with each element divided by its overshoot (before the per-type calibration factor), m³/yr. */
  realisedSpaceHeatingM3: number;
  hotWaterM3: number;
}

/** Heat balance of one dwelling with levels [wall, roof, floor, glazing] (0..4). */
export function heatBalance(
  p: HeatModelParams, areas: ElementAreas, levels: readonly [number, number, number, number], oppervlakte: number, periodIndex: number, hestiaType: HestiaType,
): HeatBalance {
  const u = elementU(p);
  const t: [number, number, number, number] = [
    areas.wall * u.wall[levels[0]]!, areas.roof * u.roof[levels[1]]!, areas.floor * u.floor[levels[2]]!, areas.glazing * u.glazing[levels[3]]!,
  ];
  const ventilationWK = AIR_HEAT_CAPACITY_WH_PER_M3K * p.airChangesPerHour[periodIndex]! * p.roomHeightM * oppervlakte;
  const q = m3PerWattKelvin(p);
  const o = p.overshoot;
  return {
    transmissionWK: t,
    ventilationWK,
    theorySpaceHeatingM3: (t[0] + t[1] + t[2] + t[3] + ventilationWK) * q,
    realisedSpaceHeatingM3: (t[0] / o.cavityWall + t[1] / o.roof + t[2] / o.floor + t[3] / o.glazing + ventilationWK) * q,
    hotWaterM3: hotWaterM3(p, hestiaType, periodIndex),
  };
}

if (DEFAULT_HEAT_MODEL.airChangesPerHour.length !== BUILD_PERIODS.length) throw new Error('airChangesPerHour needs one value per build period');
