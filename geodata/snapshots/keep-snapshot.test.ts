import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import { writeEpOnlineCsv } from '../../test/fixtures/importers/eponline-csv.ts';
import { importInto, registeredDataset, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { snapshotDatasetFile } from './keep-snapshot.ts';

const dir = tempDir('snapshot');

const efg = (file: string, id: string): number =>
  (readDataset(file).indicatorSnapshots ?? [])
    .filter((r) => r.snapshotId === id && r.indicator === 'label-efg' && r.category === '')
    .reduce((s, r) => s + r.count, 0);

describe('snapshots kept by imports and by voorraad snapshot', async () => {
  const { file, ds } = await registeredDataset(dir);
  const victim = ds.dwellings.find(
    (d) => d.provenance !== 'synthetic' && !['E', 'F', 'G'].includes(d.energyLabel.label),
  )!;

  it('each import keeps a dated snapshot; importing the same file again changes nothing', async () => {
    const bagIds = [...new Set(readDataset(file).indicatorSnapshots!.map((r) => r.snapshotId))];
    expect(bagIds).toHaveLength(1);
    expect(bagIds[0]).toMatch(/^import-bag-[0-9a-f]{12}$/);
    const csv = writeEpOnlineCsv(join(dir, 'labels.csv'), [
      { vboId: victim.vboId, label: 'G', registered: '20250301' },
    ]);
    await importInto(file, 'eponline', csv);
    const after = sha(file);
    const ids = [...new Set(readDataset(file).indicatorSnapshots!.map((r) => r.snapshotId))];
    expect(ids).toHaveLength(2);
    expect(efg(file, ids[1]!)).toBe(efg(file, ids[0]!) + 1);
    await importInto(file, 'eponline', csv);
    expect(sha(file)).toBe(after);
  });

  it('voorraad snapshot keeps one manual snapshot per day and leaves the records alone', () => {
    const before = readDataset(file, { restricted: true });
    const r = snapshotDatasetFile(file, '2026-12-08');
    expect(r.snapshotId).toBe('handmatig-2026-12-08');
    expect(r.buurten).toBeGreaterThan(0);
    const once = sha(file);
    snapshotDatasetFile(file, '2026-12-08');
    expect(sha(file)).toBe(once);
    const after = readDataset(file, { restricted: true });
    expect(after.dwellings).toEqual(before.dwellings);
    expect(new Set(after.indicatorSnapshots!.map((x) => x.trigger))).toEqual(
      new Set(['import:bag', 'import:eponline', 'handmatig']),
    );
  });
});

describe('voorraad snapshot on the command line', async () => {
  const { captureOutput } = await import('../../test/cli/capture-output.ts');
  const { snapshotCommand } = await import('../../cli/snapshot-command.ts');
  const { UsageError } = await import('../../cli/usage-error.ts');
  // A copy of the first block's dataset: one BAG import per file is enough.
  const file = join(dir, 'cli.gpkg');
  copyFileSync(join(dir, 'registered.gpkg'), file);

  it('keeps a snapshot of the named date and refuses a date that is not one', async () => {
    const ok = await captureOutput(() => snapshotCommand(['--dataset', file, '--date', '2027-03-31']));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('handmatig-2027-03-31');
    expect(readDataset(file).indicatorSnapshots!.some((r) => r.takenOn === '2027-03-31')).toBe(true);
    await expect(snapshotCommand(['--dataset', file, '--date', '31-03-2027'])).rejects.toThrow(UsageError);
  });
});
