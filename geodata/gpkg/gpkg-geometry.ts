import type { Geometry } from 'geojson';
import { geometryEnvelope } from './envelope.ts';
import type { XyEnvelope } from './envelope.ts';
import { GeodataFormatError } from './format-error.ts';
import { decodeWkb, encodeWkb } from './wkb.ts';

/** The parsed StandardGeoPackageBinary header (GeoPackage 1.4 §2.1.3). */
export interface GpkgHeader {
  srsId: number;
  empty: boolean;
  /** Envelope doubles in spec order ([minx, maxx, miny, maxy] then z and/or m pairs), or null for indicator 0. */
  envelope: number[] | null;
  /** Byte offset of the WKB that follows the header. */
  wkbOffset: number;
}

// Flag bits: 0 byte order (1 = little endian), 1-3 envelope indicator, 4 empty, 5 extended type, 6-7 reserved.
const FLAG_LITTLE_ENDIAN = 0x01;
const FLAG_EMPTY = 0x10;
const FLAG_EXTENDED = 0x20;
const FLAG_RESERVED = 0xc0;
// Number of doubles per envelope indicator 0-4 (none, xy, xyz, xym, xyzm).
const ENVELOPE_DOUBLES: readonly number[] = [0, 4, 6, 6, 8];

/** Encodes a geometry as a GeoPackage blob: 'GP', version 0, little endian, xy envelope (none and the empty flag when empty), ISO WKB. */
export function encodeGpkgGeometry(g: Geometry, srsId: number): Uint8Array {
  const envelope = geometryEnvelope(g);
  const wkb = encodeWkb(g);
  const envelopeBytes = envelope ? 32 : 0;
  const out = new Uint8Array(8 + envelopeBytes + wkb.length);
  const view = new DataView(out.buffer);
  out[0] = 0x47;
  out[1] = 0x50;
  out[2] = 0;
  out[3] = FLAG_LITTLE_ENDIAN | (envelope ? 1 << 1 : FLAG_EMPTY);
  view.setInt32(4, srsId, true);
  envelope?.forEach((v, i) => view.setFloat64(8 + 8 * i, v, true));
  out.set(wkb, 8 + envelopeBytes);
  return out;
}

/** Decodes a GeoPackage geometry blob (either byte order, envelope indicators 0-4). */
export function decodeGpkgGeometry(blob: Uint8Array): { srsId: number; envelope: number[] | null; geometry: Geometry } {
  const header = readGpkgHeader(blob);
  return { srsId: header.srsId, envelope: header.envelope, geometry: decodeWkb(blob.subarray(header.wkbOffset)) };
}

/** Reads only the header of a GeoPackage geometry blob, so envelopes can be had without decoding the WKB. */
export function readGpkgHeader(blob: Uint8Array): GpkgHeader {
  need(blob, 8, 'the 8-byte header');
  if (blob[0] !== 0x47 || blob[1] !== 0x50) {
    throw new GeodataFormatError(
      'gpkg.bad-magic',
      `GeoPackage geometry: expected magic "GP" (0x47 0x50), found ${hex(blob[0])} ${hex(blob[1])}`,
    );
  }
  if (blob[2] !== 0) {
    throw new GeodataFormatError('gpkg.bad-version', `GeoPackage geometry: expected version 0, found ${blob[2]}`);
  }
  const flags = blob[3]!;
  if (flags & (FLAG_RESERVED | FLAG_EXTENDED)) {
    throw new GeodataFormatError(
      'gpkg.bad-flags',
      `GeoPackage geometry: expected a StandardGeoPackageBinary with reserved bits 0, found flags ${hex(flags)}`,
    );
  }
  const indicator = (flags >> 1) & 0x07;
  const doubles = ENVELOPE_DOUBLES[indicator];
  if (doubles === undefined) {
    throw new GeodataFormatError(
      'gpkg.bad-envelope',
      `GeoPackage geometry: expected envelope indicator 0-4, found ${indicator}`,
    );
  }
  need(blob, 8 + 8 * doubles, `the header with a ${doubles}-value envelope`);
  const little = (flags & FLAG_LITTLE_ENDIAN) !== 0;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const envelope = doubles === 0 ? null : Array.from({ length: doubles }, (_, i) => view.getFloat64(8 + 8 * i, little));
  return { srsId: view.getInt32(4, little), empty: (flags & FLAG_EMPTY) !== 0, envelope, wkbOffset: 8 + 8 * doubles };
}

/** The xy envelope of a blob: from its header when present, else computed from the WKB; null when empty. */
export function gpkgEnvelope(blob: Uint8Array): XyEnvelope | null {
  const header = readGpkgHeader(blob);
  if (header.empty) return null;
  const [minX, maxX, minY, maxY] = header.envelope ?? [];
  // Some writers put NaN in the envelope of a geometry they did not flag as empty; recompute then.
  if ([minX, maxX, minY, maxY].every((v) => typeof v === 'number' && !Number.isNaN(v))) {
    return [minX!, maxX!, minY!, maxY!];
  }
  return geometryEnvelope(decodeWkb(blob.subarray(header.wkbOffset)));
}

function need(blob: Uint8Array, n: number, what: string): void {
  if (blob.length < n) {
    throw new GeodataFormatError(
      'gpkg.truncated',
      `GeoPackage geometry: expected ${n} bytes for ${what}, found ${blob.length}`,
    );
  }
}

function hex(b: number | undefined): string {
  return b === undefined ? 'end of data' : `0x${b.toString(16).padStart(2, '0')}`;
}
