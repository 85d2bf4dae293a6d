import { describe, expect, it } from 'vitest';
import { parseFixedBatches, parsePlanInput, replanInput } from './plan-input.ts';
import { DEFAULT_UNTIL } from './plan-types.ts';

const OK = { runDate: '2026-12-07', budgetEur: 8_400_000, capacity: { perSeason: { dwellings: 100 } } };
const codeOf = (json: unknown) => {
  const r = parsePlanInput(json);
  return r.ok ? null : r.issues.map((i) => [i.code, i.path]);
};

describe('parsePlanInput', () => {
  it('applies the defaults: window from the run date until 2033-12-31, MIP, block batches, 100 dwellings per season', () => {
    const r = parsePlanInput(OK);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.window).toEqual({ from: '2026-12-07', until: DEFAULT_UNTIL });
    expect(
      parsePlanInput({ budgetEur: 1 }, '2027-01-04').ok && parsePlanInput({ budgetEur: 1 }, '2027-01-04'),
    ).toMatchObject({
      value: { runDate: '2027-01-04', window: { from: '2027-01-04' }, capacity: { perSeason: { dwellings: 100 } } },
    });
    expect(r.value.solver).toBe('mip');
    expect(r.value.permit).toEqual({ profile: 'landelijke-lijn-nvi', successor: null });
    expect(r.value.batching).toEqual({ unit: 'block', projectPriceMinDwellings: 6 });
  });

  it('fills the missing start from the run date and the missing end from the programme default', () => {
    const r = parsePlanInput({ ...OK, window: { until: '2030-12-31' } });
    expect(r.ok && r.value.window).toEqual({ from: '2026-12-07', until: '2030-12-31' });
    const s = parsePlanInput({ ...OK, window: { from: '2026-01-01' } });
    expect(s.ok && s.value.window).toEqual({ from: '2026-01-01', until: DEFAULT_UNTIL });
  });

  it('codes an unknown permit profile and a successor that overlaps its predecessor', () => {
    expect(codeOf({ ...OK, permit: { profile: 'overijssel' } })).toEqual([
      ['plan.permit.unknown', ['permit', 'profile']],
    ]);
    expect(codeOf({ ...OK, permit: { profile: 'pre-smp', successor: 'landelijke-lijn-nvi' } })).toEqual([
      ['permit.validity.overlap', ['permit', 'successor']],
    ]);
    expect(codeOf({ ...OK, window: { from: '2034-01-01' } })).toEqual([
      ['plan.window.until-before-from', ['window', 'until']],
    ]);
  });

  it('keeps the run date a saved input carries, and needs one otherwise', () => {
    expect(parsePlanInput(OK, '2030-01-01').ok && parsePlanInput(OK, '2030-01-01')).toMatchObject({
      value: { runDate: '2026-12-07' },
    });
    expect(codeOf({ budgetEur: 1 })).toEqual([['plan.run-date.missing', ['runDate']]]);
  });

  it('moves a re-plan forward to its run date, keeping a later start', () => {
    const r = parsePlanInput({ ...OK, window: { from: '2026-12-07' } });
    if (!r.ok) throw new Error('input');
    expect(replanInput(r.value, '2027-04-02')).toMatchObject({
      runDate: '2027-04-02',
      window: { from: '2027-04-02', until: DEFAULT_UNTIL },
    });
    expect(
      replanInput({ ...r.value, window: { from: '2028-01-01', until: DEFAULT_UNTIL } }, '2027-04-02').window.from,
    ).toBe('2028-01-01');
  });

  it('codes each bad input with its path', () => {
    expect(codeOf({ ...OK, budgetEur: -1 })).toEqual([['plan.budget.negative', ['budgetEur']]]);
    expect(codeOf({ ...OK, window: { from: '2030-01-01', until: '2029-12-31' } })).toEqual([
      ['plan.window.until-before-from', ['window', 'until']],
    ]);
    expect(codeOf({ ...OK, capacity: { perSeason: { dwellings: 0 } } })).toEqual([
      ['plan.capacity.zero', ['capacity', 'perSeason', 'dwellings']],
    ]);
    expect(codeOf({ ...OK, capacity: { perSeason: { crewWeeks: -2 } } })).toEqual([
      ['plan.capacity.zero', ['capacity', 'perSeason', 'crewWeeks']],
    ]);
    expect(codeOf({ ...OK, solver: 'cplex' })).toEqual([['plan.solver.unknown', ['solver']]]);
  });

  it('codes a missing capacity, an unknown calendar, a negative year cap, a bad date and an unknown key', () => {
    expect(codeOf({ ...OK, capacity: { perSeason: {} } })).toEqual([
      ['plan.capacity.missing', ['capacity', 'perSeason']],
    ]);
    expect(codeOf({ ...OK, calendar: 'mars' })).toEqual([['plan.calendar.unknown', ['calendar']]]);
    expect(codeOf({ ...OK, yearCapsEur: [{ year: 2026, capEur: -5 }] })).toEqual([
      ['plan.year-cap.negative', ['yearCapsEur', 0, 'capEur']],
    ]);
    expect(codeOf({ ...OK, window: { from: '2025-02-30', until: '2026-01-01' } })).toEqual([
      ['plan.input.invalid', ['window', 'from']],
    ]);
    expect(codeOf({ ...OK, budget: 5 })).toEqual([['plan.input.invalid', ['budget']]]);
    expect(codeOf('8400000')).toEqual([['plan.input.invalid', []]]);
    expect(codeOf({ runDate: OK.runDate, capacity: OK.capacity })).toEqual([['plan.input.invalid', ['budgetEur']]]);
  });

  it('rejects inherited object keys as a calendar name (fuzzing found toString / __proto__ passing)', () => {
    for (const calendar of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
      expect(codeOf({ ...OK, calendar })).toEqual([['plan.calendar.unknown', ['calendar']]]);
    }
  });

  it('rejects fixed batches of the wrong shape or sharing a dwelling', () => {
    const r = parseFixedBatches([{ id: 'x' }]);
    expect(r.ok ? null : r.issues[0]!.code).toBe('plan.fixed.invalid');
    const d = {
      vboId: '1674010000000001',
      measures: ['roof'],
      natuurvrijVanaf: null,
      insulationFrom: '2026-03-21',
      insulationUntil: '2026-07-31',
      costEur: 1,
      programmeContributionEur: 1,
      ownerContributionEur: 0,
      gasSavingM3PerYear: 1,
      route: 'pre-smp',
      ownership: 'eigenaar-bewoner',
      labelBefore: 'E',
      labelAfter: 'C',
      location: [4.4, 51.5],
    };
    const b = {
      id: 'a',
      season: '2026-voorjaar',
      unit: 'block',
      unitId: 'u',
      buurtcode: 'BU16740202',
      programmeArea: 'Kalsdonk',
      projectPrice: false,
      corporationYear: null,
      fixed: true,
      dwellings: [d],
      costEur: 1,
      programmeContributionEur: 1,
      gasSavingM3PerYear: 1,
      crewWeeks: 0.2,
    };
    expect(parseFixedBatches([b]).ok).toBe(true);
    const dup = parseFixedBatches([b, { ...b, id: 'b' }]);
    expect(dup.ok ? null : dup.issues[0]).toMatchObject({
      code: 'plan.fixed.duplicate-dwelling',
      path: ['fixed', 1, 'dwellings', 0, 'vboId'],
    });
  });
});
