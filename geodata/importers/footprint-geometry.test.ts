import { describe, expect, it } from 'vitest';
import { facadeAzimuth, longSide, sharedWallLength, signedArea, type Xy } from './footprint-geometry.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Xy[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('footprint geometry (RD metres)', () => {
  it('computes area and the long side of a rotated slab', () => {
    expect(signedArea(rect(0, 0, 6, 9))).toBe(54);
    const a = Math.PI / 6;
    const rot = rect(0, 0, 60, 10).map(
      ([x, y]) => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)] as Xy,
    );
    expect(longSide(rot)).toBeCloseTo(60, 6);
  });

  it('measures the wall two terraced houses share, with a little drawing tolerance', () => {
    expect(sharedWallLength(rect(0, 0, 6, 9), rect(6, 0, 12, 9))).toBeCloseTo(9);
    expect(sharedWallLength(rect(0, 0, 6, 9), rect(6.2, 3, 12, 20))).toBeCloseTo(6);
    expect(sharedWallLength(rect(0, 0, 6, 9), rect(7, 0, 12, 9))).toBe(0);
    expect(sharedWallLength(rect(0, 0, 6, 9), rect(6, 9, 12, 18))).toBe(0);
  });

  it('points the façade away from the longest free wall, south on a tie', () => {
    // A terraced house between two neighbours: front and back are free and equally long → south (180°).
    expect(facadeAzimuth(rect(6, 0, 12, 9), [rect(0, 0, 6, 9), rect(12, 0, 18, 9)])).toBe(180);
    // An end house: its free west wall (9 m) is longer than front and back (6 m).
    expect(facadeAzimuth(rect(0, 0, 6, 9), [rect(6, 0, 12, 9)])).toBe(270);
  });
});
