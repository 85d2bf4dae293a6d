import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { securityDataset } from '../engine/test-fixtures/security-dataset.ts';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { writeDataset } from './dataset-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (f: string) => statSync(f).mode & 0o777;

/** Issue finding "every import rewrites the dataset GeoPackage as 0644": the restricted signals became world-readable. */
describe('dataset file permissions', () => {
  it('writes a dataset with the restricted signals table 0600', () => {
    const f = join(dir, 'met-signalen.gpkg');
    writeDataset(f, securityDataset());
    expect(mode(f)).toBe(0o600);
  });

  it("keeps the operator's mode across a rewrite (import)", () => {
    const f = join(dir, 'beheerd.gpkg');
    writeDataset(f, smallDataset());
    chmodSync(f, 0o640);
    writeDataset(f, smallDataset());
    expect(mode(f)).toBe(0o640);
    const r = join(dir, 'beperkt.gpkg');
    writeDataset(r, securityDataset());
    chmodSync(r, 0o600);
    writeDataset(r, securityDataset());
    expect(mode(r)).toBe(0o600);
  });
});
