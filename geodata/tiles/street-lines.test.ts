import { describe, expect, it } from 'vitest';
import type { Dwelling } from '../../engine/dwelling.ts';
import { readDataset } from '../dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../shipped.ts';
import { END_EXTENSION_M, fitLine, streetLines } from './street-lines.ts';

const M_PER_DEG = 111_320;

describe('fitLine', () => {
  it('runs between the houses on both sides of a straight street, extended to the crossings', () => {
    // Houses every 10 m along an east–west street, 12 m north and south of its centre line at 51.5° N.
    const kx = M_PER_DEG * Math.cos((51.5 * Math.PI) / 180);
    const pts: [number, number][] = [];
    for (let i = 0; i <= 10; i++)
      for (const side of [-12, 12]) pts.push([4.45 + (i * 10) / kx, 51.5 + side / M_PER_DEG]);
    const line = fitLine(pts)!;
    expect(line).toHaveLength(2);
    const lengthM = Math.abs(line[1]![0] - line[0]![0]) * kx;
    expect(lengthM).toBeCloseTo(100 + 2 * END_EXTENSION_M, 0);
    for (const [, lat] of line) expect(Math.abs(lat - 51.5) * M_PER_DEG).toBeLessThan(0.5);
  });

  it('draws nothing for one house, a street that turns a corner, or one name in two places', () => {
    expect(fitLine([[4.45, 51.5]])).toBeNull();
    const corner: [number, number][] = [];
    for (let i = 0; i <= 10; i++) corner.push([4.45 + i * 0.0002, 51.5], [4.45, 51.5 + i * 0.0002]);
    expect(fitLine(corner)).toBeNull();
    const twoPlaces: [number, number][] = [];
    for (let i = 0; i <= 5; i++) twoPlaces.push([4.45 + i * 0.0001, 51.5], [4.46 + i * 0.0001, 51.5]);
    expect(fitLine(twoPlaces)).toBeNull();
  });
});

describe('streetLines of the synthetic dataset', () => {
  it('draws most named streets of the shipped dataset, independent of the order of the dwellings', () => {
    ensureShippedDataset();
    const ds = readDataset(SHIPPED_DATASET);
    const fc = streetLines(ds.dwellings);
    const names = new Set(ds.dwellings.map((d: Dwelling) => `${d.buurtcode}:${d.address.street}`));
    expect(fc.features.length).toBeGreaterThan(0.8 * names.size);
    for (const f of fc.features) {
      expect(f.properties.name).not.toBe('');
      expect(f.geometry.coordinates).toHaveLength(2);
    }
    expect(JSON.stringify(streetLines([...ds.dwellings].reverse()))).toBe(JSON.stringify(fc));
  });
});
