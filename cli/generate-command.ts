import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDataset } from '../geodata/dataset-store.ts';
import { SHIPPED_DATASET, generateShipped } from '../geodata/shipped.ts';
import { SHIPPED_SEED } from '../geodata/shipped-seed.ts';
import { parseIntArg } from './usage-error.ts';

/** `voorraad generate [--seed N] [--out P]`: writes the synthetic dataset GeoPackage. */
export async function generateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { seed: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const seed = values.seed === undefined ? SHIPPED_SEED : parseIntArg(values.seed, 'seed');
  const out = values.out ?? SHIPPED_DATASET;
  const ds = generateShipped(seed);
  mkdirSync(dirname(out), { recursive: true });
  writeDataset(out, ds);
  console.log(
    `voorraad: ${ds.dwellings.length} woningen, ${ds.buildings.length} panden, ${ds.vves.length} VvE's (seed ${seed}, synthetisch) → ${out}`,
  );
  return 0;
}
