import { describe, expect, it } from 'vitest';
import { dayNumber } from '../retrofit/iso-day.ts';
import { SHIPPED_CALENDARS } from '../retrofit/natuurkalender.ts';
import type { Candidate } from './candidates.ts';
import { buildModel, memberMoney } from './model.ts';
import { SHIPPED_PERMIT_PROFILES } from './permit-profile.ts';
import { checkSelection } from './usage.ts';
import { parsePlanInput } from './plan-input.ts';
import { seasonsOf } from './seasons.ts';

const cal = SHIPPED_CALENDARS.landelijk!;
const d = (s: string): number => dayNumber(s)!;
const input = (over: Record<string, unknown> = {}) => {
  const r = parsePlanInput({
    runDate: '2025-07-01',
    budgetEur: 100_000,
    capacity: { perSeason: { dwellings: 10 } },
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const seasons = seasonsOf(cal, d('2025-07-01'), d('2033-12-31'));
const NVI = SHIPPED_PERMIT_PROFILES['landelijke-lijn-nvi']!,
  SMP = SHIPPED_PERMIT_PROFILES.smp!;
const base = new Map([['BU16740202', 100]]);

function cand(i: number, over: Partial<Candidate> = {}): Candidate {
  return {
    vboId: `16740100000000${String(i).padStart(2, '0')}`,
    pandId: `16741000000000${String(i).padStart(2, '0')}`,
    buurtcode: 'BU16740202',
    programmeArea: 'Kalsdonk',
    ownership: 'eigenaar-bewoner',
    blockId: 'rij:a',
    unitId: 'rij:a',
    location: [4.4, 51.5],
    measures: ['cavity-wall'],
    natureRule: true,
    route: 'pre-smp',
    leadTimeDays: 0,
    surveyCostEur: 0,
    costEur: [1000, 900],
    contributionEur: [500, 450],
    byMeasure: [{ measure: 'cavity-wall', contributionEur: [500, 450] }],
    gasSavingM3PerYear: 100,
    energyPoor: 0.5,
    priority: 50,
    labelBefore: 'E',
    labelAfter: 'C',
    acceptProbability: 1,
    address: { street: 'Kalsdonkstraat', number: '1', postcode: '4701AA', woonplaats: 'Roosendaal' },
    ...over,
  };
}

describe('buildModel', () => {
  it('prices a block at project price from the threshold, and values earlier seasons higher', () => {
    const five = Array.from({ length: 5 }, (_, i) => cand(i));
    const m = buildModel(
      input({ batching: { projectPriceMinDwellings: 5 } }),
      cal,
      seasons,
      five,
      base,
      new Map(),
      [],
      [NVI],
    );
    if (!m.ok) throw new Error('model');
    expect(m.value.units[0]!.projectPrice).toBe(true);
    expect(m.value.units[0]!.contributionEur).toBe(5 * 450);
    const v = m.value.options.map((o) => o.value);
    expect(v).toEqual([...v].sort((a, b) => b - a));
    expect(memberMoney(cand(1, { surveyCostEur: 100.4 }), false, 0.5)).toEqual({ cost: 1100, contribution: 550 });
  });

  it('keeps survey lead times, couples to the corporation year and applies season overrides', () => {
    const late = [cand(1, { leadTimeDays: 548, route: 'individual-survey', unitId: 'rij:b', blockId: 'rij:b' })];
    const m = buildModel(
      input({ capacity: { perSeason: { dwellings: 10 }, bySeason: [{ season: '2027-najaar', dwellings: 3 }] } }),
      cal,
      seasons,
      [...late, cand(2)],
      base,
      new Map([['rij:a', 2030]]),
      [],
      [NVI, SMP],
    );
    if (!m.ok) throw new Error('model');
    const byUnit = (id: string) =>
      m.value.options.filter((o) => m.value.units[o.unit]!.id === id).map((o) => seasons[o.season]!.id);
    expect(byUnit('rij:b')[0]).toBe('2027-voorjaar');
    expect(byUnit('rij:a')).toEqual(['2030-voorjaar', '2030-najaar']);
    expect(m.value.capDwellings[seasons.findIndex((s) => s.id === '2027-najaar')]).toBe(3);
    const bad = buildModel(
      input({ capacity: { perSeason: { dwellings: 10 }, bySeason: [{ season: '2040-najaar', dwellings: 3 }] } }),
      cal,
      seasons,
      [],
      base,
      new Map(),
      [],
      [NVI],
    );
    expect(bad.ok ? null : bad.issues[0]!.path).toEqual(['capacity', 'bySeason', 0, 'season']);
  });

  it('places permit works only inside a valid profile and caps them per CBS buurt and period (3 %, 2 %, 1 %)', () => {
    const units = Array.from({ length: 8 }, (_, i) => cand(i, { unitId: `rij:${i}`, blockId: `rij:${i}` }));
    const m = buildModel(input(), cal, seasons, units, base, new Map(), [], [NVI]);
    if (!m.ok) throw new Error('model');
    const until = d(NVI.validUntil);
    for (const o of m.value.options) expect(o.exclusionDay + cal.exclusionMinDays).toBeLessThanOrEqual(until);
    expect(m.value.permitCaps.map((g) => [g.from, g.cap])).toEqual([
      ['2025-05-17', 2],
      ['2026-05-17', 1],
    ]);
    // Every unit in its first season breaks the caps; the checker names them.
    const first = m.value.units.map((_, u) => m.value.options.find((o) => o.unit === u)!);
    expect(
      checkSelection(m.value, first).violations.some((v) => v.startsWith('permit cap landelijke-lijn-nvi BU16740202')),
    ).toBe(true);
    // Without a successor nothing lies after the national line; a floor-only package is not under the permit.
    const floor = buildModel(
      input(),
      cal,
      seasons,
      [cand(9, { measures: ['floor'], natureRule: false })],
      base,
      new Map(),
      [],
      [NVI],
    );
    expect(floor.ok && floor.value.options.length).toBe(seasons.length);
    const none = buildModel(
      input({ window: { from: '2027-06-01' } }),
      cal,
      seasons.filter((s) => s.year >= 2028),
      units,
      base,
      new Map(),
      [],
      [NVI],
    );
    expect(none.ok && [none.value.options.length, none.value.excluded.permit]).toEqual([0, 8]);
  });
});
