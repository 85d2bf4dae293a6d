import { describe, expect, it } from 'vitest';
import {
  blockCard,
  fillColor,
  legendStops,
  POTENTIAL_RAMP,
  UNKNOWN_COLOR,
  type PotentialProps,
} from './potential-model.ts';

const props: PotentialProps = {
  blockId: 'BU16740202-B001',
  kind: 'bouwblok',
  label: 'Bouwblok 1',
  buurtcodes: ['BU16740202'],
  programmeAreas: ['Kalsdonk'],
  dwellings: 2,
  potential: 57.875,
  terms: [{ indicator: 'energyNeed', weightShare: 0.15, direction: 'laag', value: 0.475, points: 7.9 }],
  reasons: ['gemengd eigendom: 50% corporatie'],
  indicators: {
    corporationConcentration: { value: 0.375, fact: 'blok 50% corporatie', basis: 'synthetisch' },
    householdFit: { value: 0.25, fact: 'x', basis: 'synthetisch' },
    energyNeed: { value: 0.475, fact: '50% label E/F/G', basis: 'synthetisch' },
    maintenanceDue: { value: 1, fact: 'x', basis: 'schatting' },
    valueBand: { value: 0, fact: 'x', basis: 'synthetisch' },
    mixedOwnership: { value: 1, fact: 'x', basis: 'synthetisch' },
    safety: { value: null, fact: 'geen signalen geladen', basis: 'geen' },
    location: { value: null, fact: 'x', basis: 'geen' },
  },
};

describe('potentiekaart model', () => {
  it('spreads the legend over the real range, with Dutch decimals', () => {
    const stops = legendStops({ min: 12.5, max: 62.5 });
    expect(stops.map((s) => s.label)).toEqual(['12,5', '25,0', '37,5', '50,0', '62,5']);
    expect(stops.map((s) => s.color)).toEqual([...POTENTIAL_RAMP]);
    expect(legendStops({ min: 40, max: 40 })).toHaveLength(1);
    expect(legendStops(null)).toEqual([]);
    expect(fillColor([])).toBe(UNKNOWN_COLOR);
    expect(JSON.stringify(fillColor(stops))).toContain('"interpolate"');
  });

  it('fills the block card: weighted indicators first, values as percentages, unknowns named', () => {
    const card = blockCard(props, new Map([['energyNeed', 'slecht energielabel']]));
    expect(card).toMatchObject({ title: 'Bouwblok 1', subtitle: '2 woningen · Kalsdonk', potential: '57,9 van 100' });
    expect(card.rows[0]).toEqual({
      name: 'slecht energielabel',
      value: '48%',
      points: '7,9 pt (15%, laag telt)',
      fact: '50% label E/F/G (synthetisch)',
    });
    const safety = card.rows.find((r) => r.name === 'safety')!;
    expect(safety).toMatchObject({ value: '–', points: 'niet gewogen', fact: 'geen signalen geladen (geen gegevens)' });
  });
});
