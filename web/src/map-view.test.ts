import { describe, expect, it } from 'vitest';
import type { Buurten } from './api.ts';
import { focusBounds } from './map-view.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});
const buurt = (code: string, area: string | null, x: number) => ({
  type: 'Feature' as const,
  geometry: square(x, 50),
  properties: { buurtcode: code, buurtnaam: code, programmeArea: area },
});

describe('programme bounds', () => {
  it('frames only the Kalsdonk and Westrand buurten', () => {
    const b: Buurten = {
      type: 'FeatureCollection',
      features: [
        buurt('A', 'Kalsdonk', 0),
        buurt('B', null, 10),
        buurt('C', 'Westrand', 2),
        buurt('D', 'Centrum-Oud', 20),
      ],
    };
    expect(focusBounds(b)).toEqual([
      [0, 50],
      [3, 51],
    ]);
  });

  it('frames everything when no buurt is marked, and nothing when empty', () => {
    expect(focusBounds({ type: 'FeatureCollection', features: [buurt('B', null, 10)] })).toEqual([
      [10, 50],
      [11, 51],
    ]);
    expect(focusBounds({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
