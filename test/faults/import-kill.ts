import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../engine/rng.ts';
import { readDataset } from '../../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../../geodata/shipped.ts';
import { writeEpOnlineCsv, type EpRow } from '../fixtures/importers/eponline-csv.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'voorraad.js');

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export interface ImportKillReport {
  kills: number;
  seed: number;
  /** Milliseconds of one import run to completion (child process, including start-up). */
  fullMs: number;
  /** Milliseconds from spawning until the temporary dataset file appeared (the write phase starts). */
  writeStartMs: number;
  /** After the kill the dataset was byte-identical to the file before the import … */
  before: number;
  /** … or to the fully imported result. */
  after: number;
  /** Kills that landed while the temporary file existed (the write phase). */
  duringWrite: number;
  /** Runs that had finished before the kill signal came. */
  finishedFirst: number;
  /** Most `<dataset>.tmp-*` leftovers seen at once (killed writers); removed by the next write. */
  maxLeftovers: number;
  /** Leftovers after the final, unkilled import. */
  leftoversAtEnd: number;
  /** Problems found; empty when every kill left a whole dataset. */
  problems: string[];
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  sawTmp: boolean;
  tmpAtMs: number | null;
  stderr: string;
}

/** Runs `voorraad import eponline` on `dataset`; kills it with SIGKILL at `killAt` (ms after spawn, or when its temp file shows + killAt). */
function runImport(
  dataset: string,
  input: string,
  report: string,
  kill: { afterMs: number; onTmp: boolean } | null,
): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [BIN, 'import', 'eponline', input, '--dataset', dataset, '--report', report, '--format', 'json'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const tmp = `${dataset}.tmp-${child.pid}`;
  let tmpAtMs: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  // Polls for the writer's temporary file: proves a kill landed mid-write, and times the write phase.
  const poll = setInterval(() => {
    if (tmpAtMs === null && existsSync(tmp)) {
      tmpAtMs = performance.now() - t0;
      if (kill?.onTmp) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    }
  }, 2);
  if (kill && !kill.onTmp) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({
        code,
        signal,
        ms: performance.now() - t0,
        sawTmp: tmpAtMs !== null || existsSync(tmp),
        tmpAtMs,
        stderr,
      });
    });
  });
}

const leftovers = (dataset: string): string[] => {
  const dir = join(dataset, '..'),
    base = dataset.slice(dir.length + 1);
  return readdirSync(dir).filter((n) => n.startsWith(`${base}.tmp-`));
};

/** An EP-Online file with new labels for the first `n` dwellings of `source` (joined on the BAG vbo id). */
export function writeLabelImport(file: string, source: string, n: number): string {
  const ds = readDataset(source);
  const labels = ['A', 'B', 'C'];
  const rows: EpRow[] = ds.dwellings
    .slice(0, n)
    .map((d, i) => ({ vboId: d.vboId, label: labels[i % 3]!, registered: '20250601' }));
  return writeEpOnlineCsv(file, rows);
}

/**
 * kill -9 during `voorraad import` on a copy of a dataset (default the shipped one), `kills` times (seeded moments): half at a
 * uniform moment of a whole run, half inside the write phase (after the temporary file appears). After each kill
 * the dataset must open and validate and be byte-identical to the file before the import or to the fully
 * imported one; leftovers of killed writers must not stop the next import, which removes them.
 */
export async function importKillTrials(o: {
  dir: string;
  kills: number;
  seed: number;
  source?: string;
  rows?: number;
  log?: (m: string) => void;
}): Promise<ImportKillReport> {
  const log = o.log ?? (() => {});
  const source = o.source ?? SHIPPED_DATASET;
  if (o.source === undefined) ensureShippedDataset();
  const original = join(o.dir, 'original.gpkg'),
    dataset = join(o.dir, 'voorraad.gpkg');
  const input = writeLabelImport(join(o.dir, 'labels.csv'), source, o.rows ?? 2000);
  const report = join(o.dir, 'labels.rejected.csv');
  copyFileSync(source, original);
  const beforeSha = sha256(original);
  copyFileSync(original, dataset);
  const full = await runImport(dataset, input, report, null);
  if (full.code !== 0) throw new Error(`the unkilled import failed (${full.code}): ${full.stderr}`);
  const afterSha = sha256(dataset);
  if (afterSha === beforeSha)
    throw new Error('the import did not change the dataset: the fault test would prove nothing');
  const writeStartMs = full.tmpAtMs ?? full.ms;
  log(`one import: ${full.ms.toFixed(0)} ms, write phase from ${writeStartMs.toFixed(0)} ms`);

  const rng = createRng(o.seed);
  const r: ImportKillReport = {
    kills: o.kills,
    seed: o.seed,
    fullMs: full.ms,
    writeStartMs,
    before: 0,
    after: 0,
    duringWrite: 0,
    finishedFirst: 0,
    maxLeftovers: 0,
    leftoversAtEnd: 0,
    problems: [],
  };
  let reported = 0;
  for (let i = 0; i < o.kills; i++) {
    copyFileSync(original, dataset);
    const onTmp = i % 2 === 1;
    // The first write-phase kill comes as soon as the temporary file shows, so that even a short run (few kills, a
    // small fixture on a busy machine) proves a kill mid-write; the others at seeded moments of the write phase.
    const afterMs = onTmp
      ? i === 1
        ? 0
        : rng.next() * Math.max(1, full.ms - writeStartMs)
      : rng.next() * full.ms * 1.05;
    const run = await runImport(dataset, input, report, { afterMs, onTmp });
    if (run.signal === 'SIGKILL' && run.sawTmp) r.duringWrite++;
    if (run.signal !== 'SIGKILL') {
      r.finishedFirst++;
      if (run.code !== 0)
        r.problems.push(`kill ${i}: the import exited ${run.code} without being killed: ${run.stderr.trim()}`);
    }
    const sha = sha256(dataset);
    if (sha === beforeSha) r.before++;
    else if (sha === afterSha) r.after++;
    else
      r.problems.push(
        `kill ${i} at ${afterMs.toFixed(0)} ms${onTmp ? ' into the write' : ''}: the dataset matches neither the old nor the imported file`,
      );
    try {
      readDataset(dataset, { restricted: true });
    } catch (err) {
      r.problems.push(`kill ${i}: the dataset no longer opens: ${(err as Error).message}`);
    }
    r.maxLeftovers = Math.max(r.maxLeftovers, leftovers(dataset).length);
    if (r.problems.length > reported) log(`PROBLEM ${r.problems.slice(reported).join('; ')}`);
    reported = r.problems.length;
    log(
      `kill ${i + 1}/${o.kills} at ${afterMs.toFixed(0)} ms${onTmp ? ' after the temp file appeared' : ''}: ${run.signal ?? `exit ${run.code}`}, dataset = ${sha === beforeSha ? 'before' : sha === afterSha ? 'after' : 'OTHER'}`,
    );
  }
  // The leftovers of every killed writer are still there: the next import must succeed and clear them.
  copyFileSync(original, dataset);
  const last = await runImport(dataset, input, report, null);
  if (last.code !== 0) r.problems.push(`the import after the kills failed (${last.code}): ${last.stderr.trim()}`);
  if (sha256(dataset) !== afterSha) r.problems.push('the import after the kills did not give the imported file');
  r.leftoversAtEnd = leftovers(dataset).length;
  if (r.leftoversAtEnd > 0)
    r.problems.push(`temporary files left after a clean import: ${leftovers(dataset).join(', ')}`);
  return r;
}
