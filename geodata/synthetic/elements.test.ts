import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import { drawElements, minimumLevels } from './elements.ts';

describe('minimumLevels', () => {
  it('is null before 1992 and follows the table after', () => {
    expect(minimumLevels(1991)).toBeNull();
    expect(minimumLevels(1992)).toMatchObject({ floor: 'N2', cavityWall: 'N2', pitchedRoof: 'N2', glazing: 'N0' });
    expect(minimumLevels(2013)).toMatchObject({ floor: 'N3', glazing: 'N1' });
    expect(minimumLevels(2030)).toMatchObject({ floor: 'N3', glazing: 'N2' });
  });
});

describe('drawElements', () => {
  it('draws mostly uninsulated cavity walls for label G and insulated ones for label A', () => {
    const rng = createRng(1);
    const g = Array.from({ length: 1000 }, () =>
      drawElements({ label: 'G', roofShape: 'hellend', bouwjaar: 1965, ownership: 'eigenaar-bewoner' }, rng),
    );
    const a = Array.from({ length: 1000 }, () =>
      drawElements({ label: 'A', roofShape: 'plat', bouwjaar: 1965, ownership: 'eigenaar-bewoner' }, rng),
    );
    expect(g.filter((e) => e.cavityWall.level === 'N0').length).toBeGreaterThan(900);
    expect(a.filter((e) => e.cavityWall.level >= 'N2').length).toBeGreaterThan(800);
  });
  it('raises dwellings built from 1992 to the minimum levels', () => {
    const rng = createRng(2);
    for (let i = 0; i < 500; i++) {
      const e = drawElements(
        { label: 'G', roofShape: i % 2 ? 'hellend' : 'plat', bouwjaar: 1995, ownership: 'corporatie' },
        rng,
      );
      for (const part of [e.cavityWall, e.roof, e.floor]) expect(part.level >= 'N2').toBe(true);
    }
  });
  it('marks all four elements of a dwelling known or assumed together', () => {
    const rng = createRng(4);
    for (let i = 0; i < 200; i++) {
      const e = drawElements({ label: 'C', roofShape: 'hellend', bouwjaar: 1970, ownership: 'corporatie' }, rng);
      expect(new Set([e.cavityWall.status, e.roof.status, e.floor.status, e.glazing.status]).size).toBe(1);
    }
  });
  it('marks about a quarter of corporation dwellings as known, few of the others', () => {
    const rng = createRng(3);
    const known = (ownership: 'corporatie' | 'eigenaar-bewoner'): number =>
      Array.from(
        { length: 2000 },
        () => drawElements({ label: 'D', roofShape: 'hellend', bouwjaar: 1970, ownership }, rng).floor.status,
      ).filter((s) => s === 'known').length / 2000;
    expect(known('corporatie')).toBeGreaterThan(0.2);
    expect(known('corporatie')).toBeLessThan(0.3);
    expect(known('eigenaar-bewoner')).toBeLessThan(0.08);
  });
});
