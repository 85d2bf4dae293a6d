import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deterministicGzip } from './deterministic-gzip.ts';

describe('deterministicGzip', () => {
  const data = new TextEncoder().encode('Kalsdonk en Westrand, '.repeat(50));

  it('round-trips through gunzip', () => {
    expect(new Uint8Array(gunzipSync(deterministicGzip(data)))).toEqual(data);
  });

  it('writes mtime 0 and a fixed OS byte', () => {
    const header = deterministicGzip(data).subarray(0, 10);
    expect([...header.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]);
    expect([...header.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(header[9]).toBe(255);
  });

  it('gives identical bytes for identical input', () => {
    expect(deterministicGzip(data)).toEqual(deterministicGzip(Uint8Array.from(data)));
  });
});
