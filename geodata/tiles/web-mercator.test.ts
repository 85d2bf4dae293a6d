import { describe, expect, it } from 'vitest';
import { featureCollectionBounds, mercatorX, mercatorY, tileRange, unionBounds } from './web-mercator.ts';

describe('mercatorX / mercatorY', () => {
  it('map the world onto the unit square', () => {
    expect([mercatorX(-180), mercatorX(0), mercatorX(180)]).toEqual([0, 0.5, 1]);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.0511287798066)).toBeCloseTo(0, 9);
    expect(mercatorY(-89)).toBeCloseTo(1, 9);
  });
});

describe('tileRange', () => {
  it('finds the slippy-map tile of Roosendaal station at z14 (8394/5445)', () => {
    // 4.4585 E, 51.5406 N; 8394/5445 comes from the OSM wiki formula ln(tan φ + sec φ), not from this module.
    expect(tileRange([4.4585, 51.5406, 4.4585, 51.5406], 14)).toEqual([8394, 5445, 8394, 5445]);
  });

  it('covers the whole world at z0 and clamps at the edges', () => {
    expect(tileRange([-180, -90, 180, 90], 0)).toEqual([0, 0, 0, 0]);
    expect(tileRange([-180, -90, 180, 90], 2)).toEqual([0, 0, 3, 3]);
  });
});

describe('featureCollectionBounds', () => {
  it('spans all geometries and skips null or empty ones', () => {
    expect(
      featureCollectionBounds({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.4, 51.6] } },
          { type: 'Feature', properties: {}, geometry: null as never },
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [4.5, 51.5],
                [4.6, 51.55],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [] } },
        ],
      }),
    ).toEqual([4.4, 51.5, 4.6, 51.6]);
    expect(featureCollectionBounds({ type: 'FeatureCollection', features: [] })).toBeNull();
  });

  it('unions bounds with null as the identity', () => {
    expect(unionBounds(null, [0, 0, 1, 1])).toEqual([0, 0, 1, 1]);
    expect(unionBounds([0, 0, 1, 1], [-1, 0.5, 0.5, 2])).toEqual([-1, 0, 1, 2]);
  });
});
