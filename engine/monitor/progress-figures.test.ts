import { describe, expect, it } from 'vitest';
import type { MoneyEntry, StatusEvent } from './monitor-records.ts';
import { TEST_PLAN, TEST_SETTINGS, moneyEntry, vbo } from './monitor-test-plan.ts';
import { computeProgressFigures, type ProgressFigures } from './progress-figures.ts';

const ev = (n: number, status: StatusEvent['status'], date: string): StatusEvent => ({ vboId: vbo(n), status, date });
const STATUSES: StatusEvent[] = [
  ev(1, 'uitgenodigd', '2026-05-10'),
  ev(1, 'akkoord', '2026-06-01'),
  ev(1, 'natuurvrij', '2026-08-05'),
  ev(1, 'geïsoleerd', '2026-10-20'),
  ev(2, 'uitgenodigd', '2026-05-10'),
  ev(2, 'afgezien', '2026-06-15'),
  // Dwelling 4's invitation was never recorded: acceptance implies it.
  ev(4, 'akkoord', '2026-09-01'),
  ev(4, 'natuurvrij', '2026-09-20'),
  ev(4, 'geïsoleerd', '2026-11-01'),
  ev(5, 'uitgenodigd', '2027-02-01'),
];

const entry = (reference: string, p: Partial<MoneyEntry>): MoneyEntry =>
  moneyEntry(reference, { amountEur: 0, vboId: null, ...p });
const MONEY: MoneyEntry[] = [
  entry('M1', { kind: 'toegezegd', date: '2026-06-02', amountEur: 1000, vboId: vbo(1) }),
  entry('M2', { kind: 'toegezegd', date: '2026-06-02', amountEur: 300, source: 'cofinanciering', vboId: vbo(1) }),
  entry('M3', { date: '2026-11-01', amountEur: 1000, vboId: vbo(1) }),
  entry('M4', { date: '2026-11-05', amountEur: 4000, vboId: vbo(4) }),
  entry('M5', { date: '2026-12-01', amountEur: 3500, vboId: vbo(4), corrects: 'M4' }),
  entry('M6', { date: '2026-12-10', amountEur: 500, source: 'eigenaar', batchId: '2027-najaar:K2' }),
  entry('M7', { date: '2027-01-05', amountEur: 999, vboId: vbo(5) }),
  entry('M8', { date: '2026-12-01', amountEur: 200, vboId: vbo(99) }),
];

