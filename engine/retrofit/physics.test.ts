import { describe, expect, it } from 'vitest';
import { TNO_MEASURES } from '../hestia/tno-measures.ts';
import { TNO_PARTS } from '../hestia/tno-types.ts';
import { GAS_HHV_KWH_PER_M3, GAS_LHV_KWH_PER_M3, uValues } from './physics.ts';

describe('U-values per TNO level', () => {
  it("reproduce the table's R_RV (transmission-loss reduction vs N0) for every part and level", () => {
    for (const part of TNO_PARTS) {
      const u = uValues(part);
      TNO_MEASURES[part].forEach((level, l) => {
        expect(100 * (1 - u[l]! / u[0]!), `${part} N${l}`).toBeCloseTo(level.reductionPct, 0);
      });
    }
  });
  it('match domain.md §5: cavity Rc 0.36 → U ≈ 1.9, HR++ U 1.2, single glazing 5.8', () => {
    expect(uValues('MS')[0]).toBeCloseTo(1.887, 2);
    expect(uValues('RB')[3]).toBe(1.2);
    expect(uValues('RB')[0]).toBe(5.8);
  });
  it('gas heating values: 8.79 kWh/m³ lower, 9.77 upper', () => {
    expect(GAS_LHV_KWH_PER_M3).toBeCloseTo(8.792, 3);
    expect(GAS_HHV_KWH_PER_M3).toBeCloseTo(9.769, 3);
  });
});
