import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../dwelling.ts';
import { DEFAULT_BUURT_PARAMETERS } from '../buurt-parameters/buurt-parameters-config.ts';
import { LOW_INCOME_SOURCES } from '../buurt-parameters/resolve.ts';
import { DEFAULT_PARAMS } from './params.ts';
import { buildScoreTables } from './score-tables.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

describe('score tables', () => {
  const w = DEFAULT_WEIGHTS;
  const T = buildScoreTables(
    DEFAULT_PARAMS,
    w,
    ['BU16740202', 'BU16740300', 'BU16740301'],
    Float32Array.of(0.15, 0.1, NaN),
    { buurtQuoteIncomeEur: Float32Array.of(16_000, 20_000, 18_000), buurtShareSource: Uint8Array.of(0, 1, 2) },
  );
  it("take each buurt's resolved share and income; a missing share is the buurt parameters' stated fallback", () => {
    const fallback = DEFAULT_BUURT_PARAMETERS.fallback.incomeShares.laag;
    expect([...T.buurtShare]).toEqual([Math.fround(0.15), Math.fround(0.1), Math.fround(fallback)]);
    expect([...T.buurtShareSource].map((k) => LOW_INCOME_SOURCES[k])).toEqual(['cbs', 'config', 'fallback']);
    const t = w.energyPoverty.energyQuoteThreshold;
    expect([...T.buurtQuoteInv]).toEqual([1 / (t * 16_000), 1 / (t * 20_000), 1 / (t * 18_000)].map(Math.fround));
  });
  it("without buurt inputs a given share is the caller's input and the income the band laag", () => {
    const U = buildScoreTables(DEFAULT_PARAMS, w, ['', ''], Float32Array.of(0.3, NaN));
    expect([...U.buurtShareSource].map((k) => LOW_INCOME_SOURCES[k])).toEqual(['input', 'fallback']);
    const laag = DEFAULT_BUURT_PARAMETERS.incomeBands.netEurPerYear.laag;
    expect(U.buurtQuoteInv[0]).toBe(Math.fround(1 / (w.energyPoverty.energyQuoteThreshold * laag)));
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
