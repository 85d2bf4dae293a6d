import { describe, expect, it } from 'vitest';
import { computeIndicators } from './indicators.ts';
import { INDICATORS } from './interventions.ts';
import { potentialFixture } from '../test-fixtures/potential-fixture.ts';
import { DEFAULT_POTENTIAL_WEIGHTS } from './potential-weights.ts';
import { buildBlocks } from '../blocks/blocks.ts';

const { ds, indicators } = potentialFixture();
const of = (id: string) => indicators.find((b) => b.blockId === id)!.values;

describe('block indicators', () => {
  it('computes each indicator of a block from its dwellings (hand-checked on the fixture)', () => {
    const b = of('BU16740202-B001');
    expect(b.corporationConcentration).toMatchObject({
      value: 0.375,
      fact: 'blok 50% corporatie; buurt 50% (drempel 67%)',
    });
    expect(b.householdFit.value).toBe(0.25);
    expect(b.energyNeed).toMatchObject({ value: 0.475, basis: 'synthetisch' });
    expect(b.maintenanceDue).toMatchObject({ value: 1, basis: 'schatting' });
    expect(b.maintenanceDue.fact).toContain('bouwjaar + 45 jaar');
    expect(b.valueBand.value).toBe(0);
    expect(b.mixedOwnership.value).toBe(1);
    expect(b.safety).toMatchObject({ value: 0.5, basis: 'synthetisch' });
    expect(b.location).toMatchObject({ value: null, basis: 'geen' });
  });

  it('sees a mixed VvE, and no safety figure where the buurt figure is suppressed', () => {
    expect(of('BU16740202-B002').mixedOwnership.fact).toMatch(/^100% in een gemengde VvE \(1 VvE in het blok\)/);
    const westrand = of(`pand:${ds.dwellings[4]!.pandId}`);
    expect(westrand.safety).toMatchObject({ value: null, basis: 'geen' });
    expect(westrand.corporationConcentration.value).toBe(0.75);
  });

  it('takes the planned year and rent from the portfolio when there is one', () => {
    const withPortfolio = structuredClone(ds);
    withPortfolio.portfolio = [
      {
        vheNumber: 'V1',
        vboId: ds.dwellings[4]!.vboId,
        corporation: 'Alwel',
        complexCode: null,
        rentEur: 600,
        label: null,
        plannedMaintenanceYear: 2040,
        dataDate: '2025-01-01',
      },
    ];
    const [row] = computeIndicators({
      blocks: buildBlocks(withPortfolio).blocks.filter((b) => b.vboIds.includes(ds.dwellings[4]!.vboId)),
      dwellings: withPortfolio.dwellings,
      vves: withPortfolio.vves,
      portfolio: withPortfolio.portfolio,
      buurten: withPortfolio.buurten,
      safety: null,
      safetySource: 'none',
      referenceYear: 2026,
      parameters: DEFAULT_POTENTIAL_WEIGHTS.parameters,
    });
    // 14 years ahead: between the 5-year window (1) and the 15-year horizon (0).
    expect(row!.values.maintenanceDue).toMatchObject({ value: 0.1, basis: 'registratie' });
    expect(row!.values.valueBand.value).toBe(1);
    expect(row!.values.safety.fact).toBe('geen signalen geladen');
  });

  it('gives every indicator of every block a value in 0–1 or null, with a fact', () => {
    for (const b of indicators)
      for (const i of INDICATORS) {
        const v = b.values[i];
        if (v.value !== null) expect(v.value).toBeGreaterThanOrEqual(0);
        if (v.value !== null) expect(v.value).toBeLessThanOrEqual(1);
        expect(v.fact.length).toBeGreaterThan(5);
      }
  });
});
