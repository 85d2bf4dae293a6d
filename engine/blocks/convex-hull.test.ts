import { describe, expect, it } from 'vitest';
import { convexHull } from './convex-hull.ts';

describe('convexHull', () => {
  it('drops inner and collinear points and closes the ring counter-clockwise', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [1, 0],
      [2, 2],
      [0, 2],
      [1, 1],
    ]);
    expect(hull).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
  });
  it('gives null for points without area', () => {
    expect(convexHull([[0, 0]])).toBeNull();
    expect(
      convexHull([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toBeNull();
  });
});
