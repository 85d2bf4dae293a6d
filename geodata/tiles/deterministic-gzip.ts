import { gzipSync } from 'node:zlib';

// Gzip header byte 9 names the OS; zlib fills in the build platform (3 on Linux, 19 on macOS). Fixing it
// keeps archives byte-identical across machines. Node already writes mtime 0, and the level is fixed here.
const OS_BYTE = 9;
const OS_UNKNOWN = 255;

/** Gzip at level 9 with a fixed header, so the same bytes always compress to the same bytes. */
export function deterministicGzip(data: Uint8Array): Uint8Array {
  const out = gzipSync(data, { level: 9 });
  out[OS_BYTE] = OS_UNKNOWN;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
