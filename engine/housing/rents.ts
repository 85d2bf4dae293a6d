/**
 * Rents in the housing model (€ per month, net): a dwelling's rent comes from the portfolio register where the
 * dataset has one, or is imputed from its floor area and label by the dated rules (config/rules/housing-limits.json,
 * housing.rent.imputed.*); every year corporation rents rise by housing.rent.annual-increase. Passend toewijzen
 * compares these rents with the year's rent caps (docs/domain.md §4).
 */
import { ENERGY_LABELS } from '../dwelling.ts';
import { T_SOCIAL, TENURE_OF_OWNERSHIP } from './codes.ts';
import type { HousingRules, RentImputation, YearLimits } from './housing-rules.ts';
import type { HousingStock } from './stock.ts';

const LABEL_D = ENERGY_LABELS.indexOf('D');

/** Imputed rent in euros of the imputation's base year: (base + perM2 × m²) × (1 + labelStep × steps better than D). */
export function imputedRent(
  m: Pick<RentImputation, 'base' | 'perM2' | 'labelStep'>,
  m2: number,
  label: number,
): number {
  return (m.base + m.perM2 * m2) * (1 + m.labelStep * (LABEL_D - label));
}

/** Per scenario year: the factor rents rise by at its start (1 in the first year) and since the imputation's base year. */
export interface RentYears {
  /** Multiplier applied to every rent at the start of year index yi (1 + housing.rent.annual-increase; 1 at yi 0). */
  increase: Float64Array;
  /** Rent level of year index yi against the imputation's base year (imputed rents × this = that year's euros). */
  level: Float64Array;
  /** [yi * 3 + k]: lower cap (1–2 persons), higher cap (3+), social-rent ceiling of the year, € per month. */
  caps: Float64Array;
}

/**
 * The rent factors and caps of every scenario year. Years before the first scenario year back to the imputation's base
 * year rise by the first year's increase (the rules give no rows before it).
 */
export function rentYears(limits: readonly YearLimits[], baseYear: number): RentYears {
  const Y = limits.length;
  const increase = new Float64Array(Y).fill(1),
    level = new Float64Array(Y),
    caps = new Float64Array(Y * 3);
  const first = limits[0]!;
  level[0] = (1 + first.rentIncrease) ** Math.max(0, first.year - baseYear);
  for (let yi = 0; yi < Y; yi++) {
    const l = limits[yi]!;
    if (yi > 0) {
      increase[yi] = 1 + l.rentIncrease;
      level[yi] = level[yi - 1]! * increase[yi]!;
    }
    caps[yi * 3] = l.rentCapLow;
    caps[yi * 3 + 1] = l.rentCapHigh;
    caps[yi * 3 + 2] = l.socialRentCeiling;
  }
  return { increase, level, caps };
}

/**
 * The rent of a dwelling in year index yi when it gets a new one (new-build, split, merge): imputed, and for social
 * rent at most the year's social-rent ceiling.
 */
export function rentOf(
  m: RentImputation,
  ry: RentYears,
  yi: number,
  m2: number,
  label: number,
  tenure: number,
): number {
  const r = imputedRent(m, m2, label) * ry.level[yi]!;
  return tenure === T_SOCIAL ? Math.min(r, ry.caps[yi * 3 + 2]!) : r;
}

/**
 * The first year's rent of every stock dwelling: the registered rent where the stock has one, else imputed (social
 * rent at most the ceiling). Counts how many of each go into `rules.rents`.
 */
export function startRents(stock: HousingStock, rules: HousingRules, ry: RentYears): Float32Array {
  const out = new Float32Array(stock.count);
  let registered = 0;
  for (let i = 0; i < stock.count; i++) {
    const r = stock.rent[i]!;
    if (r === r) {
      out[i] = r;
      registered++;
    } else
      out[i] = rentOf(
        rules.rents,
        ry,
        0,
        stock.oppervlakte[i]!,
        stock.label[i]!,
        TENURE_OF_OWNERSHIP[stock.ownership[i]!]!,
      );
  }
  rules.rents.registered = registered;
  rules.rents.imputed = stock.count - registered;
  return out;
}
