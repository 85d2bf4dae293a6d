import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetFileError } from '../dataset-store.ts';
import { writeEpOnlineCsv } from '../../test/fixtures/importers/eponline-csv.ts';
import { importInto, registeredDataset, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { defaultReportFile } from './run-import.ts';

const dir = tempDir('run');

describe('runImport: atomic and explicit about its inputs', async () => {
  const { file: dsFile } = await registeredDataset(dir);

  it('puts the report next to the input by default', () => {
    expect(defaultReportFile('/data/v20251001_v2_csv.csv')).toBe('/data/v20251001_v2_csv.rejected.csv');
  });

  it('leaves the dataset byte-identical and writes no report when the file breaks after many good rows', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      vboId: i % 2 ? '1674010000099999' : '1674010000000001',
      label: 'C',
      registered: '20240101',
    }));
    const f = writeEpOnlineCsv(join(dir, 'broken.csv'), rows);
    appendFileSync(f, '"20240101;kapot\n');
    const before = sha(dsFile);
    await expect(importInto(dsFile, 'eponline', f)).rejects.toMatchObject({ code: 'import.syntax' });
    expect(sha(dsFile)).toBe(before);
    expect(existsSync(join(dir, 'broken.rejected.csv'))).toBe(false);
    expect(existsSync(`${join(dir, 'broken.rejected.csv')}.tmp-${process.pid}`)).toBe(false);
  });

  it('names a missing input file and a missing dataset', async () => {
    await expect(importInto(dsFile, 'eponline', join(dir, 'nope.csv'))).rejects.toMatchObject({
      code: 'import.missing-file',
    });
    const f = writeEpOnlineCsv(join(dir, 'ok.csv'), []);
    await expect(importInto(join(dir, 'none.gpkg'), 'eponline', f)).rejects.toThrow(DatasetFileError);
  });
});
