/**
 * Categorical codes of the housing-mix simulation: tenures, household bands and the metrics it
 * reports. Indexes into these lists are what the typed arrays of the hot loop hold.
 */
import { DWELLING_TYPES, ENERGY_LABELS, GROUND_BOUND_TYPES, type DwellingType } from '../dwelling.ts';

/**
 * Tenure of a dwelling as the simulation tracks it. `sociale-huur` is corporation stock let under the
 * social-rent ceiling (DAEB); `middenhuur-corporatie` is corporation stock liberalised on turnover;
 * `gemeente` is stock the municipality acquired.
 */
export const TENURES = [
  'koop',
  'sociale-huur',
  'middenhuur-corporatie',
  'particuliere-huur',
  'gemeente',
  'overig',
] as const;
export type Tenure = (typeof TENURES)[number];
export const T_KOOP = 0;
export const T_SOCIAL = 1;
export const T_MID = 2;
export const T_PRIVATE = 3;
export const T_MUNICIPAL = 4;
export const T_OTHER = 5;

/** Tenure a dataset ownership category starts as (OWNERSHIP_CATEGORIES order). */
export const TENURE_OF_OWNERSHIP: readonly number[] = [T_KOOP, T_SOCIAL, T_PRIVATE, T_OTHER];

/**
 * Income bands of a household: `laag` = eligible for rent benefit (the passend-toewijzen group);
 * `daeb` = above that, up to the DAEB limit (2025: €49,669 one person / €54,847 more, docs/domain.md §4, H);
 * `midden` = above the DAEB limit; `hoog` = well above it.
 */
export const INCOME_BANDS = ['laag', 'daeb', 'midden', 'hoog'] as const;
export const INCOME_LOW = 0;

/** Age bands of the head of household (years, inclusive lower bound). */
export const AGE_BANDS = [
  { id: '18-29', min: 18, max: 29 },
  { id: '30-54', min: 30, max: 54 },
  { id: '55-74', min: 55, max: 74 },
  { id: '75+', min: 75, max: 94 },
] as const;

/** Household sizes 1..5 (5 = five or more persons). */
export const HOUSEHOLD_SIZES = [1, 2, 3, 4, 5] as const;

/** A "gezin" (family) household has three or more persons. */
export const FAMILY_MIN_SIZE = 3;

/** 1 for eengezinswoningen (ground-bound types), by DWELLING_TYPES index. */
export const GROUND_BOUND_BY_TYPE: Uint8Array = Uint8Array.from(DWELLING_TYPES, (t) =>
  GROUND_BOUND_TYPES.includes(t) ? 1 : 0,
);

export function typeIndex(t: DwellingType): number {
  return DWELLING_TYPES.indexOf(t);
}

export function labelIndex(l: (typeof ENERGY_LABELS)[number]): number {
  return ENERGY_LABELS.indexOf(l);
}

/** Bit mask over DWELLING_TYPES indexes; all types when the list is absent. */
export function typeMask(types: readonly DwellingType[] | undefined): number {
  if (types === undefined) return (1 << DWELLING_TYPES.length) - 1;
  let m = 0;
  for (const t of types) m |= 1 << typeIndex(t);
  return m;
}

/** Bit mask over TENURES indexes. */
export function tenureMask(tenures: readonly Tenure[]): number {
  let m = 0;
  for (const t of tenures) m |= 1 << TENURES.indexOf(t);
  return m;
}
