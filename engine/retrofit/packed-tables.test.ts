import { describe, expect, it } from 'vitest';
import * as L from './packed-layout.ts';
import { DEFAULT_PARAMS } from './params.ts';
import { buildScoreTables } from './score-tables.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

describe('packed tables', () => {
  const T = buildScoreTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, ['BU16740202'], Float32Array.of(0.2));
  const { F, B } = T.packed;
  it('lay the readable tables out at the fixed offsets', () => {
    expect(F.length).toBe(L.F_SIZE);
    expect(B.length).toBe(L.B_SIZE);
    expect([...F.subarray(L.F_UW, L.F_UW + 5)]).toEqual([...T.uWall]);
    expect(F[L.F_TYPE + 3 * L.TYPE_REC + 2]).toBe(T.k[3]);
    expect(B[L.B_YEAR + 1995 * L.YEAR_REC]! & 15).toBe(T.periodOfYear[1995]);
    expect((B[L.B_YEAR + 1995 * L.YEAR_REC]! >> 4) & 7).toBe(T.yearClass[1995]);
    expect(B[L.B_YEAR + 1965 * L.YEAR_REC]! >> 7).toBe(1);
    expect(B[L.B_YEAR + 2013 * L.YEAR_REC + 1]! & 3).toBe(T.minLevel[2013 * 4]);
    expect((B[L.B_YEAR + 2013 * L.YEAR_REC + 1]! >> 6) & 3).toBe(T.minLevel[2013 * 4 + 3]);
    expect(B[L.B_FLOORS + 1 * 256 + 2]).toBe(2 | 4);
    expect([...B.subarray(L.B_CLASS, L.B_CLASS + 382)]).toEqual([...T.ep2Class]);
    expect(F[L.F_LAB + 255 * L.LABEL_REC]).toBe(-1e9);
  });
  it('offsets increase and do not overlap', () => {
    const f = [
      L.F_UW,
      L.F_UR,
      L.F_UF,
      L.F_UG,
      L.F_VENT,
      L.F_DHW,
      L.F_COST,
      L.F_LAB,
      L.F_SW,
      L.F_POS,
      L.F_PITCH,
      L.F_TYPE,
      L.F_AWALL,
      L.F_AROOF,
      L.F_AFLOOR,
      L.F_AGLAZ,
      L.F_AHYB,
      L.F_LEVEL0,
      L.F_SIZE,
    ];
    const b = [
      L.B_YEAR,
      L.B_FLOORS,
      L.B_ROOFPOS,
      L.B_FLOORPOS,
      L.B_PROJECT,
      L.B_ROUTE,
      L.B_CLASS,
      L.B_RWALL,
      L.B_RROOF,
      L.B_RFLOOR,
      L.B_RGLAZ,
      L.B_RHYB,
      L.B_SIZE,
    ];
    for (const xs of [f, b]) for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
  });
});
