import Database from 'better-sqlite3';
import { toColumns } from '../engine/dwelling-table.ts';
import { compare, type BenchFigure } from '../bench/measure.ts';
import { readDataset } from './dataset-store.ts';

/** Loading the GeoPackage into validated records and the columnar table, against a bare SQLite scan of the same rows. */
export async function benchDatasetLoad(file: string): Promise<BenchFigure> {
  const load = () => toColumns(readDataset(file).dwellings);
  const rawScan = () => {
    const db = new Database(file, { readonly: true });
    try {
      let n = 0;
      for (const _row of db.prepare('SELECT * FROM woningen').iterate()) n++;
      for (const _row of db.prepare('SELECT * FROM panden').iterate()) n++;
      return n;
    } finally {
      db.close();
    }
  };
  const count = load().count;
  return compare(
    'dataset load into columnar table (GeoPackage → validated records → typed arrays)',
    load,
    'bare SQLite scan of woningen + panden',
    rawScan,
    7,
    { dwellings: count },
  );
}
