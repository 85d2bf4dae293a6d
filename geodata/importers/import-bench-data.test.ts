import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBaseDataset } from '../../test/fixtures/importers/base-dataset.ts';
import { importInto, tempDir } from '../../test/fixtures/importers/harness.ts';
import { writeBenchBagLight } from './import-bench-data.ts';

// The benchmark's rows must pass every check but location (its grid covers the focus buurten' bounding box, so the
// corners fall outside), or the bench would time rejections it does not mean to.
describe('writeBenchBagLight', () => {
  it('writes a bag-light GeoPackage the BAG importer reads whole and rejects only outside the buurten', async () => {
    const dir = tempDir('bench-bag');
    const bag = join(dir, 'bench.gpkg');
    writeBenchBagLight(bag, 1200);
    const { summary } = await importInto(writeBaseDataset(join(dir, 'ds.gpkg')), 'bag', bag);
    expect(summary.read).toBe(1200);
    expect(summary.accepted).toBeGreaterThan(0);
    expect(Object.keys(summary.reasons)).toEqual(['scope.outside-buurten']);
  });
});
