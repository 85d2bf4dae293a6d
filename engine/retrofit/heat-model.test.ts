import { describe, expect, it } from 'vitest';
import { DEFAULT_GEOMETRY, elementAreas } from './element-areas.ts';
import {
  DEFAULT_HEAT_MODEL,
  heatBalance,
  hotWaterM3,
  m3PerWattKelvin,
  preboundFactor,
  preboundLine,
} from './heat-model.ts';

const p = DEFAULT_HEAT_MODEL;
const areas = elementAreas(DEFAULT_GEOMETRY, 'tussenwoning', 100, 2, { roof: true, floor: true, flatRoof: false });

describe('heat model', () => {
  it('gas per W/K: degree-hours over boiler efficiency and heating value (≈ 7.6 m³)', () => {
    expect(m3PerWattKelvin(p)).toBeCloseTo(69.6 / (1.04 * 8.792), 3);
  });
  it('hot water from Hestia: terraced 1965–74 = 7.3 GJ → ≈ 303 m³', () => {
    expect(hotWaterM3(p, 'rijwoning tussen', 3)).toBeCloseTo((7.3 * 1000) / 31.65 / 0.76, 6);
  });
  it('an uninsulated 1960s terraced house: theory ≈ 3,000–4,500 m³', () => {
    const b = heatBalance(p, areas, [0, 0, 0, 0], 100, 3, 'rijwoning tussen');
    expect(b.theorySpaceHeatingM3).toBeGreaterThan(3000);
    expect(b.theorySpaceHeatingM3).toBeLessThan(4500);
  });
  it("insulating lowers every element's loss", () => {
    const before = heatBalance(p, areas, [0, 0, 0, 0], 100, 3, 'rijwoning tussen');
    const after = heatBalance(p, areas, [1, 3, 3, 3], 100, 3, 'rijwoning tussen');
    before.transmissionWK.forEach((h, e) => expect(after.transmissionWK[e]).toBeLessThan(h));
  });
  it('the prebound factor is 1 up to the reference EP2 and about half at the G range (Majcen et al. 2013)', () => {
    expect(preboundFactor(p, 100)).toBe(1);
    expect(preboundFactor(p, 160)).toBe(1);
    expect(preboundFactor(p, 450)).toBeGreaterThan(0.4);
    expect(preboundFactor(p, 450)).toBeLessThan(0.55);
    expect(preboundFactor(p, 300)).toBeLessThan(preboundFactor(p, 250));
  });
  it('the per-class line meets the curve at both class bounds, so the factor is continuous across classes', () => {
    for (const [lo, hi] of [
      [190, 250],
      [250, 290],
      [290, 335],
      [335, 380],
    ] as const) {
      const l = preboundLine(p, lo, hi);
      expect(l.intercept + l.slope * lo).toBeCloseTo(preboundFactor(p, lo), 12);
      expect(l.intercept + l.slope * hi).toBeCloseTo(preboundFactor(p, hi), 12);
    }
    expect(preboundLine(p, 380, 1e9)).toEqual({ intercept: preboundFactor(p, 380), slope: 0 });
    expect(preboundLine(p, -1e9, 0)).toEqual({ intercept: 1, slope: 0 });
  });
});
