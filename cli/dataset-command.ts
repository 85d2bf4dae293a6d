import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createRegistersDataset } from '../geodata/dataset-new.ts';
import { parseBuurten } from './buurten-arg.ts';
import { UsageError } from './usage-error.ts';

export const DATASET_USAGE =
  'voorraad dataset new --buurten BU16740000,BU16740202 [--out file.gpkg] [--force]   empty dataset for registers';

/** Default file of `dataset new`: beside the shipped one, never over it. */
const DEFAULT_OUT = 'voorraad-registers.gpkg';

/** `voorraad dataset new`: an empty, non-synthetic dataset with the CBS boundaries of the given buurten. */
export async function datasetCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'new') throw new UsageError(`expected "dataset new"\n${DATASET_USAGE}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: { buurten: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\n${DATASET_USAGE}`);
  const codes = parseBuurten(values.buurten);
  if (codes === null) throw new UsageError(`--buurten is required\n${DATASET_USAGE}`);
  const out = values.out ?? DEFAULT_OUT;
  mkdirSync(dirname(out), { recursive: true });
  const ds = createRegistersDataset(out, codes, values.force);
  console.log(
    `voorraad: lege dataset met ${ds.buurten.length} buurten (${ds.buurten.map((b) => b.buurtnaam).join(', ')}) → ${out}; ` +
      `vul hem met voorraad import <bag|eponline|cbs|portfolio|vve|species|signals> <bestand> --dataset ${out}`,
  );
  return 0;
}
