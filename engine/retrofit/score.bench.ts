import { availableParallelism, loadavg } from 'node:os';
import * as Comlink from 'comlink';
import { compare, median, type BenchFigure } from '../../bench/measure.ts';
import { toColumns, columnBuffers } from '../dwelling-table.ts';
import { syntheticDataset } from '../../geodata/reference/retrofit-synthetic-stock.ts';
import { startNodeEngine, type NodeEngine } from '../../workers/node-engine.ts';
import { allocKernelStock } from './kernel-score.ts';
import { generateNationalStock, NATIONAL_BUURTEN } from './national-stock.ts';
import { retrofitContext } from './stock.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from './weights.ts';

/** Dwellings in the national-scale benchmark (≈ the Dutch stock). */
export const NATIONAL_DWELLINGS = 8_700_000;

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/**
 * Whole-stock retrofit scoring of a synthetic national stock (generated in memory by national-stock.ts, split
 * into one chunk per core, each generated into a shared kernel memory that its engine worker scores in place), against a bare pass over the same columns
 * in the same workers, interleaved; then re-scoring Kalsdonk+Westrand after a weight change inside a worker.
 * Call from bench/run.ts: `figures.push(...(await benchScoring()));`
 */
export async function benchScoring(opts: { dwellings?: number; runs?: number } = {}): Promise<BenchFigure[]> {
  const n = opts.dwellings ?? NATIONAL_DWELLINGS;
  const runs = opts.runs ?? 7;
  const workers = Math.max(1, availableParallelism());
  const engines: NodeEngine[] = Array.from({ length: workers }, () => startNodeEngine());
  try {
    const tGen = performance.now();
    for (let w = 0; w < workers; w++) {
      const count = Math.floor(n / workers) + (w < n % workers ? 1 : 0);
      // Generated straight into the scoring kernel's shared memory: the worker reads it in place, no copy or transfer.
      const ks = allocKernelStock(count, NATIONAL_BUURTEN);
      generateNationalStock({ seed: 8700 + w, count }, ks.stock);
      await engines[w]!.api.retrofitLoadStock(ks);
    }
    const generateMs = performance.now() - tGen;
    const inWorker: number[] = [];
    const score = async () => {
      const r = await Promise.all(engines.map((e) => e.api.retrofitScoreStock()));
      inWorker.push(Math.max(...r.map((x) => x.ms)));
    };
    const bare = () => Promise.all(engines.map((e) => e.api.retrofitBarePass()));
    const loadBefore = loadavg()[0]!;
    const whole = await compare(`retrofit scoring of ${n.toLocaleString('en')} dwellings on ${workers} worker threads`, score, 'bare pass over the same columns, same workers', bare, runs);
    const rss = process.resourceUsage().maxRSS * 1024;
    const mem = process.memoryUsage();
    whole.extra = {
      dwellings: n, workers, dwellingsPerSecond: Math.round(n / (whole.ms / 1000)), wallMs: Math.round(whole.ms),
      inWorkerMsMedian: Math.round(median(inWorker)), peakRssMb: mb(rss), mainHeapUsedMb: mb(mem.heapUsed),
      generateAndLoadMs: Math.round(generateMs), stock: 'synthetic national mix (national-stock.ts), seeded',
      // 1-minute load average before and after the timed runs: other users of the 2 cores slow both cases.
      loadAverage: `${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
    };

    // Re-scoring the shipped Kalsdonk + Westrand stock after a weight change, inside one worker.
    const ds = syntheticDataset();
    const table = toColumns(ds.dwellings);
    const ctx = retrofitContext(ds, table.buurtCodes);
    const e = engines[0]!;
    await e.api.load(Comlink.transfer(table, columnBuffers(table)));
    const loaded = await e.api.retrofitLoadContext(ctx);
    if (!loaded.ok) throw new Error(loaded.issues[0]!.message);
    const variants: WeightsConfig[] = [0.5, 0.1].map((x) => ({ ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, energyPoverty: x } }));
    const params = { ...DEFAULT_WEIGHTS, energyPoverty: { ...DEFAULT_WEIGHTS.energyPoverty, lowIncomeShareFull: 0.25 } };
    let k = 0;
    let last: WeightsConfig = DEFAULT_WEIGHTS;
    const weightMs: number[] = [], paramMs: number[] = [];
    const rescore = async () => {
      last = variants[k++ % 2]!;
      const r = await e.api.retrofitRescore(last);
      if (r.ok) weightMs.push(r.value.ms);
    };
    const same = () => e.api.retrofitRescore(last);
    const re = await compare(`re-score Kalsdonk+Westrand (${table.count} dwellings) after a weight change, worker round trip`, rescore, 'same call without a change (round trip only)', same, 31);
    const full = async () => {
      last = k++ % 2 ? params : DEFAULT_WEIGHTS;
      const r = await e.api.retrofitRescore(last);
      if (r.ok) paramMs.push(r.value.ms);
    };
    const reFull = await compare('re-score after an energy-poverty parameter change (full pass), worker round trip', full, 'same call without a change (round trip only)', same, 31);
    re.extra = { inWorkerMsMedian: Number(median(weightMs).toFixed(3)), dwellings: table.count, targetInWorkerMs: 5 };
    reFull.extra = { inWorkerMsMedian: Number(median(paramMs).toFixed(3)), dwellings: table.count, targetInWorkerMs: 5 };
    return [whole, re, reFull];
  } finally {
    await Promise.all(engines.map((e) => e.terminate()));
  }
}
