import { closeSync, openSync, readSync } from 'node:fs';
import { ImportFormatError } from './import-error.ts';

/** What the first bytes of a delimited text file say about its layout. */
export interface TextLayout {
  delimiter: string;
  /** 1-based line number of the header. */
  headerLine: number;
  header: string[];
  /** Lines before the header (EP-Online's metadata lines). */
  preamble: string[];
}

export interface SniffOptions {
  /** The delimiter the published format uses; another one is an error naming both. Omit to detect , ; tab or |. */
  delimiter?: string;
  /** Number of lines before the header (EP-Online: 2). */
  preambleLines?: number;
  /** Text every header line of the format contains (EP-Online: 'Pand_'), to spot a header in the wrong place. */
  headerHint?: string;
}

const SAMPLE_BYTES = 64 * 1024;
const CANDIDATES = [';', ',', '\t', '|'];
const show = (d: string) => (d === '\t' ? 'tab' : `'${d}'`);

/** Reads the head of a file (never the whole file). */
export function readHead(file: string, bytes = SAMPLE_BYTES): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buf = new Uint8Array(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Offset of the first byte sequence that is not valid UTF-8, or -1; a sequence cut off at the end of the sample is fine. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return -1;
      if ((b[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Rejects binary files and non-UTF-8 text with an error naming what was found. */
export function assertUtf8Text(file: string, head: Uint8Array, expected: string): void {
  if (head.length === 0) throw new ImportFormatError('import.format', file, expected, 'an empty file');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportFormatError(
      'import.encoding',
      file,
      'UTF-8 text',
      `UTF-16 (byte order mark ${head[0]!.toString(16)} ${head[1]!.toString(16)}); save it as "CSV UTF-8"`,
    );
  }
  if (head[0] === 0x50 && head[1] === 0x4b)
    throw new ImportFormatError(
      'import.format',
      file,
      expected,
      'a ZIP archive (an XLSX workbook? give it the .xlsx extension)',
    );
  if (new TextDecoder().decode(head.subarray(0, 15)) === 'SQLite format 3')
    throw new ImportFormatError('import.format', file, expected, 'an SQLite database (a GeoPackage?)');
  if (head.includes(0)) throw new ImportFormatError('import.format', file, expected, 'binary data (NUL bytes)');
  const bad = firstInvalidUtf8(head);
  if (bad >= 0) {
    throw new ImportFormatError(
      'import.encoding',
      file,
      'UTF-8 text',
      `byte 0x${head[bad]!.toString(16)} at offset ${bad}, which is not UTF-8 (Windows-1252/Latin-1?); save it as "CSV UTF-8"`,
    );
  }
}

/** Splits one header line on a delimiter, dropping surrounding quotes. */
export function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((f) =>
    f
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/** Finds encoding, delimiter and header of a delimited text file from its first 64 KiB. */
export function sniffText(file: string, opts: SniffOptions = {}): TextLayout {
  const head = readHead(file);
  assertUtf8Text(file, head, 'a delimited text (CSV) file');
  let text = new TextDecoder().decode(head);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  const skip = opts.preambleLines ?? 0;
  const hint = opts.headerHint;
  if (hint !== undefined && !(lines[skip] ?? '').includes(hint)) {
    const at = lines.slice(0, skip + 3).findIndex((l) => l.includes(hint));
    if (at >= 0 && at !== skip) {
      throw new ImportFormatError(
        'import.header',
        file,
        `${skip} metadata lines and the header on line ${skip + 1}`,
        `the header on line ${at + 1}`,
      );
    }
  }
  if (lines.length <= skip || (lines[skip] ?? '').trim() === '') {
    throw new ImportFormatError(
      'import.header',
      file,
      `${skip ? `${skip} metadata lines and then ` : ''}a header line`,
      `${Math.min(lines.length, skip)} lines and no header`,
    );
  }
  const headerText = lines[skip]!;
  const counts = CANDIDATES.map((d) => splitHeader(headerText, d).length);
  let delimiter: string;
  if (opts.delimiter !== undefined) {
    delimiter = opts.delimiter;
    const best = CANDIDATES[counts.indexOf(Math.max(...counts))]!;
    if (splitHeader(headerText, delimiter).length < 2 && best !== delimiter && Math.max(...counts) > 1) {
      throw new ImportFormatError(
        'import.delimiter',
        file,
        `fields separated by ${show(delimiter)}`,
        `fields separated by ${show(best)} on line ${skip + 1}`,
      );
    }
  } else {
    const max = Math.max(...counts);
    delimiter = CANDIDATES[counts.indexOf(max)]!;
  }
  return {
    delimiter,
    headerLine: skip + 1,
    header: splitHeader(headerText, delimiter),
    preamble: lines.slice(0, skip),
  };
}
