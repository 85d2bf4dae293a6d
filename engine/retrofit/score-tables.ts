/**
 * Lookup tables for the whole-stock scoring, built once per parameter set so the per-dwelling loop is
 * table lookups and arithmetic: period by year, element minimum levels by year, area coefficients by
 * type × floors, U per level, hot water by Hestia type × period, € per m² by part × Egw/Mgw × Ind/Prj,
 * label limits, risk and energy-poverty constants, priority points.
 */
import { BUILD_PERIODS, buildPeriodIndex } from '../build-period.ts';
import { DWELLING_TYPES, ENERGY_LABELS } from '../dwelling.ts';
import { HYBRID_HEAT_PUMP } from '../hestia/hestia-installations.ts';
import { MINIMUM_LEVEL_INDICES as MINIMUM_LEVELS } from '../hestia/minimum-level-indices.ts';
import { HESTIA_TYPES } from '../hestia/hestia-types.ts';
import type { TnoPart } from '../hestia/tno-types.ts';
import { SW_EXPOSURE_BY_DEGREE } from './ecology.ts';
import { areaCoefficients } from './element-areas.ts';
import { lowIncomeShareOf, poorQualityByLabel, type LowIncomeSource, LOW_INCOME_SOURCES } from './energy-poverty.ts';
import { elementU, hotWaterM3, m3PerWattKelvin, preboundLine } from './heat-model.ts';
import { hestiaTypeOf, HIGH_RISE_MIN_STOREYS } from '../hestia/hestia-type.ts';
import { EP2_BOUNDS, EP2_CLASS_BY_CEIL, PRIMARY_FACTOR_ELECTRICITY, PRIMARY_KWH_PER_M3_GAS } from './labels.ts';
import { costPerM2 } from './measure-costs.ts';
import { buildDecisionTables, MAX_YEAR, type DecisionTables } from './decision-tables.ts';
import type { RetrofitParams } from './params.ts';
import { AIR_HEAT_CAPACITY_WH_PER_M3K, GAS_LHV_KWH_PER_M3 } from './physics.ts';
import { packTables, type PackedTables } from './packed-tables.ts';
import { pointsPerFactor } from './priority.ts';
import type { WeightsConfig } from './weights.ts';

const COST_PARTS: readonly TnoPart[] = ['MS', 'DS', 'DP', 'VL', 'RB'];

export interface ScoreTables extends DecisionTables {
  periodOfYear: Uint8Array;
  /** Minimum level by year for wall, roof, floor, glazing: `minLevel[year × 4 + e]`. */
  minLevel: Uint8Array;
  groundBound: Uint8Array;
  unitFloors: Uint8Array;
  /** Gross façade per √A by `type × 4 + floors`. */
  facadePerSqrtArea: Float64Array;
  doorM2: Float64Array;
  glazingPerArea: number;
  pitchedRoofFactor: number;
  unknownPositionShare: number;
  uWall: Float64Array;
  uRoof: Float64Array;
  uFloor: Float64Array;
  uGlazing: Float64Array;
  /** Ventilation W/K per m² by period. */
  ventilationPerArea: Float64Array;
  /** m³ gas per W/K per year. */
  m3PerWK: number;
  /** Hot-water m³ by `(type × 2 + highRise) × periods + period`. */
  hotWaterM3: Float64Array;
  /** Calibration level per type (× the dwelling's prebound factor). */
  k: Float64Array;
  /** Scale of the physics EP2 estimate (1: the plain NTA 8800-style estimate; not fitted to labels). */
  ep2Scale: number;
  /** Prebound factor per label class of the theoretical EP2 as intercept + slope × EP2 (heat-model.ts preboundLine). */
  preboundIntercept: Float64Array;
  preboundSlope: Float64Array;
  targetLevel: Uint8Array;
  applyBelow: Uint8Array;
  solidWallBeforeYear: number;
  insulatedFromYear: number;
  gasFreeFromYear: number;
  /** € per m² by `part × 4 + (multiFamily × 2 + project)`, parts MS, DS, DP, VL, RB. */
  costPerM2: Float64Array;
  hybridFixedEur: number;
  hybridPerKwEur: number;
  hybridSizing: number;
  hybridMinKw: number;
  hybridMaxKw: number;
  designDeltaK: number;
  /** Heat share of the hybrid heat pump per label index (Hestia P_vol). */
  hybridHeatShare: Float64Array;
  /** kWh electricity per m³ gas the hybrid heat pump avoids (η × LHV / SPF). */
  hybridKwhPerM3: number;
  primaryPerM3: number;
  primaryElectricity: number;
  auxPrimaryPerM2: number;
  /** Anchoring bounds of EP2 per label index; index 255 (unknown) is open. */
  ep2Lower: Float64Array;
  ep2Upper: Float64Array;
  ep2Class: Uint8Array;
  gasPrice: number;
  electricityPrice: number;
  co2PerM3: number;
  co2PerKwh: number;
  swExposure: Float32Array;
  cavityRiskFrom: number;
  cavityRiskTo: number;
  riskCavity: number;
  riskRoof: number;
  riskFacade: number;
  /** Low-income share per buurt index, and where it came from (index into LOW_INCOME_SOURCES). */
  buurtShare: Float32Array;
  buurtShareSource: Uint8Array;
  lowIncomeFullInv: number;
  energyQuoteInvEur: number;
  poorQuality: Float32Array;
  labelGap: Float32Array;
  gasFullInv: number;
  paybackWorstYears: number;
  points: Float64Array;
  /** The same tables packed for the hot loop (packed-layout.ts). */
  packed: PackedTables;
}

