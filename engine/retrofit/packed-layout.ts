/**
 * Layout of the score tables packed into one Float64Array (F) and one Uint8Array (B), so the hot loop
 * indexes two arrays at constant offsets instead of holding forty table pointers (measured ≈ 1.5× faster).
 * Every size here is fixed by the model (5 levels, 8 types, 12 periods, 256 label codes, years 0..2100).
 */
import { BUILD_PERIODS } from '../build-period.ts';

const PERIODS = BUILD_PERIODS.length;
/**
 * Years 0..2100, record of 2 bytes: period | year class << 4 | cavity-risk year << 7, and the minimum levels of
 * wall, roof, floor, glazing at 2 bits each (levels ≤ 3 after 1992).
 */
export const YEARS = 2101,
  YEAR_REC = 2;
/** Per label code 0..255, record of 8 doubles: EP2 lower, EP2 upper, hybrid heat share, label gap, poor quality,
 * prebound intercept and slope (of the theoretical EP2's class). */
export const LABEL_REC = 8;
/** Per type 0..7, record of 8 doubles: ground-bound, door m², k, façade per √A for 1, 2, 3 floors, EP2 label scale. */
export const TYPE_REC = 8;

export const F_UW = 0,
  F_UR = 5,
  F_UF = 10,
  F_UG = 15;
export const F_VENT = 20;
export const F_DHW = F_VENT + PERIODS;
export const F_COST = F_DHW + 8 * 2 * PERIODS;
export const F_LAB = F_COST + 20;
export const F_SW = F_LAB + 256 * LABEL_REC;
export const F_POS = F_SW + 361;
export const F_PITCH = F_POS + 3;
export const F_TYPE = F_PITCH + 2;
export const F_AWALL = F_TYPE + 8 * TYPE_REC;
export const F_AROOF = F_AWALL + 40;
export const F_AFLOOR = F_AROOF + 120;
export const F_AGLAZ = F_AFLOOR + 120;
export const F_AHYB = F_AGLAZ + 8;
export const F_LEVEL0 = F_AHYB + 8;
export const F_SIZE = F_LEVEL0 + 8;

export const B_YEAR = 0;
/** Floors of one dwelling | ground-bound << 2, by `type × 256 + building storeys`. */
export const B_FLOORS = B_YEAR + YEARS * YEAR_REC;
export const B_ROOFPOS = B_FLOORS + 8 * 256;
export const B_FLOORPOS = B_ROOFPOS + 8;
export const B_PROJECT = B_FLOORPOS + 8;
export const B_ROUTE = B_PROJECT + 24;
export const B_CLASS = B_ROUTE + 16;
export const B_RWALL = B_CLASS + 382;
export const B_RROOF = B_RWALL + 40;
export const B_RFLOOR = B_RROOF + 120;
export const B_RGLAZ = B_RFLOOR + 120;
export const B_RHYB = B_RGLAZ + 8;
export const B_SIZE = B_RHYB + 8;
