import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { PMTiles, TileType, Compression } from 'pmtiles';
import type { DecompressFunc, RangeResponse, Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { GeodataFormatError } from '../gpkg/format-error.ts';
import { writePmtiles } from './pmtiles-writer.ts';
import type { PmtilesInput, PmtilesTileInput } from './pmtiles-writer.ts';

/** Serves an archive from memory the way FetchSource serves byte ranges over HTTP. */
class MemorySource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

let archives = 0;
const open = (bytes: Uint8Array) => new PMTiles(new MemorySource(bytes, `memory-${archives++}`));
// The reader's default DecompressionStream costs ~0.6 ms a tile; zlib keeps the 8,000-tile test quick.
const gunzip: DecompressFunc = async (buf, compression) =>
  compression === Compression.Gzip ? new Uint8Array(gunzipSync(new Uint8Array(buf))).buffer : buf;
const tile = (z: number, x: number, y: number, text: string): PmtilesTileInput => ({
  z,
  x,
  y,
  data: new TextEncoder().encode(text),
});
const input = (tiles: PmtilesTileInput[], extra: Partial<PmtilesInput> = {}): PmtilesInput => ({
  tiles,
  metadata: { name: 'test', vector_layers: [{ id: 'buurten', fields: { buurtcode: 'String' } }] },
  minZoom: 0,
  maxZoom: 14,
  bounds: [4.4, 51.5, 4.6, 51.6],
  center: [4.5, 51.55, 12],
  ...extra,
});

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GeodataFormatError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('writePmtiles', () => {
  // Roosendaal lies in z14 tile 8394/5445; the tiles are out of id order on purpose.
  const tiles = [
    tile(14, 8395, 5445, 'b'),
    tile(0, 0, 0, 'world'),
    tile(14, 8394, 5445, 'a'),
    tile(13, 4197, 2722, 'a'),
  ];
  const bytes = writePmtiles(input(tiles));

  it('writes a v3 header that the pmtiles reader understands', async () => {
    const header = await open(bytes).getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: 127,
      clustered: true,
      internalCompression: Compression.Gzip,
      tileCompression: Compression.Gzip,
      tileType: TileType.Mvt,
      minZoom: 0,
      maxZoom: 14,
      minLon: 4.4,
      minLat: 51.5,
      maxLon: 4.6,
      maxLat: 51.6,
      centerLon: 4.5,
      centerLat: 51.55,
      centerZoom: 12,
      numAddressedTiles: 4,
      numTileEntries: 4,
      numTileContents: 3,
      leafDirectoryLength: 0,
    });
    expect(header.tileDataOffset + header.tileDataLength!).toBe(bytes.length);
  });

  it('returns every tile decompressed, and nothing for tiles not written', async () => {
    const archive = open(bytes);
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(got!.data)).toEqual(t.data);
    }
    expect(await archive.getZxy(14, 8396, 5445)).toBeUndefined();
    expect(await archive.getZxy(15, 0, 0)).toBeUndefined();
  });

  it('round-trips the metadata', async () => {
    expect(await open(bytes).getMetadata()).toEqual(input([]).metadata);
  });

  it('stores identical tiles once and run-length encodes consecutive ones', async () => {
    // z1 has ids 1-4 in Hilbert order; all four hold the same bytes.
    const same = [
      tile(1, 0, 0, 'sea'),
      tile(1, 0, 1, 'sea'),
      tile(1, 1, 1, 'sea'),
      tile(1, 1, 0, 'sea'),
      tile(0, 0, 0, 'sea'),
    ];
    const archive = open(writePmtiles(input(same)));
    const header = await archive.getHeader();
    expect([header.numAddressedTiles, header.numTileEntries, header.numTileContents]).toEqual([5, 1, 1]);
    for (const t of same) expect(new TextDecoder().decode((await archive.getZxy(t.z, t.x, t.y))!.data)).toBe('sea');
  });

  it('moves entries into leaf directories when the root would pass 16 KiB, and still finds every tile', async () => {
    // 8,000 distinct z14 tiles scattered by a seeded generator: random id gaps and sizes keep the
    // directory from compressing below 16 KiB (6,000 such tiles still fit in the root).
    let seed = 20250301;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const unique = new Map<string, PmtilesTileInput>();
    while (unique.size < 8000) {
      const [x, y] = [Math.floor(random() * 2 ** 14), Math.floor(random() * 2 ** 14)];
      unique.set(`${x}/${y}`, tile(14, x, y, `14/${x}/${y}`.repeat(1 + (x % 5))));
    }
    const written = writePmtiles(input([...unique.values()]));
    const archive = new PMTiles(new MemorySource(written, 'many'), undefined, gunzip);
    const header = await archive.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(16384 - 127);
    expect(header.numTileContents).toBe(unique.size);
    for (const t of unique.values()) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new TextDecoder().decode(got!.data)).toBe(new TextDecoder().decode(t.data));
    }
  });

  it('gives the same bytes for the same tiles in any input order', () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(writePmtiles(input([...tiles].reverse())))).toBe(sha(bytes));
  });

  it('writes an archive without tiles', async () => {
    const header = await open(writePmtiles(input([]))).getHeader();
    expect([header.numAddressedTiles, header.tileDataLength]).toEqual([0, 0]);
  });

  it('rejects duplicate tiles, tiles outside the grid or zoom range, and a bad zoom range', () => {
    expect(errorCode(() => writePmtiles(input([tile(3, 1, 1, 'a'), tile(3, 1, 1, 'b')])))).toBe(
      'pmtiles.duplicate-tile',
    );
    expect(errorCode(() => writePmtiles(input([tile(3, 8, 1, 'a')])))).toBe('pmtiles.bad-tile');
    expect(errorCode(() => writePmtiles(input([tile(15, 0, 0, 'a')])))).toBe('pmtiles.bad-tile');
    expect(errorCode(() => writePmtiles(input([], { minZoom: 10, maxZoom: 9 })))).toBe('pmtiles.bad-zoom-range');
  });
});
