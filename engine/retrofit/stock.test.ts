import { describe, expect, it } from 'vitest';
import { toColumns } from '../dwelling-table.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { DEFAULT_BUURT_PARAMETERS } from '../buurt-parameters/buurt-parameters-config.ts';
import { LOW_INCOME_SOURCES } from '../buurt-parameters/resolve.ts';
import { AZIMUTH_UNKNOWN } from './ecology.ts';
import { contextFromJson, contextToJson, retrofitContext, stockBuffers, stockOf } from './stock.ts';

describe('retrofit stock', () => {
  const ds = smallDataset();
  const t = toColumns(ds.dwellings);
  it('aligns building storeys, roof and façade per dwelling, and the buurt low-income share per buurt code', () => {
    const ctx = retrofitContext(ds, t.buurtCodes);
    expect([...ctx.storeys]).toEqual([2, 2, 2, 2, 2, 2]);
    expect([...ctx.facadeAzimuthDeg]).toEqual([180, 180, 180, 180, 180, 180]);
    // BU16740202 has no CBS figure in the fixture: the buurt parameters' row; the second buurt's CBS figure wins.
    expect(ctx.buurtLowIncomeShare[0]).toBeCloseTo(DEFAULT_BUURT_PARAMETERS.buurten.BU16740202!.incomeShares.laag, 6);
    expect(ctx.buurtLowIncomeShare[1]).toBeCloseTo(0.2, 6);
    expect([...ctx.buurtShareSource].map((k) => LOW_INCOME_SOURCES[k])).toEqual(['config', 'cbs']);
    expect([...ctx.buurtQuoteIncomeEur]).toEqual([18_000, 18_000]);
  });
  it('marks a dwelling without a building record as unknown storeys and façade', () => {
    const ctx = retrofitContext({ ...ds, buildings: ds.buildings.slice(1) }, t.buurtCodes);
    expect(ctx.storeys[0]).toBe(0);
    expect(ctx.facadeAzimuthDeg[0]).toBe(AZIMUTH_UNKNOWN);
  });
  it('joins table and context without copying, and refuses a mismatch', () => {
    const ctx = retrofitContext(ds, t.buurtCodes);
    const s = stockOf(t, ctx);
    expect(s.type).toBe(t.type);
    expect(s.storeys).toBe(ctx.storeys);
    expect(stockBuffers(s).length).toBeGreaterThan(15);
    expect(() => stockOf(t, { ...ctx, count: 2 })).toThrow(/2 dwellings/);
  });

  it('round-trips through JSON for the browser worker, and rejects a malformed column', () => {
    const ctx = retrofitContext(ds, t.buurtCodes);
    const json = JSON.parse(JSON.stringify(contextToJson(ctx)));
    const back = contextFromJson(json);
    expect(back).toEqual(ctx);
    expect(() => contextFromJson({ ...json, buurtShareSource: [0, 9] })).toThrow(/"buurtShareSource" must be 2/);
    expect(() => contextFromJson({ ...json, buurtQuoteIncomeEur: [0, 1] })).toThrow(/"buurtQuoteIncomeEur"/);
    expect(() => contextFromJson({ ...json, flatRoof: [2, 0, 0, 0, 0, 0] })).toThrow(
      /"flatRoof" must be 6 integers 0–1/,
    );
    expect(() => contextFromJson({ ...json, count: -1 })).toThrow(/count/);
  });
});
