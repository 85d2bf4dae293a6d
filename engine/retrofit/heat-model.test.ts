import { describe, expect, it } from 'vitest';
import { DEFAULT_GEOMETRY, elementAreas } from './element-areas.ts';
import { DEFAULT_HEAT_MODEL, heatBalance, hotWaterM3, m3PerWattKelvin } from './heat-model.ts';

const p = DEFAULT_HEAT_MODEL;
const areas = elementAreas(DEFAULT_GEOMETRY, 'tussenwoning', 100, 2, { roof: true, floor: true, flatRoof: false });

describe('heat model', () => {
  it('gas per W/K: degree-hours over boiler efficiency and heating value (≈ 7.6 m³)', () => {
    expect(m3PerWattKelvin(p)).toBeCloseTo(69.6 / (1.04 * 8.792), 3);
  });
  it('hot water from Hestia: terraced 1965–74 = 7.3 GJ → ≈ 303 m³', () => {
    expect(hotWaterM3(p, 'rijwoning tussen', 3)).toBeCloseTo((7.3 * 1000) / 31.65 / 0.76, 6);
  });
  it('an uninsulated 1960s terraced house: theory ≈ 3,000–4,500 m³; realised (overshoot removed) far lower', () => {
    const b = heatBalance(p, areas, [0, 0, 0, 0], 100, 3, 'rijwoning tussen');
    expect(b.theorySpaceHeatingM3).toBeGreaterThan(3000);
    expect(b.theorySpaceHeatingM3).toBeLessThan(4500);
    expect(b.realisedSpaceHeatingM3 / b.theorySpaceHeatingM3).toBeLessThan(0.6);
  });
  it('insulating lowers every element\'s loss; glazing overshoots most (domain.md §5: 1.6× walls to 3× glazing)', () => {
    const before = heatBalance(p, areas, [0, 0, 0, 0], 100, 3, 'rijwoning tussen');
    const after = heatBalance(p, areas, [1, 3, 3, 3], 100, 3, 'rijwoning tussen');
    before.transmissionWK.forEach((h, e) => expect(after.transmissionWK[e]).toBeLessThan(h));
    expect(p.overshoot.cavityWall).toBe(1.6);
    expect(p.overshoot.glazing).toBe(3);
    expect(p.overshoot.roof).toBeGreaterThan(1.6);
    expect(p.overshoot.roof).toBeLessThan(3);
  });
});
