import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../params.ts';
import { allocScores, scoreRange } from '../score-table.ts';
import { buildScoreTables } from '../score-tables.ts';
import { DEFAULT_WEIGHTS } from '../weights.ts';
import { allocKernelStock } from './kernel-score.ts';
import { generateNationalStock, NATIONAL_BUURTEN } from './national-stock.ts';
import { createStockBench } from './stock-bench.ts';

function bench() {
  let clock = 0;
  return createStockBench({ now: () => (clock += 1) });
}

describe("national-stock benchmark state (the bench worker's)", () => {
  it('refuses to run before a stock is loaded', () => {
    const b = bench();
    expect(() => b.scoreKernel()).toThrow(/no benchmark stock/);
    expect(() => b.scoreReference()).toThrow(/no benchmark stock/);
    expect(() => b.barePass()).toThrow(/no benchmark stock/);
  });

  it('scores with the kernel, the reference and the bare pass; repeated runs agree', () => {
    const b = bench();
    expect(b.loadStock(generateNationalStock({ seed: 1, count: 5000 }))).toEqual({ count: 5000 });
    const a = b.scoreKernel(),
      again = b.scoreKernel(),
      ref = b.scoreReference(),
      bare = b.barePass();
    expect(a).toEqual({ count: 5000, ms: 1, checksum: again.checksum });
    expect(ref.checksum).toBe(a.checksum);
    expect(bare.checksum).toBeGreaterThan(0);
    expect(bare.checksum).not.toBe(a.checksum);
  });

  it("gives scoreRange's priorities from plain columns and from a shared kernel stock", () => {
    const stock = generateNationalStock({ seed: 3, count: 4000 });
    const ref = allocScores(stock.count, { measures: false });
    scoreRange(
      stock,
      buildScoreTables(
        DEFAULT_PARAMS,
        DEFAULT_WEIGHTS,
        new Array<string>(NATIONAL_BUURTEN).fill(''),
        stock.buurtLowIncomeShare,
      ),
      ref,
      0,
      stock.count,
    );
    let expected = 0;
    for (let i = 0; i < stock.count; i += 997) expected += ref.priority[i]!;
    const b = bench();
    b.loadStock(stock);
    expect(b.scoreKernel().checksum).toBe(expected);
    const ks = allocKernelStock(4000, NATIONAL_BUURTEN);
    generateNationalStock({ seed: 3, count: 4000 }, ks.stock);
    b.loadStock(ks);
    expect(b.scoreKernel().checksum).toBe(expected);
    expect(b.scoreReference().checksum).toBe(expected);
  });
});
