import { parseArgs } from 'node:util';
import * as Comlink from 'comlink';
import { parseGroupBy } from '../engine/dwelling-stats.ts';
import { columnBuffers, toColumns } from '../engine/dwelling-table.ts';
import { readDataset } from '../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../geodata/shipped.ts';
import { startNodeEngine } from '../workers/node-engine.ts';
import { statsAsCsv, statsAsTable } from './stats-format.ts';
import { UsageError } from './usage-error.ts';

const FORMATS = ['table', 'json', 'csv'] as const;

/** `voorraad stats [--group-by buurt,ownership] [--format table|json|csv] [--dataset P]`, computed in an engine worker. */
export async function statsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'table' },
      'group-by': { type: 'string', default: 'buurt' },
      dataset: { type: 'string' },
    },
    strict: true,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, found "${values.format}"`);
  const groupBy = parseGroupBy(values['group-by']);
  if (!groupBy.ok) throw new UsageError(`--group-by: ${groupBy.issues[0]!.message}`);
  if (values.dataset === undefined) ensureShippedDataset();
  const ds = readDataset(values.dataset ?? SHIPPED_DATASET);
  const engine = startNodeEngine();
  try {
    const table = toColumns(ds.dwellings);
    await engine.api.load(Comlink.transfer(table, columnBuffers(table)));
    const result = await engine.api.stats(groupBy.value);
    if (!result.ok) throw new UsageError(result.issues.map((i) => i.message).join('; '));
    const s = result.value;
    if (format === 'json')
      process.stdout.write(
        `${JSON.stringify({ dataset: { name: ds.meta.name, synthetic: ds.meta.synthetic, dataDate: ds.meta.dataDate }, ...s }, null, 2)}\n`,
      );
    else if (format === 'csv') process.stdout.write(statsAsCsv(s, ds.meta.synthetic));
    else process.stdout.write(`${statsAsTable(s, ds.meta.synthetic)}\n`);
    return 0;
  } finally {
    await engine.terminate();
  }
}
