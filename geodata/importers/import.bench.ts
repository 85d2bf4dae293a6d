import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, type BenchFigure } from '../../bench/measure.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';
import { writeDataset } from '../dataset-store.ts';
import { generateSyntheticDataset } from '../synthetic/generate.ts';
import { SHIPPED_DATA_DATE, SHIPPED_SEED } from '../shipped-seed.ts';
import { writeBenchBagLight, writeBenchEpOnline } from './import-bench-data.ts';

const ROWS = 100_000;
const CHILD = fileURLToPath(new URL('./import-bench-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface ChildResult {
  ms: number;
  rows: number;
  accepted?: number;
  maxRssKb: number;
}

function child(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CHILD, ...args],
      { cwd: ROOT, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult);
      },
    );
  });
}

/**
 * Runs the import and its baseline alternately (A B A B …), each in a fresh process so that maxRSS is its own;
 * the importer starts every run from a fresh copy of the same dataset.
 */
async function measure(
  name: string,
  importArgs: (run: number) => string[],
  baselineName: string,
  baselineArgs: string[],
  runs: number,
  extra: Record<string, number | string>,
): Promise<BenchFigure> {
  const a: ChildResult[] = [];
  const b: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await child(importArgs(i)));
    b.push(await child(baselineArgs));
  }
  const ms = median(a.map((r) => r.ms));
  const baselineMs = median(b.map((r) => r.ms));
  const rows = a[0]!.rows;
  return {
    name,
    ms,
    baselineName,
    baselineMs,
    ratio: ms / baselineMs,
    runs,
    extra: {
      ...extra,
      rowsRead: rows,
      accepted: a[0]!.accepted ?? 0,
      rowsPerSec: Math.round(rows / (ms / 1000)),
      baselineRowsPerSec: Math.round(b[0]!.rows / (baselineMs / 1000)),
      peakRssMb: Math.round(median(a.map((r) => r.maxRssKb)) / 1024),
      baselinePeakRssMb: Math.round(median(b.map((r) => r.maxRssKb)) / 1024),
    },
  };
}

/**
 * `npm run bench` import figures: a 100,000-row bag-light-shaped GeoPackage and a 100,000-row EP-Online CSV,
 * imported in child processes (rows/s and peak RSS), against a bare read of the same file in the same run.
 */
export async function benchImports(runs = 3): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'voorraad-import-bench-'));
  try {
    const base = join(dir, 'synthetic.gpkg');
    writeDataset(
      base,
      generateSyntheticDataset({ seed: SHIPPED_SEED, buurten: loadShippedBuurten(), dataDate: SHIPPED_DATA_DATE }),
    );
    const bag = join(dir, 'bag-light.gpkg');
    writeBenchBagLight(bag, ROWS);
    const ep = join(dir, 'ep-online.csv');
    writeBenchEpOnline(ep, ROWS);
    const fresh = (from: string, run: number) => {
      const f = join(dir, `run-${run}-${Math.random().toString(36).slice(2)}.gpkg`);
      copyFileSync(from, f);
      return f;
    };
    const mb = (f: string) => Math.round(statSync(f).size / 1e5) / 10;
    const bagFigure = await measure(
      `import bag: ${ROWS.toLocaleString('en')}-row bag-light GeoPackage (child process)`,
      (i) => ['import-bag', bag, fresh(base, i)],
      'bare read of verblijfsobject (better-sqlite3 iterate, no decoding)',
      ['read-bag', bag],
      runs,
      { fileMb: mb(bag) },
    );
    const labelled = join(dir, 'with-bag.gpkg');
    copyFileSync(base, labelled);
    await child(['import-bag', bag, labelled]);
    const epFigure = await measure(
      `import eponline: ${ROWS.toLocaleString('en')}-row EP-Online CSV (child process)`,
      (i) => ['import-eponline', ep, fresh(labelled, i)],
      'bare csv-parse of the same file (no validation)',
      ['read-csv', ep],
      runs,
      { fileMb: mb(ep) },
    );
    return [bagFigure, epFigure];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
