import { gunzipSync } from 'node:zlib';
import { findTile, readVarint } from 'pmtiles';
import type { Entry } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { buildDirectories, concat, serializeDirectory } from './pmtiles-directory.ts';
import type { DirectoryEntry } from './pmtiles-directory.ts';

/** Reads a directory with the pmtiles varint reader, following the spec's column layout. */
function parse(bytes: Uint8Array): Entry[] {
  const p = { buf: bytes, pos: 0 };
  const n = readVarint(p);
  const entries: Entry[] = [];
  let id = 0;
  for (let i = 0; i < n; i++) entries.push({ tileId: (id += readVarint(p)), runLength: 0, length: 0, offset: 0 });
  for (const e of entries) e.runLength = readVarint(p);
  for (const e of entries) e.length = readVarint(p);
  entries.forEach((e, i) => {
    const v = readVarint(p);
    const prev = entries[i - 1];
    e.offset = v === 0 && prev ? prev.offset + prev.length : v - 1;
  });
  return entries;
}

describe('serializeDirectory', () => {
  it('writes count, id deltas, run lengths, lengths and offsets (0 when contiguous, else offset + 1)', () => {
    const entries: DirectoryEntry[] = [
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 20, runLength: 3 },
      { tileId: 9, offset: 0, length: 10, runLength: 1 },
    ];
    expect([...serializeDirectory(entries)]).toEqual([3, 0, 5, 4, 1, 3, 1, 10, 20, 10, 1, 0, 1]);
    expect(parse(serializeDirectory(entries))).toEqual(entries);
  });

  it('encodes tile ids and offsets beyond 2^32', () => {
    const entries: DirectoryEntry[] = [{ tileId: 2 ** 40 + 3, offset: 2 ** 35, length: 300, runLength: 1 }];
    expect(parse(serializeDirectory(entries))).toEqual(entries);
  });
});

describe('buildDirectories', () => {
  // Irregular lengths so the directory does not compress to almost nothing.
  let offset = 0;
  const entries: DirectoryEntry[] = Array.from({ length: 10000 }, (_, i) => {
    const length = 1 + ((i * 7919) % 997);
    offset += length;
    return { tileId: i * 3, offset: offset - length, length, runLength: 1 };
  });

  it('keeps a small directory in the root', () => {
    const { root, leaves } = buildDirectories(entries.slice(0, 10), 16257);
    expect(leaves.length).toBe(0);
    expect(parse(new Uint8Array(gunzipSync(root)))).toEqual(entries.slice(0, 10));
  });

  it('splits into leaves under a root limit, each reachable through a root pointer', () => {
    const { root, leaves } = buildDirectories(entries, 60);
    const pointers = parse(new Uint8Array(gunzipSync(root)));
    expect(pointers.length).toBe(3);
    expect(pointers.every((p) => p.runLength === 0)).toBe(true);
    for (const id of [0, 12291, 29997]) {
      const pointer = findTile(pointers, id)!;
      const leaf = parse(new Uint8Array(gunzipSync(leaves.subarray(pointer.offset, pointer.offset + pointer.length))));
      expect(findTile(leaf, id)).toEqual(entries[id / 3]);
    }
  });
});

describe('concat', () => {
  it('joins byte arrays in order', () => {
    expect(concat([Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)])).toEqual(Uint8Array.of(1, 2, 3));
  });
});
