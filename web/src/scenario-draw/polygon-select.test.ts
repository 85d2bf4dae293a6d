import { describe, expect, it } from 'vitest';
import { blockCentre, blocksInPolygon, pointInPolygon } from './polygon-select.ts';

const square = (x: number, y: number, s = 1) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

describe('polygon selection', () => {
  it('tests points against a concave ring', () => {
    const l = [
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 4],
      [0, 4],
    ] as const;
    expect(pointInPolygon([0.5, 3], l)).toBe(true);
    expect(pointInPolygon([3, 3], l)).toBe(false);
  });
  it('selects the blocks whose centre lies inside', () => {
    const blocks = [
      { id: 'a', geometry: square(0, 0) },
      { id: 'b', geometry: square(5, 5) },
      {
        id: 'c',
        geometry: { type: 'MultiPolygon' as const, coordinates: [square(0, 2).coordinates, square(8, 8).coordinates] },
      },
    ];
    expect(blockCentre(blocks[0]!)).toEqual([0.5, 0.5]);
    expect(
      blocksInPolygon(blocks, [
        [-1, -1],
        [3, -1],
        [3, 3],
        [-1, 3],
      ]),
    ).toEqual(['a']);
    expect(
      blocksInPolygon(blocks, [
        [-1, -1],
        [10, -1],
        [10, 10],
        [-1, 10],
      ]),
    ).toEqual(['a', 'b', 'c']);
    expect(
      blocksInPolygon(blocks, [
        [0, 0],
        [1, 1],
      ]),
    ).toEqual([]);
  });
});