function figures(quarter: string, money = MONEY, statuses = STATUSES): ProgressFigures {
  const r = computeProgressFigures({ quarter, settings: TEST_SETTINGS, plan: TEST_PLAN, statuses, money });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('progress figures for one quarter', () => {
  const f = figures('2026Q4');

  it('counts the steps reached by the quarter’s end and within it, implying skipped records’ earlier steps', () => {
    expect(f.total.realised).toEqual({ invited: 3, accepted: 2, natuurvrij: 2, insulated: 2, declined: 1 });
    expect(f.total.realisedInQuarter).toEqual({ invited: 0, accepted: 0, natuurvrij: 0, insulated: 2, declined: 0 });
    expect(f.total.plannedDwellings).toBe(6);
  });

  it('expects planned steps with each dwelling’s acceptance probability', () => {
    expect(f.total.planned).toEqual({ invited: 3, accepted: 1.5, natuurvrij: 1.5, insulated: 1.5, declined: 1.5 });
    expect(f.total.plannedInQuarter).toEqual({
      invited: 1,
      accepted: 0.5,
      natuurvrij: 0.5,
      insulated: 1.5,
      declined: 0.5,
    });
    expect(f.total.plannedMoney).toEqual({ committedEur: 3500, paidEur: 3500 });
  });

  it('counts money per kind and source, a correction replacing the entry it corrects, later entries left out', () => {
    expect(f.total.money.committedBySource).toEqual({ vhf: 1000, cofinanciering: 300, subsidie: 0, eigenaar: 0 });
    expect(f.total.money.paidBySource).toEqual({ vhf: 4700, cofinanciering: 0, subsidie: 0, eigenaar: 500 });
    expect(f.total.money.paidEur).toBe(5200);
    expect(f.total.moneyInQuarter.committedEur).toBe(0);
    expect(f.total.moneyInQuarter.paidEur).toBe(5200);
    expect(f.budget).toEqual({
      vhfBudgetEur: 100000,
      cofinancingBudgetEur: 30000,
      committed: { vhfEur: 1000, cofinancingEur: 300 },
      paid: { vhfEur: 4700, cofinancingEur: 0 },
      uncommitted: { vhfEur: 99000, cofinancingEur: 29700 },
      plannedProgrammeEur: 12000,
    });
  });

  it('gives gas and CO₂ saving and the labels of the insulated dwellings', () => {
    expect(f.total.gasSavingM3PerYear).toEqual({ realised: 500, planned: 350 });
    expect(f.total.co2SavingKgPerYear).toEqual({ realised: 890, planned: 623 });
    const labels = Object.fromEntries(f.total.labels.filter((l) => l.before || l.after).map((l) => [l.label, l]));
    expect(labels).toEqual({ C: { label: 'C', before: 0, after: 2 }, F: { label: 'F', before: 2, after: 0 } });
  });

  it('splits per buurt and area; records outside the plan count in the total only, with a warning naming them', () => {
    expect(f.byBuurt.map((b) => [b.buurtcode, b.area, b.plannedDwellings])).toEqual([
      ['BU16740202', 'Kalsdonk', 3],
      ['BU16740300', 'Westrand', 1],
      ['BU16740301', 'Westrand', 2],
    ]);
    const kalsdonk = f.byBuurt[0]!;
    expect(kalsdonk.realised).toEqual({ invited: 2, accepted: 1, natuurvrij: 1, insulated: 1, declined: 1 });
    expect(kalsdonk.money.paidEur).toBe(1500);
    expect(f.byArea.map((a) => [a.area, a.money.paidEur])).toEqual([
      ['Kalsdonk', 1500],
      ['Westrand', 3500],
    ]);
    expect(f.warnings).toEqual([
      { code: 'monitor.money.outside-plan', message: expect.stringContaining(vbo(99)), path: ['money', 7] },
    ]);
  });

  it('charts cumulative totals per quarter from the programme start', () => {
    expect(f.series.map((p) => p.quarter)).toEqual([
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
    ]);
    expect(f.series[6]!.realised).toEqual({ invited: 3, accepted: 2, natuurvrij: 2, insulated: 0, declined: 1 });
    expect(f.series[5]!.vhfCommittedEur).toBe(1000);
    expect(f.series[7]).toMatchObject({ paidEur: 5200, vhfPaidEur: 4700, plannedPaidEur: 3500, committedEur: 1300 });
  });

  it('is as of the quarter: a later quarter sees later records, an earlier one not', () => {
    expect(figures('2026Q3').total.money.paidEur).toBe(0);
    expect(figures('2026Q3').total.realised.insulated).toBe(0);
    expect(figures('2027Q1').total.money.paidEur).toBe(6199);
    expect(figures('2027Q1').total.realised.invited).toBe(4);
  });

  it('counts a correction dated before the quarter’s end even when the entry it replaces is older', () => {
    const f3 = figures('2026Q4', MONEY.slice(0, 4));
    expect(f3.total.money.paidBySource.vhf).toBe(5000);
    expect(
      figures('2026Q4', [
        ...MONEY.slice(0, 4),
        entry('C', { date: '2026-12-02', amountEur: 0, vboId: vbo(4), corrects: 'M4' }),
      ]).total.money.paidEur,
    ).toBe(1000);
  });

  it('warns about a correction of an unknown entry and a status record outside the plan', () => {
    const w = figures(
      '2026Q4',
      [entry('X', { amountEur: 10, vboId: vbo(1), corrects: 'NOPE' })],
      [ev(98, 'uitgenodigd', '2026-01-01')],
    ).warnings;
    expect(w.map((x) => x.code).sort()).toEqual(['monitor.money.unknown-correction', 'monitor.status.outside-plan']);
  });

  it('counts dwellings behind the plan’s dates', () => {
    expect(f.total.overdue).toEqual({ invitation: 0, natuurvrij: 0, insulation: 0 });
    const behind = figures('2026Q4', [], [ev(1, 'uitgenodigd', '2026-05-01'), ev(1, 'akkoord', '2026-06-01')]);
    expect(behind.total.overdue).toEqual({ invitation: 2, natuurvrij: 1, insulation: 0 });
    expect(behind.byBuurt[0]!.overdue).toEqual({ invitation: 1, natuurvrij: 1, insulation: 0 });
  });

  it('gives byte-identical output for the same input', () => {
    expect(JSON.stringify(figures('2026Q4'))).toBe(JSON.stringify(f));
  });

  it('refuses a malformed quarter and one before the programme start with coded issues', () => {
    const bad = computeProgressFigures({
      quarter: '2026-4',
      settings: TEST_SETTINGS,
      plan: TEST_PLAN,
      statuses: [],
      money: [],
    });
    expect(bad.ok ? null : bad.issues[0]?.code).toBe('monitor.quarter.invalid');
    const early = computeProgressFigures({
      quarter: '2024Q4',
      settings: TEST_SETTINGS,
      plan: TEST_PLAN,
      statuses: [],
      money: [],
    });
    expect(early.ok ? null : early.issues[0]).toMatchObject({
      code: 'monitor.quarter.before-start',
      path: ['quarter'],
    });
  });
});