/** Label gap 0–1 per label index: 0 for A and better, 1 for G, linear between (A..G = 6 steps). */
function labelGap(): Float32Array {
  const a = ENERGY_LABELS.indexOf('A');
  return Float32Array.from(ENERGY_LABELS, (_, i) => Math.max(0, (i - a) / (ENERGY_LABELS.length - 1 - a)));
}

export function buildScoreTables(
  p: RetrofitParams,
  w: WeightsConfig,
  buurtCodes: readonly string[],
  datasetShares: Float32Array,
): ScoreTables {
  const periodOfYear = new Uint8Array(MAX_YEAR + 1);
  for (let y = 0; y <= MAX_YEAR; y++) periodOfYear[y] = buildPeriodIndex(y);
  const minLevel = new Uint8Array((MAX_YEAR + 1) * 4);
  for (let y = MINIMUM_LEVELS[0]!.from; y <= MAX_YEAR; y++) {
    const row = MINIMUM_LEVELS.find((r) => y >= r.from && y <= r.to) ?? MINIMUM_LEVELS[MINIMUM_LEVELS.length - 1]!;
    // roof: the pitched and flat minima are equal in the table; the pitched value is used for both.
    [row.levels.cavityWall, row.levels.pitchedRoof, row.levels.floor, row.levels.glazing].forEach((l, e) => {
      minLevel[y * 4 + e] = l;
    });
  }
  const g = p.geometry;
  const facade = new Float64Array(DWELLING_TYPES.length * 4);
  DWELLING_TYPES.forEach((t, ti) => {
    for (let f = 1; f <= 3; f++) facade[ti * 4 + f] = areaCoefficients(g, t, f).facadePerSqrtArea;
  });
  const hotWater = new Float64Array(DWELLING_TYPES.length * 2 * BUILD_PERIODS.length);
  DWELLING_TYPES.forEach((t, ti) => {
    for (let hr = 0; hr < 2; hr++) {
      const ht = hestiaTypeOf(t, hr ? HIGH_RISE_MIN_STOREYS : 1);
      if (!HESTIA_TYPES.includes(ht)) throw new Error(`no Hestia type for ${t}`);
      BUILD_PERIODS.forEach((_, pi) => {
        hotWater[(ti * 2 + hr) * BUILD_PERIODS.length + pi] = hotWaterM3(p.heat, ht, pi);
      });
    }
  });
  const u = elementU(p.heat);
  const m = p.measures;
  const cost = new Float64Array(COST_PARTS.length * 4);
  const target = [
    m.targetLevel.cavityWall,
    m.targetLevel.roof,
    m.targetLevel.roof,
    m.targetLevel.floor,
    m.targetLevel.glazing,
  ];
  COST_PARTS.forEach((part, k) => {
    // TNO prices indexed from their base year; the floor at its current public price (price-book.ts).
    for (let v = 0; v < 4; v++)
      cost[k * 4 + v] =
        part === 'VL'
          ? p.unitPrices.floorEurPerM2
          : costPerM2(part, target[k]!, v < 2, v % 2 === 1, m.costVariant) * p.unitPrices.tnoFactor;
  });
  const share = m.hybrid.heatShareByLabel;
  const hybridHeatShare = Float64Array.from(ENERGY_LABELS, (l) => {
    if (l === 'G') return share.x;
    return l.startsWith('A') ? share.A : share[l as 'B' | 'C' | 'D' | 'E' | 'F'];
  });
  const buurtShare = new Float32Array(buurtCodes.length);
  const buurtShareSource = new Uint8Array(buurtCodes.length);
  buurtCodes.forEach((code, k) => {
    const s = lowIncomeShareOf(w.energyPoverty, code, Number.isNaN(datasetShares[k]) ? null : datasetShares[k]!);
    buurtShare[k] = s.share;
    buurtShareSource[k] = LOW_INCOME_SOURCES.indexOf(s.source satisfies LowIncomeSource);
  });
  const rw = p.ecology.riskWeights;
  const riskSum = rw.uninsulatedCavity + rw.pitchedRoof + rw.southWestFacade;
  const ep = w.energyPoverty;
  const tables: Omit<ScoreTables, 'packed'> = {
    ...buildDecisionTables(p),
    periodOfYear,
    minLevel,
    groundBound: Uint8Array.from(DWELLING_TYPES, (t) => +g.types[t].groundBound),
    unitFloors: Uint8Array.from(DWELLING_TYPES, (t) => g.types[t].floors),
    facadePerSqrtArea: facade,
    doorM2: Float64Array.from(DWELLING_TYPES, (t) => g.types[t].doorM2),
    glazingPerArea: g.glazingPerFloorM2,
    pitchedRoofFactor: g.pitchedRoofFactor,
    unknownPositionShare: g.unknownPositionShare,
    uWall: Float64Array.from(u.wall),
    uRoof: Float64Array.from(u.roof),
    uFloor: Float64Array.from(u.floor),
    uGlazing: Float64Array.from(u.glazing),
    ventilationPerArea: Float64Array.from(
      p.heat.airChangesPerHour,
      (ach) => AIR_HEAT_CAPACITY_WH_PER_M3K * ach * p.heat.roomHeightM,
    ),
    m3PerWK: m3PerWattKelvin(p.heat),
    hotWaterM3: hotWater,
    k: Float64Array.from(DWELLING_TYPES, (t) => p.calibration.kByType[t]),
    ep2Scale: p.calibration.ep2Scale,
    preboundIntercept: Float64Array.from(EP2_BOUNDS, (b) => preboundLine(p.heat, b.lower, b.upper).intercept),
    preboundSlope: Float64Array.from(EP2_BOUNDS, (b) => preboundLine(p.heat, b.lower, b.upper).slope),
    targetLevel: Uint8Array.from([
      m.targetLevel.cavityWall,
      m.targetLevel.roof,
      m.targetLevel.floor,
      m.targetLevel.glazing,
    ]),
    applyBelow: Uint8Array.from([
      m.applyBelowLevel.cavityWall,
      m.applyBelowLevel.roof,
      m.applyBelowLevel.floor,
      m.applyBelowLevel.glazing,
    ]),
    solidWallBeforeYear: m.solidWallBeforeYear,
    insulatedFromYear: m.insulatedFromYear,
    gasFreeFromYear: m.gasFreeFromYear,
    costPerM2: cost,
    hybridFixedEur: p.unitPrices.hybridFixedEur,
    hybridPerKwEur: p.unitPrices.hybridPerKwEur,
    hybridSizing: m.hybrid.sizingShareOfDesignLoad,
    hybridMinKw: m.hybrid.minKw,
    hybridMaxKw: m.hybrid.maxKw,
    designDeltaK: m.hybrid.designDeltaK,
    hybridHeatShare,
    hybridKwhPerM3: (p.heat.boilerEfficiency.spaceHeating * GAS_LHV_KWH_PER_M3) / HYBRID_HEAT_PUMP.spf,
    primaryPerM3: PRIMARY_KWH_PER_M3_GAS,
    primaryElectricity: PRIMARY_FACTOR_ELECTRICITY,
    auxPrimaryPerM2: p.heat.auxElectricityKwhPerM2 * PRIMARY_FACTOR_ELECTRICITY,
    ep2Lower: Float64Array.from({ length: 256 }, (_, l) => (EP2_BOUNDS[l] ? EP2_BOUNDS[l].lower + 0.01 : -1e9)),
    // 1e-7 inside the upper limit: the branch-free clamp in the hot loop may round up by an ulp, and ⌈·⌉ must stay in the class.
    ep2Upper: Float64Array.from({ length: 256 }, (_, l) => (EP2_BOUNDS[l] ? EP2_BOUNDS[l].upper - 1e-7 : 1e9)),
    ep2Class: EP2_CLASS_BY_CEIL,
    gasPrice: p.prices.gasEurPerM3,
    electricityPrice: p.prices.electricityEurPerKwh,
    co2PerM3: p.prices.co2KgPerM3Gas,
    co2PerKwh: p.prices.co2KgPerKwh,
    swExposure: SW_EXPOSURE_BY_DEGREE,
    cavityRiskFrom: p.ecology.cavityRiskYears.from,
    cavityRiskTo: p.ecology.cavityRiskYears.to,
    riskCavity: rw.uninsulatedCavity / riskSum,
    riskRoof: rw.pitchedRoof / riskSum,
    riskFacade: rw.southWestFacade / riskSum,
    buurtShare,
    buurtShareSource,
    lowIncomeFullInv: 1 / ep.lowIncomeShareFull,
    energyQuoteInvEur: 1 / (ep.energyQuoteThreshold * ep.referenceLowIncomeEurPerYear),
    poorQuality: poorQualityByLabel(ep),
    labelGap: labelGap(),
    gasFullInv: 1 / w.scales.gasSavingFullM3PerYear,
    paybackWorstYears: w.scales.paybackWorstYears,
    points: pointsPerFactor(w),
  };
  return { ...tables, packed: packTables(tables) };
}
