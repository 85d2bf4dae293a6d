/**
 * Energy label from an EP2 estimate (primary fossil energy, kWh/m²·yr) against the NTA 8800 class
 * limits, and the anchoring of an estimate to a label that is already known.
 */
import { ENERGY_LABELS, type EnergyLabel } from '../dwelling.ts';
import { GAS_HHV_KWH_PER_M3 } from './physics.ts';

/** Upper EP2 limit (inclusive) of each class A++++ … F, kWh/m²·yr; G is > 380 (domain.md §5, NTA 8800, H). */
export const EP2_UPPER_LIMITS = [0, 50, 75, 105, 160, 190, 250, 290, 335, 380] as const;
/** Primary energy factors (domain.md §5, H). */
export const PRIMARY_FACTOR_GAS = 1.0;
export const PRIMARY_FACTOR_ELECTRICITY = 1.45;

/** Primary energy per m³ of gas, kWh (upper heating value × factor). */
export const PRIMARY_KWH_PER_M3_GAS = GAS_HHV_KWH_PER_M3 * PRIMARY_FACTOR_GAS;

const G = ENERGY_LABELS.length - 1;
const TABLE_MAX = EP2_UPPER_LIMITS[EP2_UPPER_LIMITS.length - 1]! + 1;

/** Class index (into ENERGY_LABELS) by ⌈EP2⌉ clamped to 0..381: one lookup per dwelling in the hot loop. */
export const EP2_CLASS_BY_CEIL: Uint8Array = (() => {
  const t = new Uint8Array(TABLE_MAX + 1);
  for (let e = 0; e <= TABLE_MAX; e++) {
    let c = EP2_UPPER_LIMITS.findIndex((lim) => e <= lim);
    if (c < 0) c = G;
    t[e] = c;
  }
  return t;
})();

/** Label class index for an EP2 value. */
export function labelIndexOf(ep2: number): number {
  const k = Math.ceil(ep2);
  return EP2_CLASS_BY_CEIL[k <= 0 ? 0 : k >= TABLE_MAX ? TABLE_MAX : k]!;
}

export function labelOf(ep2: number): EnergyLabel {
  return ENERGY_LABELS[labelIndexOf(ep2)]!;
}

/** Exclusive lower and inclusive upper EP2 bound per class (±1e9 for the open ends). */
export const EP2_BOUNDS: readonly { lower: number; upper: number }[] = ENERGY_LABELS.map((_, c) => ({
  lower: c === 0 ? -1e9 : EP2_UPPER_LIMITS[c - 1]!,
  upper: c === G ? 1e9 : EP2_UPPER_LIMITS[c]!,
}));

/** Keeps an estimate inside a known label's class, so "label after" moves from the label the dwelling really has. */
export function anchorEp2(estimate: number, labelIndex: number): number {
  const b = EP2_BOUNDS[labelIndex]!;
  return Math.min(Math.max(estimate, b.lower + 0.01), b.upper);
}

/** EP2 estimate from gas for space heating and hot water (m³/yr) and auxiliary electricity, per m² of floor area. */
export function ep2Estimate(gasM3: number, auxElectricityKwhPerM2: number, oppervlakte: number): number {
  return (gasM3 * PRIMARY_KWH_PER_M3_GAS) / oppervlakte + auxElectricityKwhPerM2 * PRIMARY_FACTOR_ELECTRICITY;
}
