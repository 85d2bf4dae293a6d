import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/importers/harness.ts';
import { ImportFormatError } from './import-error.ts';
import { firstInvalidUtf8, sniffText } from './text-sniff.ts';

const dir = tempDir('sniff');
const file = (name: string, content: string | Buffer) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportFormatError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an ImportFormatError');
};

describe('sniffing a delimited text file', () => {
  it('finds the header after the metadata lines and keeps the preamble', () => {
    const t = sniffText(file('ep.csv', 'meta 1\nmeta 2\na;b;c\n1;2;3\n'), { delimiter: ';', preambleLines: 2 });
    expect(t).toEqual({ delimiter: ';', headerLine: 3, header: ['a', 'b', 'c'], preamble: ['meta 1', 'meta 2'] });
  });

  it('detects the delimiter when the format does not fix one, and strips a BOM', () => {
    expect(sniffText(file('c.csv', '\ufeff"x","y"\n1,2\n')).header).toEqual(['x', 'y']);
    expect(sniffText(file('t.csv', 'x\ty\tz\n')).delimiter).toBe('\t');
  });

  it('names the expected and the found delimiter', () => {
    const e = codeOf(() => sniffText(file('comma.csv', 'm\nm\na,b,c\n'), { delimiter: ';', preambleLines: 2 }));
    expect(e.code).toBe('import.delimiter');
    expect(e.message).toMatch(/expected fields separated by ';', found fields separated by ',' on line 3/);
  });

  it('names the encoding: Windows-1252 bytes and UTF-16 are refused', () => {
    const latin = codeOf(() => sniffText(file('latin.csv', Buffer.from('naam;plaats\nCafé;Roosendaal\n', 'latin1'))));
    expect(latin.code).toBe('import.encoding');
    expect(latin.message).toMatch(/expected UTF-8 text, found byte 0xe9 at offset 15/);
    const utf16 = codeOf(() =>
      sniffText(file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b\n', 'utf16le')]))),
    );
    expect(utf16.code).toBe('import.encoding');
    expect(utf16.message).toMatch(/found UTF-16/);
  });

  it('refuses empty, binary and workbook files as not CSV', () => {
    expect(codeOf(() => sniffText(file('empty.csv', ''))).message).toMatch(/found an empty file/);
    expect(codeOf(() => sniffText(file('zip.csv', Buffer.from([0x50, 0x4b, 3, 4, 0, 0])))).message).toMatch(
      /found a ZIP archive/,
    );
    expect(codeOf(() => sniffText(file('m.csv', 'only\n'), { preambleLines: 2 })).code).toBe('import.header');
  });

  it('accepts a multi-byte character cut off at the end of the sample', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0x41]))).toBe(1);
  });
});
