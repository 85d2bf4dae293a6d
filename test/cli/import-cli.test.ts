import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedFailure } from '../../cli/exit-codes.ts';
import { importCommand } from '../../cli/import-command.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { writeBagLight } from '../fixtures/importers/bag-light.ts';
import { writeBaseDataset } from '../fixtures/importers/base-dataset.ts';
import { writeEpOnlineCsv } from '../fixtures/importers/eponline-csv.ts';
import { sha, tempDir } from '../fixtures/importers/harness.ts';

const dir = tempDir('import-cli');

/** Runs importCommand with stdout and stderr captured; expected failures map to exit codes as in cli/main.ts. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await importCommand(argv).catch((err: unknown) => {
      const failure = expectedFailure(err);
      if (!failure || err instanceof UsageError) throw err;
      stderr += `voorraad import: ${failure.line}\n`;
      return failure.exit;
    });
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('voorraad import (importCommand)', () => {
  const dataset = writeBaseDataset(join(dir, 'voorraad.gpkg'));
  const bag = writeBagLight(join(dir, 'bag-light.gpkg'));

  it('prints { read, accepted, rejected, reasons } with --format json and names the report on stderr', async () => {
    const r = await run(['bag', bag, '--dataset', dataset, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['read', 'accepted', 'rejected', 'reasons']);
    expect(out).toMatchObject({ read: 52, accepted: 46, rejected: 6 });
    expect(r.stderr).toContain(`rejected rows: ${join(dir, 'bag-light.rejected.csv')}`);
  });

  it('prints a readable summary and says when nothing changed', async () => {
    const before = sha(dataset);
    const r = await run(['bag', bag, '--dataset', dataset, '--report', join(dir, 'r.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read 52 = accepted 46 + rejected 6');
    expect(r.stdout).toMatch(/scope\.not-a-dwelling\s+1 {2}\(geen woning \(geen woonfunctie of geen woningbouw\)\)/);
    expect(r.stdout).toContain(`rejected rows: ${join(dir, 'r.csv')}`);
    expect(r.stdout).toContain('dataset unchanged (this file was imported before); no synthetic records remain');
    expect(sha(dataset)).toBe(before);
  });

  it('exits 1 naming expected and found for a wrong delimiter, and leaves the dataset as it was', async () => {
    const before = sha(dataset);
    const f = writeEpOnlineCsv(
      join(dir, 'komma.csv'),
      [{ vboId: '1674010000000001', label: 'B', registered: '20240301' }],
      'comma',
    );
    const r = await run(['eponline', f, '--dataset', dataset]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^voorraad import: import\.delimiter: .*komma\.csv: expected fields separated by ';', found fields separated by ','/,
    );
    expect(r.stdout).toBe('');
    expect(sha(dataset)).toBe(before);
  });

  it('exits 1 for a missing input file', async () => {
    const r = await run(['cbs', join(dir, 'weg.gpkg'), '--dataset', dataset]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('import.missing-file');
  });

  it.each([
    [
      ['verkoop', 'x.csv'],
      /unknown kind "verkoop"; expected one of bag, eponline, cbs, portfolio, vve, species, signals/,
    ],
    [['bag'], /expected a kind and one file/],
    [['bag', 'a', 'b'], /expected a kind and one file/],
    [['bag', 'x', '--format', 'xml'], /--format: expected one of text, json, found "xml"/],
    [
      ['bag', 'x', '--buurten', 'Kalsdonk'],
      /--buurten: expected CBS buurt codes such as BU16740202,BU16740300, found "Kalsdonk"/,
    ],
    [['bag', 'x', '--data-date', '2025-13-01'], /--data-date: expected a date YYYY-MM-DD, found "2025-13-01"/],
    [['bag', 'x', '--crs', 'EPSG:3857'], /--crs: expected EPSG:28992 or CRS84, found "EPSG:3857"/],
  ])('usage error for %j', async (argv, message) => {
    await expect(importCommand(argv)).rejects.toThrow(UsageError);
    await expect(importCommand(argv)).rejects.toThrow(message);
  });

  it('turns --buurten the dataset lacks into a usage error', async () => {
    const r = await run(['bag', bag, '--dataset', dataset, '--buurten', 'BU99990000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--buurten: expected buurten of the dataset .* found BU99990000/);
  });
});
