import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { DatasetFileError, readDataset, writeDataset } from '../../geodata/dataset-store.ts';
import { FileWriteError, writeFileAtomic } from '../../geodata/file-write.ts';
import { securityDataset } from '../../engine/test-fixtures/security-dataset.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';

// A failing disk, injected: the next call of one fs function throws an errno error (ENOSPC, EACCES), as a full or
// read-only disk would. Tests run as root in CI containers, where a read-only directory does not stop a write.
const fault = vi.hoisted(() => ({ fn: null as null | 'renameSync' | 'writeSync', code: 'ENOSPC' }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const failing = <K extends 'renameSync' | 'writeSync'>(name: K) =>
    ((...args: unknown[]) => {
      if (fault.fn === name) {
        fault.fn = null;
        throw Object.assign(new Error(`${fault.code}: injected failure, ${name}`), { code: fault.code });
      }
      return (real[name] as (...a: unknown[]) => unknown)(...args);
    }) as (typeof real)[K];
  return {
    ...real,
    default: { ...real, renameSync: failing('renameSync'), writeSync: failing('writeSync') },
    renameSync: failing('renameSync'),
    writeSync: failing('writeSync'),
  };
});

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const tmpFiles = (dir: string) => fs.readdirSync(dir).filter((n) => n.includes('.tmp-'));
const dir = fs.mkdtempSync(join(tmpdir(), 'voorraad-write-errors-'));
afterEach(() => {
  fault.fn = null;
  vi.restoreAllMocks();
});

describe('a failing dataset write', () => {
  it('gives dataset.write-failed naming the file and cause, and leaves the old dataset byte-identical (EACCES on rename)', () => {
    const file = join(dir, 'rename.gpkg');
    writeDataset(file, smallDataset());
    const before = sha(file);
    fault.fn = 'renameSync';
    fault.code = 'EACCES';
    let err: unknown;
    try {
      writeDataset(file, securityDataset());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatasetFileError);
    expect(err).toMatchObject({ code: 'dataset.write-failed', file });
    expect((err as Error).message).toMatch(/EACCES.*previous file, if any, is unchanged/);
    expect(sha(file)).toBe(before);
    expect(tmpFiles(dir).filter((n) => n.startsWith('rename.gpkg'))).toEqual([]);
    expect(readDataset(file).dwellings).toHaveLength(smallDataset().dwellings.length);
  });

  it('leaves a bug in the data as it is (not reported as a disk error)', () => {
    const ds = smallDataset();
    ds.dwellings[0]!.bouwjaar = -5;
    expect(() => writeDataset(join(dir, 'invalid.gpkg'), ds)).toThrow(/dataset\.dwellings\[0\]\.bouwjaar/);
  });

  it('file size limit (EFBIG, a real failing write inside SQLite): dataset.write-failed in a child process, old file intact', () => {
    const file = join(dir, 'full.gpkg');
    writeDataset(file, smallDataset());
    const before = sha(file);
    // ulimit -f caps every file the child writes (16 KiB; the small dataset is larger); SIGXFSZ ignored, so write() fails with EFBIG.
    const script = `import { writeDataset } from './geodata/dataset-store.ts'; import { smallDataset } from './engine/test-fixtures/small-dataset.ts';
      try { writeDataset(process.argv[1], smallDataset()); } catch (e) { process.stderr.write(e.code + ': ' + e.message); process.exitCode = 1; }`;
    const r = spawnSync(
      'bash',
      [
        '-c',
        `trap '' XFSZ; ulimit -f 16; exec "${process.execPath}" --import tsx --input-type=module -e "$0" "$1"`,
        script,
        file,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stderr).toMatch(/^dataset\.write-failed: .*full\.gpkg: could not write the dataset \(SQLITE_(IOERR|FULL)/);
    expect(r.status).toBe(1);
    expect(sha(file)).toBe(before);
    expect(tmpFiles(dir).filter((n) => n.startsWith('full.gpkg'))).toEqual([]);
  });

  it('removes the leftovers of a writer that was killed, but not those of a running one', () => {
    const file = join(dir, 'stale.gpkg');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    fs.writeFileSync(`${file}.tmp-${dead}`, 'half a dataset');
    fs.writeFileSync(`${file}.tmp-${dead}-journal`, 'its journal');
    fs.writeFileSync(`${file}.tmp-${process.ppid}`, 'a live writer');
    writeDataset(file, smallDataset());
    expect(tmpFiles(dir).filter((n) => n.startsWith('stale.gpkg'))).toEqual([`stale.gpkg.tmp-${process.ppid}`]);
  });
});

describe('a failing export write', () => {
  it('writeFileAtomic: ENOSPC mid-write gives file.write-failed and keeps the old export whole', () => {
    const file = join(dir, 'export.csv');
    writeFileAtomic(file, 'oud;bestand\n');
    fault.fn = 'writeSync';
    fault.code = 'ENOSPC';
    expect(() => writeFileAtomic(file, 'nieuw;bestand\n'.repeat(1000))).toThrow(FileWriteError);
    expect(fs.readFileSync(file, 'utf8')).toBe('oud;bestand\n');
    expect(tmpFiles(dir).filter((n) => n.startsWith('export.csv'))).toEqual([]);
    writeFileAtomic(file, 'nieuw\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('nieuw\n');
  });

  it('voorraad export --out on a full disk exits 1 with file.write-failed and keeps the previous export', async () => {
    const dataset = join(dir, 'export-ds.gpkg');
    writeDataset(dataset, securityDataset());
    const out = join(dir, 'verwerving.csv');
    fs.writeFileSync(out, 'vorige export\n');
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
    fault.fn = 'writeSync';
    fault.code = 'ENOSPC';
    const code = await main([
      'export',
      'acquisition',
      '--format',
      'csv',
      '--out',
      out,
      '--dataset',
      dataset,
      '--state-dir',
      join(dir, 'state'),
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/voorraad export: file\.write-failed: .*verwerving\.csv: could not write \(ENOSPC/);
    expect(fs.readFileSync(out, 'utf8')).toBe('vorige export\n');
  });
});
