import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { claimClicks, clickClaimed } from './map-click-claims.ts';

/** A map stand-in: which layers exist and which have a feature under the point. */
function fakeMap(layers: string[], hit: string[]) {
  const asked: string[][] = [];
  const map = {
    getLayer: (id: string) => (layers.includes(id) ? { id } : undefined),
    queryRenderedFeatures: (_p: unknown, o: { layers: string[] }) => (
      asked.push(o.layers),
      o.layers.filter((l) => hit.includes(l)).map((l) => ({ layer: { id: l } }))
    ),
  };
  return { map: map as unknown as MapLibreMap, asked };
}

describe('clickClaimed', () => {
  it('is false while no layer claims clicks, without querying the map', () => {
    const { map, asked } = fakeMap(['vve-points'], ['vve-points']);
    expect(clickClaimed(map, [1, 2])).toBe(false);
    expect(asked).toEqual([]);
  });
  it('is true only when a claiming layer has a feature under the point', () => {
    const { map } = fakeMap(['vve-points', 'vve-buildings'], ['vve-buildings']);
    claimClicks(map, ['vve-points', 'vve-buildings']);
    expect(clickClaimed(map, [1, 2])).toBe(true);
    const other = fakeMap(['vve-points'], []);
    claimClicks(other.map, ['vve-points']);
    expect(clickClaimed(other.map, [1, 2])).toBe(false);
  });
  it('skips claimed layers the map does not (yet) have: MapLibre throws on unknown layers', () => {
    const { map, asked } = fakeMap(['vve-points'], ['vve-points']);
    claimClicks(map, ['vve-points', 'nog-niet-toegevoegd']);
    expect(clickClaimed(map, [0, 0])).toBe(true);
    expect(asked).toEqual([['vve-points']]);
  });
});
