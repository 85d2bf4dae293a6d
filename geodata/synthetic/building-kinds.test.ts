import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import { fillStrip, STRIP_KINDS, type PlannedBuilding } from './building-kinds.ts';

const OPTS = { portiekStoreys: { 3: 0.5, 4: 0.5 }, portiekFlatRoofShare: 0.5 };
const DEPTH = 24;

describe('fillStrip', () => {
  for (const kind of STRIP_KINDS) {
    it(`${kind}: buildings inside the strip, apart, with units inside them`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        for (const length of [50, 75, 100]) {
          const buildings: PlannedBuilding[] = fillStrip(kind, length, createRng(seed), OPTS).flatMap(
            (c) => c.buildings,
          );
          const sorted = [...buildings].sort((a, b) => a.s0 - b.s0);
          sorted.forEach((b, i) => {
            expect(b.s0).toBeGreaterThanOrEqual(0);
            expect(b.s1).toBeLessThanOrEqual(length);
            expect(b.d0).toBeGreaterThan(0);
            expect(b.d1).toBeLessThan(DEPTH);
            if (i > 0) expect(b.s0).toBeGreaterThanOrEqual(sorted[i - 1]!.s1 - 1e-9);
            const points = new Set(b.units.map((u) => `${u.s},${u.d}`));
            expect(points.size).toBe(b.units.length);
            for (const u of b.units) {
              expect(u.s > b.s0 && u.s < b.s1 && u.d > b.d0 && u.d < b.d1).toBe(true);
              expect(u.floorLevel).toBeLessThan(b.storeys);
            }
          });
        }
      }
    });
  }

  it('terraced rows have 4–10 houses of 5.4–6 m, hoekwoningen at both ends, 85–120 m²', () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const row of fillStrip('terraced', 100, createRng(seed), OPTS)) {
        const types = row.buildings.map((b) => b.units[0]!.type);
        expect(types.length).toBeGreaterThanOrEqual(4);
        expect(types.length).toBeLessThanOrEqual(10);
        expect([types[0], types.at(-1)]).toEqual(['hoekwoning', 'hoekwoning']);
        expect(types.slice(1, -1).every((t) => t === 'tussenwoning')).toBe(true);
        for (const b of row.buildings) {
          expect(b.s1 - b.s0).toBeGreaterThanOrEqual(5.4 - 1e-9);
          expect(b.s1 - b.s0).toBeLessThanOrEqual(6 + 1e-9);
          expect(b).toMatchObject({ storeys: 2, roofShape: 'hellend' });
          expect(b.units[0]!.areaM2).toBeGreaterThanOrEqual(85);
          expect(b.units[0]!.areaM2).toBeLessThanOrEqual(120);
        }
      }
    }
  });

  it('portiek flats: 2–3 stairwells × 2 dwellings × 3–4 storeys, 55–80 m²', () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const c of fillStrip('portiek', 100, createRng(seed), OPTS)) {
        const b = c.buildings[0]!;
        const stairs = new Set(b.units.map((u) => u.entrance)).size;
        expect([2, 3]).toContain(stairs);
        expect([3, 4]).toContain(b.storeys);
        expect(b.units).toHaveLength(stairs * 2 * b.storeys);
        expect(b.units.every((u) => u.areaM2 >= 55 && u.areaM2 <= 80)).toBe(true);
      }
    }
  });

  it('galerij flats: 4–5 storeys, 8–14 per floor on a full strip, one entrance, flat roof', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const [c] = fillStrip('galerij', 100, createRng(seed), OPTS);
      const b = c!.buildings[0]!;
      const perFloor = b.units.length / b.storeys;
      expect(perFloor).toBeGreaterThanOrEqual(8);
      expect(perFloor).toBeLessThanOrEqual(14);
      expect(b).toMatchObject({ roofShape: 'plat', addressStyle: 'toevoeging' });
      expect(new Set(b.units.map((u) => u.entrance))).toEqual(new Set([0]));
    }
  });

  it('maisonnettes have their entrances on floors 0 and 2', () => {
    const [c] = fillStrip('maisonnette', 100, createRng(5), OPTS);
    expect(new Set(c!.buildings[0]!.units.map((u) => u.floorLevel))).toEqual(new Set([0, 2]));
  });
});
