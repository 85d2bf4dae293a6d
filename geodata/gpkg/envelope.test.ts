import { describe, expect, it } from 'vitest';
import { envelopesIntersect, geometryEnvelope } from './envelope.ts';

describe('geometryEnvelope', () => {
  it('returns [minx, maxx, miny, maxy] over all positions', () => {
    expect(
      geometryEnvelope({
        type: 'LineString',
        coordinates: [
          [3, -1],
          [-2, 4],
          [0, 0],
        ],
      }),
    ).toEqual([-2, 3, -1, 4]);
    expect(
      geometryEnvelope({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [10, 20] },
          {
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
            ],
          },
        ],
      }),
    ).toEqual([0, 10, 0, 20]);
  });

  it('returns null for empty geometries and ignores NaN ordinates', () => {
    expect(geometryEnvelope({ type: 'Point', coordinates: [] })).toBeNull();
    expect(geometryEnvelope({ type: 'Point', coordinates: [NaN, NaN] })).toBeNull();
    expect(geometryEnvelope({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
    expect(geometryEnvelope({ type: 'MultiPoint', coordinates: [[], [5, 6]] })).toEqual([5, 5, 6, 6]);
  });
});

describe('envelopesIntersect', () => {
  it('counts touching edges as intersecting', () => {
    expect(envelopesIntersect([0, 1, 0, 1], [1, 2, 1, 2])).toBe(true);
    expect(envelopesIntersect([0, 1, 0, 1], [1.01, 2, 0, 1])).toBe(false);
    expect(envelopesIntersect([0, 1, 0, 1], [0, 1, 1.5, 2])).toBe(false);
  });
});
