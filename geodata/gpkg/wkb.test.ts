import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GeodataFormatError } from './format-error.ts';
import { decodeWkb, encodeWkb } from './wkb.ts';

const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Builds WKB by hand so tests do not only check the encoder against the decoder. */
function wkb(littleEndian: boolean, parts: Array<['u8' | 'u32' | 'f64', number]>): Uint8Array {
  const size = parts.reduce((n, [t]) => n + (t === 'u8' ? 1 : t === 'u32' ? 4 : 8), 0);
  const view = new DataView(new ArrayBuffer(size));
  let o = 0;
  for (const [t, v] of parts) {
    if (t === 'u8') {
      view.setUint8(o, v);
      o += 1;
    } else if (t === 'u32') {
      view.setUint32(o, v, littleEndian);
      o += 4;
    } else {
      view.setFloat64(o, v, littleEndian);
      o += 8;
    }
  }
  return new Uint8Array(view.buffer);
}

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GeodataFormatError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

const samples: Record<string, Geometry> = {
  point: { type: 'Point', coordinates: [4.4655, 51.5307] },
  emptyPoint: { type: 'Point', coordinates: [] },
  lineString: {
    type: 'LineString',
    coordinates: [
      [0, 0],
      [1.5, -2.25],
      [3, 4],
    ],
  },
  polygonWithHole: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [2, 2],
        [2, 3],
        [3, 3],
        [2, 2],
      ],
    ],
  },
  emptyPolygon: { type: 'Polygon', coordinates: [] },
  multiPoint: {
    type: 'MultiPoint',
    coordinates: [
      [1, 2],
      [3, 4],
    ],
  },
  multiLineString: {
    type: 'MultiLineString',
    coordinates: [
      [
        [0, 0],
        [1, 1],
      ],
      [
        [2, 2],
        [3, 3],
        [4, 5],
      ],
    ],
  },
  multiPolygon: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      [
        [
          [5, 5],
          [6, 5],
          [6, 6],
          [5, 5],
        ],
        [
          [5.2, 5.1],
          [5.8, 5.1],
          [5.8, 5.7],
          [5.2, 5.1],
        ],
      ],
    ],
  },
  emptyMultiPolygon: { type: 'MultiPolygon', coordinates: [] },
  collection: {
    type: 'GeometryCollection',
    geometries: [
      { type: 'Point', coordinates: [1, 2] },
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
  },
};

