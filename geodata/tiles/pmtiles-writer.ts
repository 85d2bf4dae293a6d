import { createHash } from 'node:crypto';
import { Compression, TileType, zxyToTileId } from 'pmtiles';
import { GeodataFormatError } from '../gpkg/format-error.ts';
import { deterministicGzip } from './deterministic-gzip.ts';
import { buildDirectories, concat } from './pmtiles-directory.ts';
import type { DirectoryEntry } from './pmtiles-directory.ts';

export interface PmtilesTileInput {
  z: number;
  x: number;
  y: number;
  /** Uncompressed MVT bytes. */
  data: Uint8Array;
}
export interface PmtilesInput {
  tiles: PmtilesTileInput[];
  metadata: Record<string, unknown>;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]. */
  center: [number, number, number];
}

const HEADER_BYTES = 127;
// Readers fetch the first 16 KiB in one request; header and root directory must both be inside it.
const ROOT_LIMIT = 16384 - HEADER_BYTES;
// zxyToTileId is exact up to zoom 26 (tile ids stay below 2^53).
const MAX_ZOOM = 26;

/**
 * Writes a PMTiles v3 archive of gzipped MVT tiles: header, root directory, metadata, leaf directories, tile data.
 * Tiles are clustered by tile id, identical tiles stored once, and the same input always gives the same bytes.
 */
export function writePmtiles(input: PmtilesInput): Uint8Array {
  if (!(0 <= input.minZoom && input.minZoom <= input.maxZoom && input.maxZoom <= MAX_ZOOM)) {
    throw new GeodataFormatError(
      'pmtiles.bad-zoom-range',
      `PMTiles: expected 0 <= minZoom <= maxZoom <= ${MAX_ZOOM}, found ${input.minZoom}..${input.maxZoom}`,
    );
  }
  const tiles = input.tiles
    .map((t) => ({ tileId: tileIdOf(t, input), data: t.data }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: DirectoryEntry[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  const chunks: Uint8Array[] = [];
  let dataLength = 0;
  for (const [i, t] of tiles.entries()) {
    if (tiles[i - 1]?.tileId === t.tileId) {
      throw new GeodataFormatError(
        'pmtiles.duplicate-tile',
        `PMTiles: expected each tile once, found tile id ${t.tileId} twice`,
      );
    }
    const key = createHash('sha256').update(t.data).digest('hex');
    let place = stored.get(key);
    if (place === undefined) {
      const gz = deterministicGzip(t.data);
      place = { offset: dataLength, length: gz.length };
      stored.set(key, place);
      chunks.push(gz);
      dataLength += gz.length;
    }
    const last = entries.at(-1);
    if (last !== undefined && last.offset === place.offset && last.tileId + last.runLength === t.tileId)
      last.runLength++;
    else entries.push({ tileId: t.tileId, offset: place.offset, length: place.length, runLength: 1 });
  }
  const { root, leaves } = buildDirectories(entries, ROOT_LIMIT);
  const metadata = deterministicGzip(new TextEncoder().encode(JSON.stringify(input.metadata)));
  const header = writeHeader(input, {
    rootLength: root.length,
    metadataLength: metadata.length,
    leavesLength: leaves.length,
    dataLength,
    addressedTiles: tiles.length,
    tileEntries: entries.length,
    tileContents: chunks.length,
  });
  return concat([header, root, metadata, leaves, ...chunks]);
}

function tileIdOf(t: PmtilesTileInput, input: PmtilesInput): number {
  const side = 2 ** t.z;
  const valid =
    Number.isInteger(t.z) &&
    Number.isInteger(t.x) &&
    Number.isInteger(t.y) &&
    t.x >= 0 &&
    t.y >= 0 &&
    t.x < side &&
    t.y < side;
  if (!valid || t.z < input.minZoom || t.z > input.maxZoom) {
    throw new GeodataFormatError(
      'pmtiles.bad-tile',
      `PMTiles: expected a tile with zoom ${input.minZoom}..${input.maxZoom} and x, y in 0..2^z-1, found ${t.z}/${t.x}/${t.y}`,
    );
  }
  return zxyToTileId(t.z, t.x, t.y);
}

interface Sizes {
  rootLength: number;
  metadataLength: number;
  leavesLength: number;
  dataLength: number;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
}

function writeHeader(input: PmtilesInput, s: Sizes): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const metadataOffset = HEADER_BYTES + s.rootLength;
  const leavesOffset = metadataOffset + s.metadataLength;
  const u64 = [
    HEADER_BYTES,
    s.rootLength,
    metadataOffset,
    s.metadataLength,
    leavesOffset,
    s.leavesLength,
    leavesOffset + s.leavesLength,
    s.dataLength,
    s.addressedTiles,
    s.tileEntries,
    s.tileContents,
  ];
  u64.forEach((v, i) => view.setBigUint64(8 + 8 * i, BigInt(v), true));
  header.set([1, Compression.Gzip, Compression.Gzip, TileType.Mvt, input.minZoom, input.maxZoom], 96);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = input.bounds;
  [west, south, east, north].forEach((v, i) => view.setInt32(102 + 4 * i, e7(v), true));
  const [lon, lat, zoom] = input.center;
  view.setUint8(118, Math.round(zoom));
  view.setInt32(119, e7(lon), true);
  view.setInt32(123, e7(lat), true);
  return header;
}
