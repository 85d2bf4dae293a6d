import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GeodataFormatError } from './format-error.ts';
import { decodeGpkgGeometry, encodeGpkgGeometry, gpkgEnvelope, readGpkgHeader } from './gpkg-geometry.ts';
import { encodeWkb } from './wkb.ts';

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GeodataFormatError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

/** A blob with a big-endian header and an envelope of `doubles` values, built by hand. */
function bigEndianBlob(indicator: number, envelope: number[], g: Geometry, srsId: number): Uint8Array {
  const wkb = encodeWkb(g);
  const out = new Uint8Array(8 + 8 * envelope.length + wkb.length);
  const view = new DataView(out.buffer);
  out.set([0x47, 0x50, 0, indicator << 1]);
  view.setInt32(4, srsId, false);
  envelope.forEach((v, i) => view.setFloat64(8 + 8 * i, v, false));
  out.set(wkb, 8 + 8 * envelope.length);
  return out;
}

const polygon: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [100, 400],
      [300, 400],
      [300, 500],
      [100, 400],
    ],
  ],
};

describe('encodeGpkgGeometry', () => {
  it('writes magic, version 0, little-endian flags with envelope indicator 1, srs id and [minx, maxx, miny, maxy]', () => {
    const blob = encodeGpkgGeometry(polygon, 28992);
    const view = new DataView(blob.buffer);
    expect([...blob.subarray(0, 4)]).toEqual([0x47, 0x50, 0x00, 0b0000_0011]);
    expect(view.getInt32(4, true)).toBe(28992);
    expect([0, 1, 2, 3].map((i) => view.getFloat64(8 + 8 * i, true))).toEqual([100, 300, 400, 500]);
    expect(blob.subarray(40)).toEqual(encodeWkb(polygon));
  });

  it('flags an empty geometry and leaves out its envelope', () => {
    const blob = encodeGpkgGeometry({ type: 'Point', coordinates: [] }, 4326);
    expect(blob[3]).toBe(0b0001_0001);
    expect(readGpkgHeader(blob)).toEqual({ srsId: 4326, empty: true, envelope: null, wkbOffset: 8 });
    expect(gpkgEnvelope(blob)).toBeNull();
  });
});

describe('decodeGpkgGeometry', () => {
  it('round-trips every geometry type', () => {
    const geometries: Geometry[] = [
      { type: 'Point', coordinates: [4.46, 51.53] },
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      polygon,
      {
        type: 'MultiPoint',
        coordinates: [
          [0, 0],
          [2, 3],
        ],
      },
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
          [
            [2, 2],
            [3, 3],
          ],
        ],
      },
      { type: 'MultiPolygon', coordinates: [polygon.coordinates] },
      { type: 'Point', coordinates: [] },
    ];
    for (const g of geometries) {
      expect(decodeGpkgGeometry(encodeGpkgGeometry(g, 4326)).geometry).toEqual(g);
    }
  });

  it('reads big-endian headers with each envelope indicator 0-4', () => {
    const point: Geometry = { type: 'Point', coordinates: [1, 2] };
    const cases: Array<[number, number[]]> = [
      [0, []],
      [1, [1, 1, 2, 2]],
      [2, [1, 1, 2, 2, 0, 0]],
      [3, [1, 1, 2, 2, 5, 5]],
      [4, [1, 1, 2, 2, 0, 0, 5, 5]],
    ];
    for (const [indicator, envelope] of cases) {
      const decoded = decodeGpkgGeometry(bigEndianBlob(indicator, envelope, point, 28992));
      expect(decoded).toEqual({ srsId: 28992, envelope: envelope.length ? envelope : null, geometry: point });
    }
  });

  it('computes the envelope from the WKB when the header has none', () => {
    expect(gpkgEnvelope(bigEndianBlob(0, [], polygon, 28992))).toEqual([100, 300, 400, 500]);
    expect(gpkgEnvelope(bigEndianBlob(1, [NaN, NaN, NaN, NaN], polygon, 28992))).toEqual([100, 300, 400, 500]);
  });

  it('rejects malformed blobs', () => {
    const good = encodeGpkgGeometry(polygon, 4326);
    expect(errorCode(() => decodeGpkgGeometry(good.subarray(0, 5)))).toBe('gpkg.truncated');
    expect(errorCode(() => decodeGpkgGeometry(good.subarray(0, 20)))).toBe('gpkg.truncated');
    expect(errorCode(() => decodeGpkgGeometry(good.subarray(0, good.length - 3)))).toBe('wkb.truncated');
    expect(errorCode(() => decodeGpkgGeometry(encodeWkb(polygon)))).toBe('gpkg.bad-magic');
    expect(() => decodeGpkgGeometry(Uint8Array.of(0x53, 0x50, 0, 1, 0, 0, 0, 0))).toThrow(
      'GeoPackage geometry: expected magic "GP" (0x47 0x50), found 0x53 0x50',
    );
    const patch = (i: number, v: number) => Uint8Array.from(good, (b, j) => (j === i ? v : b));
    expect(errorCode(() => decodeGpkgGeometry(patch(2, 1)))).toBe('gpkg.bad-version');
    expect(errorCode(() => decodeGpkgGeometry(patch(3, 0b0000_1011)))).toBe('gpkg.bad-envelope');
    expect(errorCode(() => decodeGpkgGeometry(patch(3, 0b0010_0011)))).toBe('gpkg.bad-flags');
    expect(errorCode(() => decodeGpkgGeometry(patch(40 + 1, 9)))).toBe('wkb.unknown-type');
  });
});
