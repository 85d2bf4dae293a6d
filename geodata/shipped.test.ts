import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { writeDataset } from './dataset-store.ts';
import { ensureShippedDataset, isStaleSyntheticSet } from './shipped.ts';
import { GENERATOR_ID } from './synthetic/generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-shipped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function datasetFile(name: string, generator: string | null, imports = 0): string {
  const ds = smallDataset();
  ds.meta = { ...ds.meta, generator, synthetic: generator !== null };
  ds.imports = Array.from({ length: imports }, () => ({
    kind: 'bag' as const,
    source: 'bag.csv',
    sha256: '0'.repeat(64),
    dataDate: '2026-01-01',
    read: 1,
    accepted: 1,
    rejected: 0,
  }));
  const file = join(dir, name);
  writeDataset(file, ds);
  return file;
}

describe('shipped dataset freshness', () => {
  it('calls an untouched set of an older generator stale', () => {
    expect(isStaleSyntheticSet(datasetFile('old.gpkg', 'voorraad-synthetic@1'))).toBe(true);
  });

  it('keeps the current generator, a set with imports, a registered set and an unreadable file', () => {
    expect(isStaleSyntheticSet(datasetFile('current.gpkg', GENERATOR_ID))).toBe(false);
    expect(isStaleSyntheticSet(datasetFile('imported.gpkg', 'voorraad-synthetic@1', 1))).toBe(false);
    expect(isStaleSyntheticSet(datasetFile('registered.gpkg', null))).toBe(false);
    const junk = join(dir, 'junk.gpkg');
    writeFileSync(junk, 'not a database');
    expect(isStaleSyntheticSet(junk)).toBe(false);
  });

  it('does not regenerate a current file', () => {
    expect(ensureShippedDataset(datasetFile('kept.gpkg', GENERATOR_ID))).toBe(false);
  });
});
