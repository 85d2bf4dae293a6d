import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Buurten } from './api.ts';
import { buurtLabelPoints, labelPoint } from './label-points.ts';

function inside(ring: number[][], [x, y]: [number, number]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]! as [number, number];
    const [xj, yj] = ring[j]! as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

describe('label points', () => {
  it('uses the centroid of a square', () => {
    const p = labelPoint({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    });
    expect(p[0]).toBeCloseTo(1);
    expect(p[1]).toBeCloseTo(1);
  });

  it('moves the point inside a U shape whose centroid is outside', () => {
    const u = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    const p = labelPoint({ type: 'Polygon', coordinates: [u] });
    expect(inside(u, p)).toBe(true);
  });

  it('picks the largest part of a multipolygon', () => {
    const p = labelPoint({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [10, 10],
            [20, 10],
            [20, 20],
            [10, 20],
            [10, 10],
          ],
        ],
      ],
    });
    expect(p[0]).toBeCloseTo(15);
  });

  it('puts every CBS buurt of Roosendaal inside its own boundary', () => {
    const raw = JSON.parse(
      readFileSync(
        new URL('../../geodata/boundaries/roosendaal-buurten-2024-generalised.geojson', import.meta.url),
        'utf8',
      ),
    ) as {
      features: { properties: Record<string, unknown> }[];
    };
    // The raw CBS file has no programmeArea; the API adds it.
    for (const f of raw.features) f.properties.programmeArea = null;
    const geo = Buurten.parse(raw);
    const points = buurtLabelPoints(geo);
    expect(points.features.length).toBe(geo.features.length);
    geo.features.forEach((f, i) => {
      if (f.geometry.type !== 'Polygon') return;
      expect(inside(f.geometry.coordinates[0]!, points.features[i]!.geometry.coordinates as [number, number])).toBe(
        true,
      );
    });
  });
});
