import { describe, expect, it } from 'vitest';
import { toColumns } from '../dwelling-table.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { AZIMUTH_UNKNOWN } from './ecology.ts';
import { contextFromJson, contextToJson, retrofitContext, stockBuffers, stockOf } from './stock.ts';

describe('retrofit stock', () => {
  const ds = smallDataset();
  const t = toColumns(ds.dwellings);
  it('aligns building storeys, roof and façade per dwelling, and the buurt low-income share per buurt code', () => {
    const ctx = retrofitContext(ds, t.buurtCodes);
    expect([...ctx.storeys]).toEqual([2, 2, 2, 2, 2, 2]);
    expect([...ctx.facadeAzimuthDeg]).toEqual([180, 180, 180, 180, 180, 180]);
    expect(Number.isNaN(ctx.buurtLowIncomeShare[0])).toBe(true); // BU16740202: null in the fixture
    expect(ctx.buurtLowIncomeShare[1]).toBeCloseTo(0.2, 6);
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
    expect(json.buurtLowIncomeShare[0]).toBeNull();
    const back = contextFromJson(json);
    expect(back.storeys).toEqual(ctx.storeys);
    expect(Number.isNaN(back.buurtLowIncomeShare[0])).toBe(true);
    expect(() => contextFromJson({ ...json, flatRoof: [2, 0, 0, 0, 0, 0] })).toThrow(
      /"flatRoof" must be 6 integers 0–1/,
    );
    expect(() => contextFromJson({ ...json, count: -1 })).toThrow(/count/);
  });
});
