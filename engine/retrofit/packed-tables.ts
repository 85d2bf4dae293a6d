/** Packs the readable score tables into the two arrays of packed-layout.ts that the hot loop reads. */
import { BUILD_PERIODS } from '../build-period.ts';
import * as L from './packed-layout.ts';
import type { ScoreTables } from './score-tables.ts';

export interface PackedTables {
  F: Float64Array;
  B: Uint8Array;
}

export function packTables(T: Omit<ScoreTables, 'packed'>): PackedTables {
  const F = new Float64Array(L.F_SIZE);
  const B = new Uint8Array(L.B_SIZE);
  F.set(T.uWall, L.F_UW);
  F.set(T.uRoof, L.F_UR);
  F.set(T.uFloor, L.F_UF);
  F.set(T.uGlazing, L.F_UG);
  F.set(T.ventilationPerArea, L.F_VENT);
  if (T.hotWaterM3.length !== 8 * 2 * BUILD_PERIODS.length) throw new Error('hot-water table size');
  F.set(T.hotWaterM3, L.F_DHW);
  F.set(T.costPerM2, L.F_COST);
  for (let l = 0; l < 256; l++) {
    const o = L.F_LAB + l * L.LABEL_REC;
    F[o] = T.ep2Lower[l]!;
    F[o + 1] = T.ep2Upper[l]!;
    F[o + 2] = T.hybridHeatShare[l] ?? 0;
    F[o + 3] = T.labelGap[l] ?? 0;
    F[o + 4] = T.poorQuality[l] ?? 0;
    F[o + 5] = T.preboundIntercept[l] ?? 0;
    F[o + 6] = T.preboundSlope[l] ?? 0;
  }
  F.set(T.swExposure, L.F_SW);
  F.set(T.positionShare, L.F_POS);
  F[L.F_PITCH] = T.pitchedRoofFactor;
  F[L.F_PITCH + 1] = 1;
  for (let t = 0; t < 8; t++) {
    const o = L.F_TYPE + t * L.TYPE_REC;
    F[o] = T.groundBound[t]!;
    F[o + 1] = T.doorM2[t]!;
    F[o + 2] = T.k[t]!;
    for (let f = 1; f <= 3; f++) F[o + 2 + f] = T.facadePerSqrtArea[t * 4 + f]!;
    F[o + 6] = T.ep2ScaleByType[t]!;
  }
  const mask = (reasons: Uint8Array, at: number) =>
    reasons.forEach((r, k) => {
      F[at + k] = T.applies[r]!;
    });
  mask(T.reasonWall, L.F_AWALL);
  mask(T.reasonRoof, L.F_AROOF);
  mask(T.reasonFloor, L.F_AFLOOR);
  mask(T.reasonGlazing, L.F_AGLAZ);
  mask(T.reasonHybrid, L.F_AHYB);
  T.levelZero.forEach((z, l) => {
    F[L.F_LEVEL0 + l] = z;
  });

  for (let y = 0; y < L.YEARS; y++) {
    const o = L.B_YEAR + y * L.YEAR_REC;
    if (T.periodOfYear[y]! > 15 || T.yearClass[y]! > 7) throw new Error('year record does not fit a byte');
    B[o] = T.periodOfYear[y]! | (T.yearClass[y]! << 4) | (T.cavityRiskYear[y]! << 7);
    let mins = 0;
    for (let e = 0; e < 4; e++) {
      if (T.minLevel[y * 4 + e]! > 3) throw new Error('minimum level above N3 does not fit 2 bits');
      mins |= T.minLevel[y * 4 + e]! << (2 * e);
    }
    B[o + 1] = mins;
  }
  T.floorsOf.forEach((f, k) => {
    B[L.B_FLOORS + k] = f | (T.groundBound[k >> 8]! << 2);
  });
  B.set(T.roofPosition, L.B_ROOFPOS);
  B.set(T.floorPosition, L.B_FLOORPOS);
  B.set(T.project, L.B_PROJECT);
  B.set(T.route, L.B_ROUTE);
  B.set(T.ep2Class, L.B_CLASS);
  B.set(T.reasonWall, L.B_RWALL);
  B.set(T.reasonRoof, L.B_RROOF);
  B.set(T.reasonFloor, L.B_RFLOOR);
  B.set(T.reasonGlazing, L.B_RGLAZ);
  B.set(T.reasonHybrid, L.B_RHYB);
  return { F, B };
}
