import { availableParallelism, loadavg } from 'node:os';
import * as Comlink from 'comlink';
import { toColumns, columnBuffers } from '../engine/dwelling-table.ts';
import { allocKernelStock } from '../engine/retrofit/fast-kernel/kernel-score.ts';
import { generateNationalStock, NATIONAL_BUURTEN } from '../engine/retrofit/fast-kernel/national-stock.ts';
import type { StockBench } from '../engine/retrofit/fast-kernel/stock-bench.ts';
import { retrofitContext } from '../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from '../engine/retrofit/weights.ts';
import { syntheticDataset } from '../geodata/reference/retrofit-synthetic-stock.ts';
import { startNodeEngine, startNodeWorker, type NodeWorker } from '../workers/node-engine.ts';
import { compare, median, type BenchFigure } from './measure.ts';

/** Dwellings in the national-scale benchmark (≈ the Dutch stock). */
export const NATIONAL_DWELLINGS = 8_700_000;

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/**
 * Whole-stock retrofit scoring of a synthetic national stock (generated in memory by national-stock.ts, split
 * into one chunk per core, each generated into a shared kernel memory that its bench worker scores in place) by
 * both paths — the opt-in WebAssembly kernel and the reference scoreRange, which must give the same checksum —
 * each against a baseline in the same workers, interleaved; then re-scoring Kalsdonk+Westrand after a weight
 * change inside the product's engine worker. Call from bench/run.ts: `figures.push(...(await benchScoring()));`
 */
export async function benchScoring(opts: { dwellings?: number; runs?: number } = {}): Promise<BenchFigure[]> {
  const n = opts.dwellings ?? NATIONAL_DWELLINGS;
  const runs = opts.runs ?? 7;
  const workers = Math.max(1, availableParallelism());
  // Bench workers (stock-bench.node-worker.ts): the only place the opt-in WebAssembly kernel runs.
  const engines: NodeWorker<StockBench>[] = Array.from({ length: workers }, () =>
    startNodeWorker<StockBench>(new URL('./stock-bench.node-worker.ts', import.meta.url)),
  );
  const product = startNodeEngine();
  try {
    const tGen = performance.now();
    for (let w = 0; w < workers; w++) {
      const count = Math.floor(n / workers) + (w < n % workers ? 1 : 0);
      // Generated straight into the scoring kernel's shared memory: the worker reads it in place, no copy or transfer.
      const ks = allocKernelStock(count, NATIONAL_BUURTEN);
      generateNationalStock({ seed: 8700 + w, count }, ks.stock);
      await engines[w]!.api.loadStock(ks);
    }
    const generateMs = performance.now() - tGen;
    const inWorker: number[] = [];
    const checksums = { kernel: new Set<number>(), reference: new Set<number>() };
    const score = async () => {
      const r = await Promise.all(engines.map((e) => e.api.scoreKernel()));
      inWorker.push(Math.max(...r.map((x) => x.ms)));
      checksums.kernel.add(r.reduce((a, x) => a + x.checksum, 0));
    };
    const reference = async () => {
      const r = await Promise.all(engines.map((e) => e.api.scoreReference()));
      checksums.reference.add(r.reduce((a, x) => a + x.checksum, 0));
    };
    const bare = () => Promise.all(engines.map((e) => e.api.barePass()));
    const loadBefore = loadavg()[0]!;
    const whole = await compare(
      `retrofit scoring of ${n.toLocaleString('en')} dwellings on ${workers} worker threads, WebAssembly kernel`,
      score,
      'bare pass over the same columns, same workers',
      bare,
      runs,
    );
    const rss = process.resourceUsage().maxRSS * 1024;
    const mem = process.memoryUsage();
    whole.extra = {
      dwellings: n,
      workers,
      dwellingsPerSecond: Math.round(n / (whole.ms / 1000)),
      wallMs: Math.round(whole.ms),
      inWorkerMsMedian: Math.round(median(inWorker)),
      peakRssMb: mb(rss),
      mainHeapUsedMb: mb(mem.heapUsed),
      generateAndLoadMs: Math.round(generateMs),
      stock: 'synthetic national mix (national-stock.ts), seeded',
      // 1-minute load average before and after the timed runs: other users of the 2 cores slow both cases.
      loadAverage: `${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
    };
    // The reference path on the same stock, against the kernel: the fast path's speed-up, and proof at full scale
    // that both write the same priorities (kernel-score.test.ts checks every field on generated samples).
    const both = await compare(
      `reference scoreRange (JavaScript) over the same ${n.toLocaleString('en')} dwellings`,
      reference,
      'WebAssembly kernel (opt-in fast path), same workers',
      score,
      runs,
    );
    const agree = checksums.kernel.size === 1 && [...checksums.reference].every((c) => checksums.kernel.has(c));
    if (!agree)
      throw new Error(
        `national-stock bench: kernel checksums ${[...checksums.kernel]} differ from the reference ${[...checksums.reference]}`,
      );
    both.extra = {
      dwellings: n,
      workers,
      referenceDwellingsPerSecond: Math.round(n / (both.ms / 1000)),
      kernelSpeedUp: Number(both.ratio.toFixed(2)),
      checksumsEqual: 'yes',
    };

    // Re-scoring the shipped Kalsdonk + Westrand stock after a weight change, inside one worker.
    const ds = syntheticDataset();
    const table = toColumns(ds.dwellings);
    const ctx = retrofitContext(ds, table.buurtCodes);
    const e = product;
    await e.api.load(Comlink.transfer(table, columnBuffers(table)));
    const loaded = await e.api.retrofitLoadContext(ctx);
    if (!loaded.ok) throw new Error(loaded.issues[0]!.message);
    const variants: WeightsConfig[] = [0.5, 0.1].map((x) => ({
      ...DEFAULT_WEIGHTS,
      factors: { ...DEFAULT_WEIGHTS.factors, energyPoverty: x },
    }));
    const params = {
      ...DEFAULT_WEIGHTS,
      energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, lowIncomeShareFull: 0.25 },
    };
    let k = 0;
    let last: WeightsConfig = DEFAULT_WEIGHTS;
    const weightMs: number[] = [],
      paramMs: number[] = [];
    const rescore = async () => {
      last = variants[k++ % 2]!;
      const r = await e.api.retrofitRescore(last);
      if (r.ok) weightMs.push(r.value.ms);
    };
    const same = () => e.api.retrofitRescore(last);
    const re = await compare(
      `re-score Kalsdonk+Westrand (${table.count} dwellings) after a weight change, worker round trip`,
      rescore,
      'same call without a change (round trip only)',
      same,
      31,
    );
    const full = async () => {
      last = k++ % 2 ? params : DEFAULT_WEIGHTS;
      const r = await e.api.retrofitRescore(last);
      if (r.ok) paramMs.push(r.value.ms);
    };
    const reFull = await compare(
      're-score after an energy-poverty parameter change (full pass), worker round trip',
      full,
      'same call without a change (round trip only)',
      same,
      31,
    );
    re.extra = { inWorkerMsMedian: Number(median(weightMs).toFixed(3)), dwellings: table.count, targetInWorkerMs: 5 };
    reFull.extra = {
      inWorkerMsMedian: Number(median(paramMs).toFixed(3)),
      dwellings: table.count,
      targetInWorkerMs: 5,
    };
    return [whole, both, re, reFull];
  } finally {
    await Promise.all([...engines, product].map((e) => e.terminate()));
  }
}
