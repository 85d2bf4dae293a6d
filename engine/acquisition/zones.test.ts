import { describe, expect, it } from 'vitest';
import { pointInPolygon, resolveZones, zoneOf } from './zones.ts';

const square = (x: number, y: number, d: number): [number, number][] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

describe('zones', () => {
  const zones = resolveZones([
    { id: 'westrand', name: 'Westrand', priority: 2, buurten: ['BU16740300'] },
    {
      id: 'oud',
      name: 'Oude centrum',
      priority: 1,
      geometry: { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] },
    },
  ]);

  it('orders zones by priority', () => {
    expect(zones.map((z) => z.id)).toEqual(['oud', 'westrand']);
  });

  it('matches polygons, respecting holes', () => {
    const p = zones[0]!.polygons[0]!;
    expect(pointInPolygon(1, 1, p)).toBe(true);
    expect(pointInPolygon(5, 5, p)).toBe(false);
    expect(pointInPolygon(11, 1, p)).toBe(false);
  });

  it('matches buurt zones on the buurt code and prefers the higher priority', () => {
    expect(zoneOf(zones, 'BU16740300', [50, 50])?.id).toBe('westrand');
    expect(zoneOf(zones, 'BU16740300', [1, 1])?.id).toBe('oud');
    expect(zoneOf(zones, 'BU16740202', [50, 50])).toBeNull();
  });
});
