import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

/** Upper bound of one inflated entry (a register's worksheet XML is a few MB; a zip bomb is refused). */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks a ZIP container (an XLSX workbook) completely before exceljs's streaming reader sees it: that reader
 * never settles on some corrupt deflate data (a flipped byte in a worksheet made `voorraad import` hang, found by
 * test/property/importers.property.test.ts). Every entry of the central directory is inflated and its CRC-32
 * compared. Returns null when the file is sound, else what is wrong.
 */
export function zipProblem(file: string): string | null {
  const b = readFileSync(file);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, searched from the end.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'no ZIP end-of-central-directory record (truncated?)';
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  if (count === 0) return 'an empty ZIP archive';
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) return `central directory entry ${k + 1} is damaged`;
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const extraLength = b.readUInt16LE(p + 30);
    const commentLength = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > b.length || b.readUInt32LE(local) !== LOCAL) return `entry ${name}: local header is damaged`;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressed > b.length) return `entry ${name}: data runs past the end of the file (truncated?)`;
    if (size > MAX_ENTRY_BYTES)
      return `entry ${name}: ${size} bytes uncompressed, over the limit of ${MAX_ENTRY_BYTES}`;
    const raw = b.subarray(start, start + compressed);
    let data: Buffer;
    try {
      if (method === 0) data = raw;
      else if (method === 8) data = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
      else return `entry ${name}: unsupported compression method ${method}`;
    } catch (err) {
      return `entry ${name}: ${(err as Error).message}`;
    }
    if (data.length !== size || crc32(data) !== crc) return `entry ${name}: damaged (size or CRC-32 does not match)`;
  }
  return null;
}
