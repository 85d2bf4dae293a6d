import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as Comlink from 'comlink';
import { BuurtCode, DwellingType, Ownership } from '../engine/dwelling.ts';
import type { Dataset } from '../engine/dataset.ts';
import { columnBuffers, toColumns } from '../engine/dwelling-table.ts';
import { scoresAsGeoJson, ranked } from '../engine/retrofit/scores-export.ts';
import { scoresAsCsv } from '../geodata/exports/scores-csv.ts';
import { retrofitContext } from '../engine/retrofit/stock.ts';
import { parseWeightsText, type WeightsConfig } from '../engine/retrofit/weights.ts';
import { readDataset } from '../geodata/dataset-store.ts';
import { startNodeEngine } from '../workers/node-engine.ts';
import { UsageError } from './usage-error.ts';

const FORMATS = ['json', 'csv', 'geojson'] as const;

function list<T extends string>(raw: string | undefined, flag: string, allowed: readonly T[]): T[] | undefined {
  if (raw === undefined) return undefined;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((v) => {
      if (!(allowed as readonly string[]).includes(v))
        throw new UsageError(`--${flag}: "${v}" is not one of ${allowed.join(', ')}`);
      return v as T;
    });
}

/** Reads and validates a weights file; every problem is printed as `code: path: message`. */
export function readWeightsFile(file: string): WeightsConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `weights.file: --weights: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const r = parseWeightsText(text);
  if (!r.ok)
    throw new UsageError(
      `${file} is not a valid weights file:\n${r.issues.map((i) => `  ${i.code}: ${i.message}`).join('\n')}`,
    );
  return r.value;
}

async function loadDataset(file: string | undefined): Promise<Dataset> {
  if (file !== undefined) return readDataset(file);
  // Imported lazily: the shipped-dataset module also pulls in the tile builder, which scoring does not need.
  const { SHIPPED_DATASET, ensureShippedDataset } = await import('../geodata/shipped.ts');
  ensureShippedDataset();
  return readDataset(SHIPPED_DATASET);
}

/**
 * `voorraad score [--buurt X[,Y]] [--eigendom a,b] [--type t] [--weights file] [--format json|csv|geojson] [--dataset P]`:
 * retrofit priority of every dwelling, computed in an engine worker thread, ranked by priority.
 */
export async function scoreCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      buurt: { type: 'string' },
      eigendom: { type: 'string' },
      type: { type: 'string' },
      weights: { type: 'string' },
      format: { type: 'string', default: 'json' },
      dataset: { type: 'string' },
    },
    strict: true,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, found "${values.format}"`);
  const buurt = values.buurt
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const code of buurt ?? [])
    if (!BuurtCode.safeParse(code).success)
      throw new UsageError(`--buurt: "${code}" is not a CBS buurt code such as BU16740202`);
  const ownership = list(values.eigendom, 'eigendom', Ownership.options);
  const type = list(values.type, 'type', DwellingType.options);
  const weights = values.weights === undefined ? undefined : readWeightsFile(values.weights);

  const ds = await loadDataset(values.dataset);
  const table = toColumns(ds.dwellings);
  const unknown = (buurt ?? []).filter((c) => !table.buurtCodes.includes(c));
  if (unknown.length)
    throw new UsageError(
      `--buurt: ${unknown.join(', ')} has no dwellings in the dataset; known: ${table.buurtCodes.join(', ')}`,
    );
  const ctx = retrofitContext(ds, table.buurtCodes);
  const engine = startNodeEngine();
  try {
    await engine.api.load(Comlink.transfer(table, columnBuffers(table)));
    const loaded = await engine.api.retrofitLoadContext(ctx);
    if (!loaded.ok) throw new Error(loaded.issues[0]!.message);
    const r = await engine.api.retrofitScores({
      ...(buurt ? { buurt } : {}),
      ...(ownership ? { ownership } : {}),
      ...(type ? { type } : {}),
      ...(weights ? { weights } : {}),
    });
    if (!r.ok) throw new UsageError(r.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
    const synthetic = ds.meta.synthetic;
    if (format === 'csv') process.stdout.write(scoresAsCsv(r.value.dwellings, synthetic));
    else if (format === 'geojson')
      process.stdout.write(`${JSON.stringify(scoresAsGeoJson(r.value.dwellings, synthetic))}\n`);
    else {
      const { dwellings, ...rest } = r.value;
      const dataset = { name: ds.meta.name, synthetic, dataDate: ds.meta.dataDate };
      process.stdout.write(`${JSON.stringify({ dataset, ...rest, dwellings: ranked(dwellings) }, null, 2)}\n`);
    }
    if (synthetic && format !== 'csv') process.stderr.write('Let op: synthetische gegevens — geen echte woningen.\n');
    return 0;
  } finally {
    await engine.terminate();
  }
}
