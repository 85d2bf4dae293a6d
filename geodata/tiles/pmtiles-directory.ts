import { deterministicGzip } from './deterministic-gzip.ts';

/** A PMTiles v3 directory entry; runLength 0 marks a pointer to a leaf directory. Offsets and lengths in bytes. */
export interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Gzipped root directory plus the concatenated gzipped leaf directories it points into. */
export interface Directories {
  root: Uint8Array;
  leaves: Uint8Array;
}

// go-pmtiles starts leaves at 4096 entries and grows them by 1.2x until the root fits.
const FIRST_LEAF_SIZE = 4096;
const LEAF_GROWTH = 1.2;

/** Serializes entries (sorted by tile id) as the spec's columns: count, tile id deltas, run lengths, lengths, offsets. */
export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    // 0 means "directly after the previous entry"; any other offset is stored plus one.
    const contiguous = previous !== undefined && e.offset === previous.offset + previous.length;
    writeVarint(out, contiguous ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** Puts all entries in the root when it fits in rootLimit bytes gzipped, else splits them over leaf directories. */
export function buildDirectories(entries: readonly DirectoryEntry[], rootLimit: number): Directories {
  const root = deterministicGzip(serializeDirectory(entries));
  if (root.length <= rootLimit) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = FIRST_LEAF_SIZE; ; leafSize = Math.floor(leafSize * LEAF_GROWTH)) {
    const pointers: DirectoryEntry[] = [];
    const leaves: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = deterministicGzip(serializeDirectory(chunk));
      pointers.push({ tileId: chunk[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const leafRoot = deterministicGzip(serializeDirectory(pointers));
    if (leafRoot.length <= rootLimit) return { root: leafRoot, leaves: concat(leaves) };
  }
}

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// Tile ids pass 2^32, so no bitwise operators here.
function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}
