import type { Geometry, Position } from 'geojson';
import { GeodataFormatError } from './format-error.ts';

// ISO 13249-3 / OGC 06-103r4 type codes; Z, M and ZM add 1000, 2000, 3000.
const TYPE_CODES = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
} as const;
type GeometryType = keyof typeof TYPE_CODES;
const TYPE_NAMES = Object.keys(TYPE_CODES) as GeometryType[];
const MEMBER_TYPE: Partial<Record<GeometryType, GeometryType>> = {
  MultiPoint: 'Point',
  MultiLineString: 'LineString',
  MultiPolygon: 'Polygon',
};
// EWKB (PostGIS) keeps dimensions and an embedded SRID in the high bits instead.
const EWKB_Z = 0x80000000;
const EWKB_M = 0x40000000;
const EWKB_SRID = 0x20000000;
// Nesting deeper than this only occurs in hostile input; it would otherwise overflow the stack.
const MAX_DEPTH = 32;

/** Encodes a GeoJSON geometry as 2D ISO WKB, little endian; an empty Point becomes POINT(NaN NaN) as GeoPackage asks. */
export function encodeWkb(g: Geometry): Uint8Array {
  const bytes = new Uint8Array(wkbSize(g));
  const end = writeGeometry(new DataView(bytes.buffer), 0, g);
  if (end !== bytes.length) throw new Error(`encodeWkb: wrote ${end} of ${bytes.length} bytes`);
  return bytes;
}

/** Decodes ISO WKB or EWKB in either byte order to GeoJSON; Z and M ordinates are dropped. */
export function decodeWkb(bytes: Uint8Array): Geometry {
  const reader = new WkbReader(bytes);
  const g = reader.geometry(0);
  if (reader.offset !== bytes.length) {
    throw new GeodataFormatError(
      'wkb.trailing-bytes',
      `WKB: expected the geometry to end the input at byte ${bytes.length}, found it ends at byte ${reader.offset}`,
    );
  }
  return g;
}

function members(g: Geometry): Geometry[] {
  switch (g.type) {
    case 'MultiPoint':
      return g.coordinates.map((coordinates) => ({ type: 'Point', coordinates }));
    case 'MultiLineString':
      return g.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    case 'MultiPolygon':
      return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    case 'GeometryCollection':
      return g.geometries;
    default:
      return [];
  }
}

function wkbSize(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 21;
    case 'LineString':
      return 9 + 16 * g.coordinates.length;
    case 'Polygon':
      return 9 + g.coordinates.reduce((n, ring) => n + 4 + 16 * ring.length, 0);
    default:
      return 9 + members(g).reduce((n, m) => n + wkbSize(m), 0);
  }
}

function writeGeometry(view: DataView, start: number, g: Geometry): number {
  view.setUint8(start, 1);
  view.setUint32(start + 1, TYPE_CODES[g.type], true);
  let o = start + 5;
  const writePositions = (positions: Position[]): void => {
    view.setUint32(o, positions.length, true);
    o += 4;
    for (const p of positions) o = writePosition(view, o, p);
  };
  switch (g.type) {
    case 'Point':
      return writePosition(view, o, g.coordinates.length === 0 ? [NaN, NaN] : g.coordinates);
    case 'LineString':
      writePositions(g.coordinates);
      return o;
    case 'Polygon':
      view.setUint32(o, g.coordinates.length, true);
      o += 4;
      for (const ring of g.coordinates) writePositions(ring);
      return o;
    default: {
      const parts = members(g);
      view.setUint32(o, parts.length, true);
      o += 4;
      for (const part of parts) o = writeGeometry(view, o, part);
      return o;
    }
  }
}

function writePosition(view: DataView, o: number, p: Position): number {
  const [x, y] = p;
  if (typeof x !== 'number' || typeof y !== 'number') {
    throw new GeodataFormatError('wkb.bad-position', `WKB: expected a position [x, y], found ${JSON.stringify(p)}`);
  }
  view.setFloat64(o, x, true);
  view.setFloat64(o + 8, y, true);
  return o + 16;
}

class WkbReader {
  offset = 0;
  private readonly view: DataView;
  private little = true;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  geometry(depth: number): Geometry {
    if (depth > MAX_DEPTH) {
      throw new GeodataFormatError('wkb.too-deep', `WKB: expected at most ${MAX_DEPTH} nested collections, found more`);
    }
    this.need(5);
    const order = this.view.getUint8(this.offset);
    if (order > 1) {
      throw new GeodataFormatError(
        'wkb.bad-byte-order',
        `WKB: expected byte order 0 or 1 at byte ${this.offset}, found ${order}`,
      );
    }
    this.little = order === 1;
    const raw = this.view.getUint32(this.offset + 1, this.little);
    this.offset += 5;
    const iso = raw & 0x0fffffff;
    const isoDims = Math.floor(iso / 1000);
    const type = TYPE_NAMES[(iso % 1000) - 1];
    if (type === undefined || isoDims > 3) {
      throw new GeodataFormatError(
        'wkb.unknown-type',
        `WKB: expected a geometry type code 1-7 (+1000/2000/3000), found ${raw}`,
      );
    }
    const hasZ = (raw & EWKB_Z) !== 0 || isoDims === 1 || isoDims === 3;
    const hasM = (raw & EWKB_M) !== 0 || isoDims === 2 || isoDims === 3;
    if (raw & EWKB_SRID) this.skip(4);
    const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    switch (type) {
      case 'Point': {
        const [x, y] = this.positions(1, dims)[0]!;
        return { type, coordinates: Number.isNaN(x) && Number.isNaN(y) ? [] : [x!, y!] };
      }
      case 'LineString':
        return { type, coordinates: this.positions(this.count(), dims) };
      case 'Polygon':
        return { type, coordinates: this.repeat(() => this.positions(this.count(), dims)) };
      default: {
        const parts = this.repeat(() => this.member(type, depth));
        if (type === 'GeometryCollection') return { type, geometries: parts };
        const coordinates = parts.map((p) => ('coordinates' in p ? p.coordinates : []));
        return { type, coordinates } as Geometry;
      }
    }
  }

  private member(parent: GeometryType, depth: number): Geometry {
    const at = this.offset;
    const g = this.geometry(depth + 1);
    const expected = MEMBER_TYPE[parent];
    if (expected !== undefined && g.type !== expected) {
      throw new GeodataFormatError(
        'wkb.bad-member',
        `WKB: expected ${expected} inside ${parent} at byte ${at}, found ${g.type}`,
      );
    }
    return g;
  }

  private repeat<T>(read: () => T): T[] {
    const n = this.count();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read());
    return out;
  }

  private count(): number {
    this.need(4);
    const n = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return n;
  }

  private positions(n: number, dims: number): Position[] {
    this.need(n * dims * 8);
    const out: Position[] = new Array<Position>(n);
    for (let i = 0; i < n; i++) {
      out[i] = [this.view.getFloat64(this.offset, this.little), this.view.getFloat64(this.offset + 8, this.little)];
      this.offset += dims * 8;
    }
    return out;
  }

  private skip(n: number): void {
    this.need(n);
    this.offset += n;
  }

  private need(n: number): void {
    const left = this.bytes.length - this.offset;
    if (n > left) {
      throw new GeodataFormatError(
        'wkb.truncated',
        `WKB: expected ${n} more bytes at byte ${this.offset}, found ${left}`,
      );
    }
  }
}
