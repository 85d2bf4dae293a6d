import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriteError, writeFileAtomic } from './file-write.ts';

// Failures injected mid-write (ENOSPC) are tested in test/faults/write-errors.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'voorraad-file-write-'));

describe('writeFileAtomic', () => {
  it('writes text and bytes, replaces an existing file and leaves no temporary file', () => {
    const file = join(dir, 'a.csv');
    writeFileAtomic(file, '\uFEFFa;b\r\n');
    expect(readFileSync(file, 'utf8')).toBe('\uFEFFa;b\r\n');
    writeFileAtomic(file, Buffer.from([1, 2, 3]));
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    writeFileAtomic(file, '');
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('turns a missing directory or a directory in the way into file.write-failed with the errno', () => {
    let err: unknown;
    try {
      writeFileAtomic(join(dir, 'missing', 'x.csv'), 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileWriteError);
    expect(err).toMatchObject({ code: 'file.write-failed', errno: 'ENOENT', file: join(dir, 'missing', 'x.csv') });
    mkdirSync(join(dir, 'in-the-way'));
    expect(() => writeFileAtomic(join(dir, 'in-the-way'), 'x')).toThrow(
      /in-the-way: could not write \(E[A-Z]+: .*\); the previous file, if any, is unchanged/,
    );
    expect(statSync(join(dir, 'in-the-way')).isDirectory()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});
