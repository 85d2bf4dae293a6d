import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LABEL_FONT, mapStyle } from './map-style.ts';

const origin = 'http://127.0.0.1:8787';
const style = mapStyle({
  origin,
  labelFontUrl: `${origin}/assets/noto-sans-latin-600-normal.woff2`,
  attribute: 'ownership',
});

describe('map style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('requests nothing outside the origin: no glyphs, no sprite, local archives and font', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls: string[] = [];
    JSON.stringify(style, (_k, v: unknown) => {
      if (typeof v === 'string' && /^[a-z]+:\/\//.test(v)) urls.push(v);
      return v;
    });
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const u of urls) expect(u.replace(/^pmtiles:\/\//, '')).toMatch(new RegExp(`^${origin}/`));
  });

  it('draws labels with the declared font face', () => {
    expect(Object.keys(style['font-faces'] ?? {})).toEqual([LABEL_FONT]);
    const labels = style.layers.find((l) => l.id === 'buurt-labels');
    expect(labels?.type).toBe('symbol');
  });

  it('draws dwellings above the basemap', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('dwellings')).toBeGreaterThan(ids.indexOf('buildings'));
    expect(ids.indexOf('dwellings')).toBeGreaterThan(ids.indexOf('buurten-fill'));
  });
});

describe('streets in the basemap', () => {
  it('draws the streets under the buildings and their names with the local font, above the dwellings', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('streets')).toBeLessThan(ids.indexOf('buildings'));
    const labels = style.layers.find((l) => l.id === 'street-labels');
    expect(labels?.type).toBe('symbol');
    expect(JSON.stringify(labels)).toContain(LABEL_FONT);
    expect(ids.indexOf('street-labels')).toBeGreaterThan(ids.indexOf('dwellings'));
    // Buildings at every zoom the basemap has (no minzoom).
    expect(style.layers.find((l) => l.id === 'buildings')?.minzoom).toBeUndefined();
  });
});
