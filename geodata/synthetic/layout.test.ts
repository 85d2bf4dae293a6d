import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';
import { LAYOUT, layoutBuurt, stripPoint, stripRect } from './layout.ts';
import { rectToLonLatRing } from './geometry.ts';

const herreweg = loadShippedBuurten().find((b) => b.buurtcode === 'BU16740301')!;

describe('layoutBuurt', () => {
  const layout = layoutBuurt(herreweg.geometry, 0.2, createRng(7));
  it('keeps strips wholly inside the buurt, clear of the boundary', () => {
    expect(layout.strips.length).toBeGreaterThan(10);
    for (const s of layout.strips) {
      const poly = turf.polygon([rectToLonLatRing(s.rect, layout.frame)]);
      expect(turf.booleanWithin(poly, herreweg.geometry)).toBe(true);
      const edge = turf.polygonToLine(herreweg.geometry);
      for (const c of poly.geometry.coordinates[0]!)
        expect(turf.pointToLineDistance(c, edge as never, { units: 'meters' })).toBeGreaterThan(LAYOUT.insetM - 0.5);
    }
  });
  it('strips do not overlap and front onto the street on their side', () => {
    const keys = new Set(layout.strips.map((s) => s.key));
    expect(keys.size).toBe(layout.strips.length);
    for (const s of layout.strips) {
      expect(s.streetLine).toBe(s.side === 'S' ? s.row : s.row + 1);
      const front = stripPoint(s, 0, 0);
      expect(front[1]).toBeCloseTo(s.side === 'N' ? s.rect.v1 : s.rect.v0);
      const r = stripRect(s, 0, 10, 2, 12);
      expect(r.v1 - r.v0).toBeCloseTo(10);
    }
  });
  it('marks the strips across the street from a square', () => {
    const l = layoutBuurt(loadShippedBuurten().find((b) => b.buurtcode === 'BU16740202')!.geometry, 0.3, createRng(3));
    expect(l.squares.length).toBeGreaterThan(0);
    expect(l.strips.some((s) => s.facesSquare)).toBe(true);
  });
  it('is deterministic for a seed', () => {
    expect(layoutBuurt(herreweg.geometry, 0.2, createRng(7)).strips).toEqual(layout.strips);
  });
});
