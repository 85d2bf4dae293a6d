import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  longestEdgeAngle,
  makeFrame,
  pointInRings,
  rectClearance,
  rectFitsInside,
  rectToLonLatRing,
  type Ring,
} from './geometry.ts';

const square: Ring = [
  [0, 0],
  [100, 0],
  [100, 100],
  [0, 100],
  [0, 0],
];
// An L-shape: the notch (50..100, 50..100) is outside.
const ell: Ring = [
  [0, 0],
  [100, 0],
  [100, 50],
  [50, 50],
  [50, 100],
  [0, 100],
  [0, 0],
];

describe('makeFrame', () => {
  it('round-trips lon/lat to ~1 cm and keeps metric distances', () => {
    const f = makeFrame(4.45, 51.53, 0.3);
    const p: [number, number] = [4.4512345, 51.5323456];
    const back = f.toLonLat(f.toFrame(p));
    expect(back[0]).toBeCloseTo(p[0], 7);
    expect(back[1]).toBeCloseTo(p[1], 7);
    const a = f.toLonLat([0, 0]);
    const b = f.toLonLat([100, 0]);
    expect(turf.distance(a, b, { units: 'meters' })).toBeCloseTo(100, 0);
  });
  it('gives compass azimuths in [0, 360) clockwise from north', () => {
    const f = makeFrame(4.45, 51.53, 0);
    expect(f.azimuthOf(0, 1)).toBe(0);
    expect(f.azimuthOf(1, 0)).toBe(90);
    expect(f.azimuthOf(0, -1)).toBe(180);
    expect(f.azimuthOf(-1, 0)).toBe(270);
    expect(makeFrame(4.45, 51.53, Math.PI / 2).azimuthOf(1, 0)).toBe(0);
    expect(f.azimuthOf(-1e-9, 1)).toBeLessThan(360);
  });
});

describe('rectangles against rings', () => {
  it('point in polygon follows even-odd over the rings', () => {
    expect(pointInRings([75, 75], [ell])).toBe(false);
    expect(pointInRings([25, 75], [ell])).toBe(true);
    expect(
      pointInRings(
        [50, 50],
        [
          square,
          [
            [40, 40],
            [60, 40],
            [60, 60],
            [40, 60],
            [40, 40],
          ],
        ],
      ),
    ).toBe(false);
  });
  it('clearance is the distance to the nearest edge, 0 when crossing', () => {
    expect(rectClearance({ u0: 10, v0: 20, u1: 30, v1: 40 }, [square])).toBeCloseTo(10);
    expect(rectClearance({ u0: 90, v0: 10, u1: 120, v1: 20 }, [square])).toBe(0);
  });
  it('a rectangle spanning a concave notch does not fit even with its corners inside', () => {
    const r = { u0: 10, v0: 40, u1: 40, v1: 90 };
    expect(rectFitsInside(r, [ell], 5)).toBe(true);
    expect(rectFitsInside({ u0: 10, v0: 10, u1: 90, v1: 45 }, [ell], 2)).toBe(true);
    expect(rectFitsInside({ u0: 10, v0: 10, u1: 90, v1: 60 }, [ell], 2)).toBe(false);
    expect(rectFitsInside({ u0: 10, v0: 10, u1: 90, v1: 45 }, [ell], 8)).toBe(false);
  });
  it('writes a closed anticlockwise GeoJSON ring', () => {
    const ring = rectToLonLatRing({ u0: 0, v0: 0, u1: 10, v1: 5 }, makeFrame(4.45, 51.53, 0.4));
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    expect(turf.booleanClockwise(ring)).toBe(false);
  });
  it('takes the grid direction from the longest edge, folded into (-90°, 90°]', () => {
    expect(
      longestEdgeAngle([
        [0, 0],
        [10, 0],
        [10, 200],
        [0, 200],
        [0, 0],
      ]),
    ).toBeCloseTo(Math.PI / 2);
    expect(
      longestEdgeAngle([
        [100, 0],
        [0, 0],
        [0, 10],
        [100, 10],
        [100, 0],
      ]),
    ).toBeCloseTo(0);
  });
});
