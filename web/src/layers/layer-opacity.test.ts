import { describe, expect, it } from 'vitest';
import { moved, opacityProperties, scaledOpacity } from './layer-opacity.ts';

describe('scaledOpacity', () => {
  it('multiplies a number and treats a missing value as 1', () => {
    expect(scaledOpacity(0.55, 0.5)).toBe(0.275);
    expect(scaledOpacity(undefined, 0.4)).toBe(0.4);
  });
  it('wraps a data expression so the per-feature fading stays', () => {
    const fade = ['case', ['==', ['get', 'status'], 'afgezien'], 0.3, 0.95];
    expect(scaledOpacity(fade, 0.5)).toEqual(['*', 0.5, fade]);
    expect(scaledOpacity(fade, 1)).toBe(fade);
  });
  it('replaces a zoom expression, which MapLibre cannot nest in a product', () => {
    expect(scaledOpacity(['interpolate', ['linear'], ['zoom'], 11, 0.2, 16, 1], 0.3)).toBe(0.3);
  });
  it('clamps the share to 0–1', () => {
    expect(scaledOpacity(1, 2)).toBe(1);
    expect(scaledOpacity(1, -1)).toBe(0);
  });
});

describe('opacityProperties', () => {
  it('names the opacity paint properties per layer type', () => {
    expect(opacityProperties('circle')).toEqual(['circle-opacity', 'circle-stroke-opacity']);
    expect(opacityProperties('fill')).toEqual(['fill-opacity']);
    expect(opacityProperties('background')).toEqual([]);
  });
});

describe('moved', () => {
  it('swaps with the neighbour and stays put at the ends', () => {
    expect(moved(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 'x', 1)).toEqual(['a', 'b', 'c']);
  });
});