describe('encodeWkb / decodeWkb', () => {
  it.each(Object.entries(samples))('round-trips %s', (_name, g) => {
    expect(decodeWkb(encodeWkb(g))).toEqual(g);
  });

  it('writes the OGC reference bytes for POINT(1 2)', () => {
    expect(toHex(encodeWkb({ type: 'Point', coordinates: [1, 2] }))).toBe('0101000000000000000000f03f0000000000000040');
  });

  it('writes an empty point as NaN ordinates', () => {
    const view = new DataView(encodeWkb({ type: 'Point', coordinates: [] }).buffer);
    expect(Number.isNaN(view.getFloat64(5, true)) && Number.isNaN(view.getFloat64(13, true))).toBe(true);
  });

  it('reads big-endian input', () => {
    expect(decodeWkb(fromHex('00000000013ff00000000000004000000000000000'))).toEqual({
      type: 'Point',
      coordinates: [1, 2],
    });
    const line = wkb(false, [
      ['u8', 0],
      ['u32', 2],
      ['u32', 2],
      ['f64', 1],
      ['f64', 2],
      ['f64', 3],
      ['f64', 4],
    ]);
    expect(decodeWkb(line)).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('reads members whose byte order differs from their parent', () => {
    const bytes = wkb(true, [
      ['u8', 1],
      ['u32', 4],
      ['u32', 1],
    ]);
    const member = wkb(false, [
      ['u8', 0],
      ['u32', 1],
      ['f64', 7],
      ['f64', 8],
    ]);
    expect(decodeWkb(new Uint8Array([...bytes, ...member]))).toEqual({ type: 'MultiPoint', coordinates: [[7, 8]] });
  });

  it('drops Z and M from ISO 1000/2000/3000 codes', () => {
    expect(
      decodeWkb(
        wkb(true, [
          ['u8', 1],
          ['u32', 1001],
          ['f64', 1],
          ['f64', 2],
          ['f64', 99],
        ]),
      ),
    ).toEqual({
      type: 'Point',
      coordinates: [1, 2],
    });
    const lineM = wkb(true, [
      ['u8', 1],
      ['u32', 2002],
      ['u32', 2],
      ['f64', 1],
      ['f64', 2],
      ['f64', 9],
      ['f64', 3],
      ['f64', 4],
      ['f64', 9],
    ]);
    expect(decodeWkb(lineM)).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    const ring = [0, 0, 5, 6, 1, 0, 5, 6, 1, 1, 5, 6, 0, 0, 5, 6].map((v): ['f64', number] => ['f64', v]);
    const polygonZM = wkb(true, [['u8', 1], ['u32', 3003], ['u32', 1], ['u32', 4], ...ring]);
    expect(decodeWkb(polygonZM)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
  });

  it('reads EWKB Z flag and embedded SRID', () => {
    expect(
      decodeWkb(
        wkb(true, [
          ['u8', 1],
          ['u32', 0x80000001],
          ['f64', 1],
          ['f64', 2],
          ['f64', 3],
        ]),
      ),
    ).toEqual({
      type: 'Point',
      coordinates: [1, 2],
    });
    expect(
      decodeWkb(
        wkb(false, [
          ['u8', 0],
          ['u32', 0x20000001],
          ['u32', 28992],
          ['f64', 155000],
          ['f64', 463000],
        ]),
      ),
    ).toEqual({
      type: 'Point',
      coordinates: [155000, 463000],
    });
  });

  it('reads a Uint8Array that is a view into a larger buffer', () => {
    const inner = encodeWkb(samples.lineString!);
    const padded = new Uint8Array(inner.length + 7);
    padded.set(inner, 3);
    expect(decodeWkb(padded.subarray(3, 3 + inner.length))).toEqual(samples.lineString);
  });
});

describe('decodeWkb rejects malformed input', () => {
  it('truncated geometry', () => {
    const bytes = encodeWkb(samples.polygonWithHole!);
    expect(errorCode(() => decodeWkb(bytes.subarray(0, bytes.length - 1)))).toBe('wkb.truncated');
    expect(errorCode(() => decodeWkb(new Uint8Array(0)))).toBe('wkb.truncated');
    expect(() => decodeWkb(bytes.subarray(0, 20))).toThrow(/expected \d+ more bytes at byte 13, found 7/);
  });

  it('a point count larger than the input', () => {
    expect(
      errorCode(() =>
        decodeWkb(
          wkb(true, [
            ['u8', 1],
            ['u32', 2],
            ['u32', 0xffffffff],
          ]),
        ),
      ),
    ).toBe('wkb.truncated');
  });

  it('unknown type codes', () => {
    for (const code of [0, 8, 17, 1008, 4001]) {
      expect(
        errorCode(() =>
          decodeWkb(
            wkb(true, [
              ['u8', 1],
              ['u32', code],
              ['f64', 0],
              ['f64', 0],
            ]),
          ),
        ),
      ).toBe('wkb.unknown-type');
    }
  });

  it('a byte-order byte other than 0 or 1', () => {
    expect(errorCode(() => decodeWkb(fromHex('0201000000000000000000f03f0000000000000040')))).toBe(
      'wkb.bad-byte-order',
    );
  });

  it('bytes after the geometry', () => {
    expect(errorCode(() => decodeWkb(fromHex('0101000000000000000000f03f000000000000004000')))).toBe(
      'wkb.trailing-bytes',
    );
  });

  it('a member of the wrong type inside a multi-geometry', () => {
    const line = encodeWkb(samples.lineString!);
    const multiPoint = new Uint8Array([
      ...wkb(true, [
        ['u8', 1],
        ['u32', 4],
        ['u32', 1],
      ]),
      ...line,
    ]);
    expect(errorCode(() => decodeWkb(multiPoint))).toBe('wkb.bad-member');
  });

  it('collections nested deeper than any real data', () => {
    const header = wkb(true, [
      ['u8', 1],
      ['u32', 7],
      ['u32', 1],
    ]);
    const bytes = new Uint8Array(header.length * 40);
    for (let i = 0; i < 40; i++) bytes.set(header, i * header.length);
    expect(errorCode(() => decodeWkb(bytes))).toBe('wkb.too-deep');
  });

  it('encoding a position without x and y', () => {
    expect(errorCode(() => encodeWkb({ type: 'LineString', coordinates: [[1, 2], [3]] }))).toBe('wkb.bad-position');
  });
});
