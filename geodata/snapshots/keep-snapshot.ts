import type { Dataset } from '../../engine/dataset.ts';
import { addSnapshot, takeIndicatorSnapshot, type SnapshotOptions } from '../../engine/progress/indicator-snapshot.ts';
import { readDataset, writeDataset } from '../dataset-store.ts';

/** Adds the dataset's current indicators to its stored snapshots (in memory; the caller writes the dataset). */
export function keepSnapshot(ds: Dataset, o: SnapshotOptions): void {
  ds.indicatorSnapshots = addSnapshot(ds.indicatorSnapshots ?? [], takeIndicatorSnapshot(ds, o));
}

/**
 * `voorraad snapshot`: keeps a manual snapshot in the dataset file, one per day (a second one that day replaces
 * the first). The file is rewritten the way an import rewrites it (temporary file + rename), RESTRICTED tables
 * included, so nothing else in it changes.
 */
export function snapshotDatasetFile(file: string, takenOn: string): { snapshotId: string; buurten: number } {
  const ds = readDataset(file, { restricted: true });
  const snapshotId = `handmatig-${takenOn}`;
  keepSnapshot(ds, { snapshotId, takenOn, trigger: 'handmatig' });
  writeDataset(file, ds);
  const buurten = new Set(ds.indicatorSnapshots!.filter((r) => r.snapshotId === snapshotId).map((r) => r.buurtcode));
  return { snapshotId, buurten: buurten.size };
}
