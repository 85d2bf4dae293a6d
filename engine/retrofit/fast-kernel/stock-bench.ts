/**
 * The national-scale benchmark's state inside a bench worker (bench/stock-bench.node-worker.ts): one raw stock,
 * scored by the opt-in WebAssembly kernel (kernel-score.ts), by the reference scoreRange (score-table.ts) and by
 * the bare pass (bare-pass.ts), each over the same bytes. Not part of the product's EngineApi: the fast path is
 * opt-in and only the benchmark opts in. Pure: the clock for timings is injected.
 */
import { DEFAULT_PARAMS, type RetrofitParams } from '../params.ts';
import { allocScores, scoreRange, type ScoreColumns } from '../score-table.ts';
import { buildScoreTables, type ScoreTables } from '../score-tables.ts';
import type { RetrofitStock } from '../stock.ts';
import { DEFAULT_WEIGHTS } from '../weights.ts';
import { barePass } from './bare-pass.ts';
import { createScoreKernel, type KernelStock, type ScoreKernel } from './kernel-score.ts';

export interface StockRunSummary {
  count: number;
  /** Milliseconds inside the worker. */
  ms: number;
  /** Sum of every 997th priority (or bare-pass value), so the work cannot be optimised away and paths can be compared. */
  checksum: number;
}

/** Every 997th value summed: cheap, and equal for two paths only if they wrote the same floats there. */
const sampleSum = (xs: Float32Array): number => {
  let sum = 0;
  for (let i = 0; i < xs.length; i += 997) sum += xs[i]!;
  return sum;
};

export function createStockBench(deps: { now: () => number; params?: RetrofitParams }) {
  const params = deps.params ?? DEFAULT_PARAMS;
  let raw: { kernel: ScoreKernel; reference: ScoreColumns | null; bare: Float32Array | null } | null = null;

  const loaded = () => {
    if (!raw) throw new Error('no benchmark stock loaded');
    return raw;
  };
  /** Default parameters and weights; the national stock has no buurt codes. */
  const tablesOf = (s: RetrofitStock): ScoreTables =>
    buildScoreTables(
      params,
      DEFAULT_WEIGHTS,
      new Array<string>(s.buurtLowIncomeShare.length).fill(''),
      s.buurtLowIncomeShare,
    );

  return {
    /**
     * Replaces the stock: a KernelStock (kernel-score.ts allocKernelStock, shared memory) is used in place; plain
     * columns are copied into a kernel memory. The kernel's views serve as the stock of all three paths.
     */
    loadStock(stock: RetrofitStock | KernelStock): { count: number } {
      raw = null;
      raw = { kernel: createScoreKernel(stock), reference: null, bare: null };
      return { count: raw.kernel.stock.count };
    },

    /** The fast path: the WebAssembly kernel, summary mode. */
    scoreKernel(): StockRunSummary {
      const { kernel } = loaded();
      const t0 = deps.now();
      kernel.score(tablesOf(kernel.stock), 0, kernel.stock.count);
      const ms = deps.now() - t0;
      return { count: kernel.stock.count, ms, checksum: sampleSum(kernel.scores.priority) };
    },

    /** The reference path: score-table.ts scoreRange, summary mode, into its own columns. */
    scoreReference(): StockRunSummary {
      const r = loaded();
      const s = r.kernel.stock;
      r.reference ??= allocScores(s.count, { measures: false });
      const t0 = deps.now();
      scoreRange(s, tablesOf(s), r.reference, 0, s.count);
      const ms = deps.now() - t0;
      return { count: s.count, ms, checksum: sampleSum(r.reference.priority) };
    },

    /** The baseline: the bare pass over the same columns. */
    barePass(): StockRunSummary {
      const r = loaded();
      const s = r.kernel.stock;
      r.bare ??= new Float32Array(s.count);
      const t0 = deps.now();
      const checksum = barePass(s, r.bare, 0, s.count);
      return { count: s.count, ms: deps.now() - t0, checksum };
    },
  };
}

export type StockBench = ReturnType<typeof createStockBench>;
