import { describe, expect, it } from 'vitest';
import { dayNumber } from '../retrofit/iso-day.ts';
import { SHIPPED_CALENDARS } from '../retrofit/natuurkalender.ts';
import type { Candidate } from './candidates.ts';
import { buildModel, memberMoney, periodOf } from './model.ts';
import { parsePlanInput } from './plan-input.ts';
import { seasonsOf } from './seasons.ts';

const cal = SHIPPED_CALENDARS.landelijk!;
const d = (s: string): number => dayNumber(s)!;
const input = (over: Record<string, unknown> = {}) => {
  const r = parsePlanInput({ runDate: '2025-07-01', budgetEur: 100_000, capacity: { perSeason: { dwellings: 10 } }, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const seasons = seasonsOf(cal, d('2025-07-01'), d('2033-12-31'));

function cand(i: number, over: Partial<Candidate> = {}): Candidate {
  return {
    vboId: `16740100000000${String(i).padStart(2, '0')}`, pandId: `16741000000000${String(i).padStart(2, '0')}`, buurtcode: 'BU16740202', programmeArea: 'Kalsdonk',
    ownership: 'eigenaar-bewoner', blockId: 'rij:a', unitId: 'rij:a', location: [4.4, 51.5], measures: ['cavity-wall'], natureRule: true, route: 'pre-smp',
    leadTimeDays: 0, surveyCostEur: 0, costEur: [1000, 900], contributionEur: [500, 450], gasSavingM3PerYear: 100, energyPoor: 0.5, priority: 50,
    labelBefore: 'E', labelAfter: 'C', ...over,
  };
}

describe('periodOf', () => {
  it('counts two-year periods from the window start', () => {
    expect(periodOf(d('2025-07-01'), 2, d('2025-08-01'))).toBe(0);
    expect(periodOf(d('2025-07-01'), 2, d('2027-06-30'))).toBe(0);
    expect(periodOf(d('2025-07-01'), 2, d('2027-07-01'))).toBe(1);
  });
});

describe('buildModel', () => {
  it('prices a block at project price from the threshold, and values earlier seasons higher', () => {
    const five = Array.from({ length: 5 }, (_, i) => cand(i));
    const m = buildModel(input({ batching: { projectPriceMinDwellings: 5 } }), cal, seasons, five, new Map([['Kalsdonk', 100]]), new Map(), []);
    if (!m.ok) throw new Error('model');
    expect(m.value.units[0]!.projectPrice).toBe(true);
    expect(m.value.units[0]!.contributionEur).toBe(5 * 450);
    const v = m.value.options.map((o) => o.value);
    expect(v).toEqual([...v].sort((a, b) => b - a));
    expect(memberMoney(cand(1, { surveyCostEur: 100.4 }), false, 0.5)).toEqual({ cost: 1100, contribution: 550 });
  });

  it('keeps survey lead times, couples to the corporation year and applies season overrides', () => {
    const late = [cand(1, { leadTimeDays: 548, route: 'individual-survey', unitId: 'rij:b', blockId: 'rij:b' })];
    const m = buildModel(input({ capacity: { perSeason: { dwellings: 10 }, bySeason: [{ season: '2027-najaar', dwellings: 3 }] } }), cal, seasons, [...late, cand(2)], new Map(), new Map([['rij:a', 2030]]), []);
    if (!m.ok) throw new Error('model');
    const byUnit = (id: string) => m.value.options.filter((o) => m.value.units[o.unit]!.id === id).map((o) => seasons[o.season]!.id);
    expect(byUnit('rij:b')[0]).toBe('2027-voorjaar');
    expect(byUnit('rij:a')).toEqual(['2030-voorjaar', '2030-najaar']);
    expect(m.value.capDwellings[seasons.findIndex((s) => s.id === '2027-najaar')]).toBe(3);
    const bad = buildModel(input({ capacity: { perSeason: { dwellings: 10 }, bySeason: [{ season: '2040-najaar', dwellings: 3 }] } }), cal, seasons, [], new Map(), new Map(), []);
    expect(bad.ok ? null : bad.issues[0]!.path).toEqual(['capacity', 'bySeason', 0, 'season']);
  });
});
