import { describe, expect, it } from 'vitest';
import { potentialFixture } from '../test-fixtures/potential-fixture.ts';
import { potentialRange, scorePotential } from './potential.ts';
import { DEFAULT_POTENTIAL_WEIGHTS, type PotentialWeights } from './potential-weights.ts';

const { indicators } = potentialFixture();
const block = (list: ReturnType<typeof scorePotential>, id: string) => list.find((b) => b.blockId === id)!;

describe('scorePotential', () => {
  it('weighs the indicators, counting 1 − value where a low value is favourable (verkoop, hand-checked)', () => {
    const b = block(scorePotential(indicators, DEFAULT_POTENTIAL_WEIGHTS, 'verkoop'), 'BU16740202-B001');
    // 40·0.375 + 15·(1 − 0.475) + 10·(1 − 1) + 15·(1 − 0) + 20·1 = 57.875 of 100.
    expect(b.potential).toBe(57.9);
    expect(b.terms.map((t) => [t.indicator, t.direction, t.points])).toEqual([
      ['corporationConcentration', 'hoog', 15],
      ['energyNeed', 'laag', 7.9],
      ['maintenanceDue', 'laag', 0],
      ['valueBand', 'laag', 15],
      ['mixedOwnership', 'hoog', 20],
    ]);
    expect(b.reasons[0]).toBe(
      "gemengd eigendom (VvE, gespikkeld bezit): 0% in een gemengde VvE (0 VvE's in het blok); 50% corporatie, 50% overig",
    );
  });

  it('leaves an unknown indicator out of numerator and denominator and says so', () => {
    const b = block(scorePotential(indicators, DEFAULT_POTENTIAL_WEIGHTS, 'aankoop'), 'BU16740202-B001');
    // valueBand 25·0 + mixed 20·1 + safety 35·0.5 = 37.5 of the 80 known weight; location unknown.
    expect(b.potential).toBe(46.9);
    expect(b.terms.find((t) => t.indicator === 'location')).toMatchObject({ value: null, points: 0, weightShare: 0.2 });
    expect(b.reasons.at(-1)).toMatch(/^dicht bij het centrum onbekend \(centrumbuurt BU16740000 niet in de dataset\)/);
  });

  it('moves with the weights, and a block with no known weighted indicator has no potential', () => {
    const w: PotentialWeights = structuredClone(DEFAULT_POTENTIAL_WEIGHTS);
    w.interventions.aankoop = { location: { weight: 1, direction: 'hoog' } };
    const list = scorePotential(indicators, w, 'aankoop');
    expect(list.every((b) => b.potential === null)).toBe(true);
    expect(potentialRange(list)).toBeNull();
    const renovatie = scorePotential(indicators, DEFAULT_POTENTIAL_WEIGHTS, 'renovatie');
    const range = potentialRange(renovatie)!;
    expect(range.min).toBeLessThan(range.max);
    expect(renovatie.map((b) => b.potential)).toContain(range.max);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(scorePotential(indicators, DEFAULT_POTENTIAL_WEIGHTS, 'sloop-nieuwbouw'))).toBe(
      JSON.stringify(scorePotential(potentialFixture().indicators, DEFAULT_POTENTIAL_WEIGHTS, 'sloop-nieuwbouw')),
    );
  });
});
