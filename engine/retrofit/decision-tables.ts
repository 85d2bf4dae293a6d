/**
 * The rules of the scoring as small lookup tables, so the hot loop decides without unpredictable branches:
 * why each measure does (not) apply by year class, position and level; the dwelling's floors and position;
 * project or individual price; route. Each table is built from the readable rule it replaces.
 */
import { DWELLING_TYPES, OWNERSHIP_CATEGORIES } from '../dwelling.ts';
import { routeIndexOf } from './ecology.ts';
import {
  R_ALREADY,
  R_APPLIES,
  R_AT_CONSTRUCTION,
  R_NO_FLOOR,
  R_NO_GAS,
  R_NO_ROOF,
  R_SOLID_WALL,
} from './measure-ids.ts';
import type { RetrofitParams } from './params.ts';

export const MAX_YEAR = 2100;
/** Year class bits: 1 = solid wall (before the cavity era), 2 = insulated at construction, 4 = gas-free new build. */
export const YC_SOLID = 1,
  YC_INSULATED = 2,
  YC_GAS_FREE = 4;
/** Position of a dwelling relative to roof or ground floor. */
export const POS_OWN = 0,
  POS_NONE = 1,
  POS_UNKNOWN = 2;

export interface DecisionTables {
  /** Year class (YC_* bits) by build year 0..MAX_YEAR. */
  yearClass: Uint8Array;
  /** 1 when the build year lies in the cavity-risk years (ecology). */
  cavityRiskYear: Uint8Array;
  /** Floors of one dwelling by `type × 256 + building storeys`. */
  floorsOf: Uint8Array;
  /** Roof / floor position by `groundBound × 4 + unknown × 2 + top` (or `+ ground`). */
  roofPosition: Uint8Array;
  floorPosition: Uint8Array;
  /** Share of the footprint counted as roof / ground floor by position. */
  positionShare: Float64Array;
  /** Reason per measure: wall `[yc × 5 + level]`, roof and floor `[(pos × 8 + yc) × 5 + level]`, glazing `[level]`, hybrid `[yc]`. */
  reasonWall: Uint8Array;
  reasonRoof: Uint8Array;
  reasonFloor: Uint8Array;
  reasonGlazing: Uint8Array;
  reasonHybrid: Uint8Array;
  /** 1 for reason 0 (applies), else 0; indexed by reason. */
  applies: Float64Array;
  /** 1 when the level is N0; indexed by level. */
  levelZero: Uint8Array;
  /** Project price (1) or individual (0) by `(priceMode × 4 + ownership) × 2 + inVve`. */
  project: Uint8Array;
  /** Route index by `(ownership × 2 + groundBound) × 2 + inVve`. */
  route: Uint8Array;
}

export function buildDecisionTables(p: RetrofitParams): DecisionTables {
  const m = p.measures;
  const yearClass = new Uint8Array(MAX_YEAR + 1);
  const cavityRiskYear = new Uint8Array(MAX_YEAR + 1);
  for (let y = 0; y <= MAX_YEAR; y++) {
    yearClass[y] =
      (y < m.solidWallBeforeYear ? YC_SOLID : 0) |
      (y >= m.insulatedFromYear ? YC_INSULATED : 0) |
      (y >= m.gasFreeFromYear ? YC_GAS_FREE : 0);
    cavityRiskYear[y] = y >= p.ecology.cavityRiskYears.from && y <= p.ecology.cavityRiskYears.to ? 1 : 0;
  }
  const floorsOf = new Uint8Array(DWELLING_TYPES.length * 256);
  DWELLING_TYPES.forEach((t, ti) => {
    const s = p.geometry.types[t];
    for (let st = 0; st < 256; st++)
      floorsOf[ti * 256 + st] = !s.groundBound ? s.floors : st === 0 ? s.floors : Math.min(st, 3);
  });
  const roofPosition = new Uint8Array(8),
    floorPosition = new Uint8Array(8);
  for (let gb = 0; gb < 2; gb++)
    for (let unknown = 0; unknown < 2; unknown++)
      for (let own = 0; own < 2; own++) {
        const k = gb * 4 + unknown * 2 + own;
        roofPosition[k] = floorPosition[k] = gb ? POS_OWN : unknown ? POS_UNKNOWN : own ? POS_OWN : POS_NONE;
      }
  const reasonWall = new Uint8Array(8 * 5);
  const reasonRoof = new Uint8Array(3 * 8 * 5),
    reasonFloor = new Uint8Array(3 * 8 * 5);
  const a = m.applyBelowLevel;
  for (let yc = 0; yc < 8; yc++) {
    for (let l = 0; l < 5; l++) {
      reasonWall[yc * 5 + l] =
        yc & YC_SOLID
          ? R_SOLID_WALL
          : yc & YC_INSULATED
            ? R_AT_CONSTRUCTION
            : l >= a.cavityWall
              ? R_ALREADY
              : R_APPLIES;
      for (let pos = 0; pos < 3; pos++) {
        const k = (pos * 8 + yc) * 5 + l;
        const above = (limit: number) => (l >= limit ? (yc & YC_INSULATED ? R_AT_CONSTRUCTION : R_ALREADY) : R_APPLIES);
        // Unknown position (a flat whose floor is not known): the measure applies to the expected share of roof or
        // floor (geometry.unknownPositionShare), so its cost and saving are the expectation, not dropped.
        reasonRoof[k] = pos === POS_NONE ? R_NO_ROOF : above(a.roof);
        reasonFloor[k] = pos === POS_NONE ? R_NO_FLOOR : above(a.floor);
      }
    }
  }
  const project = new Uint8Array(3 * 4 * 2);
  const route = new Uint8Array(4 * 2 * 2);
  const corp = OWNERSHIP_CATEGORIES.indexOf('corporatie');
  for (let own = 0; own < 4; own++) {
    for (let vve = 0; vve < 2; vve++) {
      for (let pm = 0; pm < 3; pm++)
        project[(pm * 4 + own) * 2 + vve] = pm === 2 || (pm === 0 && (own === corp || vve === 1)) ? 1 : 0;
      for (let gb = 0; gb < 2; gb++) route[(own * 2 + gb) * 2 + vve] = routeIndexOf(own, gb === 1, vve === 1);
    }
  }
  return {
    yearClass,
    cavityRiskYear,
    floorsOf,
    roofPosition,
    floorPosition,
    positionShare: Float64Array.of(1, 0, p.geometry.unknownPositionShare),
    reasonWall,
    reasonRoof,
    reasonFloor,
    reasonGlazing: Uint8Array.from({ length: 5 }, (_, l) => (l >= a.glazing ? R_ALREADY : R_APPLIES)),
    reasonHybrid: Uint8Array.from({ length: 8 }, (_, yc) => (yc & YC_GAS_FREE ? R_NO_GAS : R_APPLIES)),
    applies: Float64Array.from({ length: 8 }, (_, r) => (r === R_APPLIES ? 1 : 0)),
    levelZero: Uint8Array.of(1, 0, 0, 0, 0),
    project,
    route,
  };
}
