import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { encodeGpkgGeometry } from './gpkg-geometry.ts';
import { registerGpkgFunctions } from './spatial-functions.ts';

describe('registerGpkgFunctions', () => {
  it('answers ST_IsEmpty and ST_Min/MaxX/Y from GeoPackage blobs, and NULL for NULL', () => {
    const db = new Database(':memory:');
    registerGpkgFunctions(db);
    const query = db.prepare(
      'SELECT ST_IsEmpty(?) AS e, ST_MinX(?) AS x0, ST_MaxX(?) AS x1, ST_MinY(?) AS y0, ST_MaxY(?) AS y1',
    );
    const row = (blob: Uint8Array | null) => query.get(blob, blob, blob, blob, blob);
    const line = encodeGpkgGeometry(
      {
        type: 'LineString',
        coordinates: [
          [3, 9],
          [-1, 4],
        ],
      },
      28992,
    );
    expect(row(line)).toEqual({ e: 0, x0: -1, x1: 3, y0: 4, y1: 9 });
    expect(row(encodeGpkgGeometry({ type: 'Polygon', coordinates: [] }, 28992))).toEqual({
      e: 1,
      x0: null,
      x1: null,
      y0: null,
      y1: null,
    });
    expect(row(null)).toEqual({ e: null, x0: null, x1: null, y0: null, y1: null });
    expect(() => row(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8))).toThrow(/expected magic "GP"/);
    db.close();
  });
});
