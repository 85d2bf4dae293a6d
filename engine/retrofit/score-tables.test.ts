import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../dwelling.ts';
import { DEFAULT_PARAMS } from './params.ts';
import { buildScoreTables } from './score-tables.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

describe('score tables', () => {
  const w = {
    ...DEFAULT_WEIGHTS,
    energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, lowIncomeShareByBuurt: { BU16740300: 0.3 } },
  };
  const T = buildScoreTables(
    DEFAULT_PARAMS,
    w,
    ['BU16740202', 'BU16740300', 'BU16740301'],
    Float32Array.of(0.15, 0.1, NaN),
  );
  it("resolve each buurt's low-income share: CBS, override, default", () => {
    expect([...T.buurtShare].map((x) => Math.round(x * 100) / 100)).toEqual([0.15, 0.3, 0.08]);
    expect([...T.buurtShareSource]).toEqual([1, 0, 2]);
  });
  it('map the hybrid heat share per label from Hestia P_vol (A 0.65 … F 0.43, G 0.42)', () => {
    expect(T.hybridHeatShare[ENERGY_LABELS.indexOf('A+')]).toBe(0.65);
    expect(T.hybridHeatShare[ENERGY_LABELS.indexOf('D')]).toBe(0.52);
    expect(T.hybridHeatShare[ENERGY_LABELS.indexOf('G')]).toBe(0.42);
  });
  it('label gap is 0 for A and better, 1 for G', () => {
    expect(T.labelGap[ENERGY_LABELS.indexOf('A++')]).toBe(0);
    expect(T.labelGap[ENERGY_LABELS.indexOf('G')]).toBe(1);
  });
  it('the hybrid heat pump uses η × LHV / SPF kWh per m³ gas it replaces (≈ 2.15)', () => {
    expect(T.hybridKwhPerM3).toBeCloseTo((1.04 * 31.65) / 3.6 / 4.25, 6);
  });
});
