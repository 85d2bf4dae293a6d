import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES } from '../dwelling.ts';
import { DEFAULT_GEOMETRY, dwellingFloors, elementAreas } from './element-areas.ts';

const g = DEFAULT_GEOMETRY;

describe('element areas', () => {
  it('a 100 m² two-storey terraced house: façades front and back, 18 m² glazing, pitched roof over 50 m²', () => {
    const a = elementAreas(g, 'tussenwoning', 100, 2, { roof: true, floor: true, flatRoof: false });
    // width √(50 / 1.6) = 5.59 m; two façades × 2 storeys × 2.7 m = 60.4 m² gross, minus glazing and door.
    expect(a.glazing).toBeCloseTo(18, 6);
    expect(a.wall).toBeCloseTo(2 * Math.sqrt(50 / 1.6) * 5.4 - 18 - 2, 6);
    expect(a.floor).toBe(50);
    expect(a.roof).toBeCloseTo(65, 6);
  });
  it('an end-terrace house has a side wall more; a detached one four façades', () => {
    const mid = elementAreas(g, 'tussenwoning', 120, 2, { roof: true, floor: true, flatRoof: false }).wall;
    const end = elementAreas(g, 'hoekwoning', 120, 2, { roof: true, floor: true, flatRoof: false }).wall;
    const free = elementAreas(g, 'vrijstaand', 120, 2, { roof: true, floor: true, flatRoof: false }).wall;
    expect(end).toBeGreaterThan(mid * 1.5);
    expect(free).toBeGreaterThan(end);
  });
  it('a middle-floor flat has no roof and no ground floor; an unknown position counts a quarter of each', () => {
    expect(elementAreas(g, 'portiek', 65, 1, { roof: false, floor: false, flatRoof: true })).toMatchObject({
      roof: 0,
      floor: 0,
    });
    const unknown = elementAreas(g, 'portiek', 64, 1, { roof: null, floor: null, flatRoof: true });
    expect(unknown).toMatchObject({ roof: 16, floor: 16 });
  });
  it('never gives a negative wall', () => {
    expect(
      elementAreas(g, 'tussenwoning', 4000, 1, { roof: true, floor: true, flatRoof: true }).wall,
    ).toBeGreaterThanOrEqual(0);
  });
  it('floors: ground-bound from the building (1–3), apartments from the type', () => {
    expect(dwellingFloors(g, 'vrijstaand', 1)).toBe(1);
    expect(dwellingFloors(g, 'tussenwoning', 0)).toBe(2);
    expect(dwellingFloors(g, 'tussenwoning', 5)).toBe(3);
    expect(dwellingFloors(g, 'maisonnette', 4)).toBe(2);
    expect(DWELLING_TYPES.every((t) => g.types[t] !== undefined)).toBe(true);
  });
});
