/**
 * One measured run in a fresh process, so peak memory (maxRSS) belongs to that run alone.
 * `node --import tsx import-bench-child.ts <mode> <file> [dataset]` prints { ms, rows, accepted?, maxRssKb }.
 * Modes: import-bag / import-eponline (the importer), read-bag / read-csv (baselines: the same file read bare).
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { runImport } from './run-import.ts';

const [mode, file, dataset] = process.argv.slice(2) as [string, string, string | undefined];
const t0 = performance.now();
let rows = 0;
let accepted: number | undefined;
if (mode === 'import-bag' || mode === 'import-eponline') {
  const r = await runImport({
    kind: mode === 'import-bag' ? 'bag' : 'eponline',
    file,
    datasetFile: dataset!,
    reportFile: `${dataset}.rejected.csv`,
  });
  rows = r.summary.read;
  accepted = r.summary.accepted;
} else if (mode === 'read-bag') {
  const db = new Database(file, { readonly: true });
  for (const row of db.prepare('SELECT * FROM verblijfsobject').raw().iterate()) if (row) rows++;
  db.close();
} else if (mode === 'read-csv') {
  for await (const rec of createReadStream(file).pipe(
    parse({ delimiter: ';', from_line: 3, relax_column_count: true }),
  ))
    if (rec) rows++;
} else throw new Error(`unknown mode ${mode}`);
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, rows, accepted, maxRssKb: process.resourceUsage().maxRSS })}\n`);
