import { describe, expect, it } from 'vitest';
import { DEFAULT_ECOLOGY } from './ecology.ts';
import { dayNumber } from './iso-day.ts';
import { ROUTE_CORPORATION, ROUTE_PRE_SMP, ROUTE_SURVEY } from './measure-ids.ts';
import { SHIPPED_CALENDARS } from './natuurkalender.ts';
import { ecologyOutcome } from './works-planning.ts';

const cal = SHIPPED_CALENDARS.landelijk!;
const day = dayNumber('2025-09-01')!;

describe('ecology outcome of the works', () => {
  it('cavity or roof work follows the natuurkalender from the planning date', () => {
    const e = ecologyOutcome(DEFAULT_ECOLOGY, cal, day, ROUTE_PRE_SMP, 0.9, ['cavity-wall', 'floor']);
    expect(e).toMatchObject({
      route: 'pre-smp',
      natureRuleMeasures: ['cavity-wall'],
      earliestExclusion: '2025-09-03',
      earliestInsulation: '2025-09-08',
    });
  });
  it('floor insulation, glazing and the heat pump carry no calendar: works may start on the planning date', () => {
    const e = ecologyOutcome(DEFAULT_ECOLOGY, cal, day, ROUTE_SURVEY, 0.9, ['floor', 'glazing', 'hybrid-heat-pump']);
    expect(e).toMatchObject({
      natureRuleMeasures: [],
      earliestExclusion: null,
      earliestInsulation: '2025-09-01',
      survey: { leadTimeDays: 0 },
    });
  });
  it('an individual survey delays the works by its lead time (full survey ≈ 1.5 years)', () => {
    const e = ecologyOutcome(DEFAULT_ECOLOGY, cal, day, ROUTE_SURVEY, 0.9, ['roof']);
    expect(e.survey).toMatchObject({ costEur: [3500, 6000], leadTimeDays: 548 });
    expect(e.earliestExclusion! > '2027-03-01').toBe(true);
    expect(ecologyOutcome(DEFAULT_ECOLOGY, cal, day, ROUTE_CORPORATION, 0.9, ['roof']).route).toBe('corporation-code');
  });
});
