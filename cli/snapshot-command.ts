import { parseArgs } from 'node:util';
import { IsoDate } from '../engine/dwelling.ts';
import { snapshotDatasetFile } from '../geodata/snapshots/keep-snapshot.ts';
import { todayInNl } from '../server/today.ts';
import { UsageError } from './usage-error.ts';

export const SNAPSHOT_USAGE =
  'voorraad snapshot [--date YYYY-MM-DD] [--dataset file.gpkg]              keep a dated copy of the indicators per buurt';

/**
 * `voorraad snapshot`: keeps today's (or `--date`'s) counts per buurt — dwellings, labels E–G, tenure, type — in the
 * dataset file, beside the snapshots every import keeps. One manual snapshot per date; no personal data.
 */
export async function snapshotCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { date: { type: 'string' }, dataset: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const date = values.date ?? todayInNl();
  if (!IsoDate.safeParse(date).success || Number.isNaN(Date.parse(date)))
    throw new UsageError(`--date: expected a date YYYY-MM-DD, found "${date}"`);
  let file = values.dataset;
  if (file === undefined) {
    const shipped = await import('../geodata/shipped.ts');
    shipped.ensureShippedDataset();
    file = shipped.SHIPPED_DATASET;
  }
  const r = snapshotDatasetFile(file, date);
  process.stdout.write(`momentopname ${r.snapshotId}: ${r.buurten} buurten → ${file}\n`);
  return 0;
}
