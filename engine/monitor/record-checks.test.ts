import { describe, expect, it } from 'vitest';
import type { MoneyEntry, StatusEvent } from './monitor-records.ts';
import { checkMoneyEntries, checkStatusEvents, type RecordContext } from './record-checks.ts';
import { TEST_PLAN, TEST_SETTINGS, moneyEntry, vbo } from './monitor-test-plan.ts';

const entry = moneyEntry;
const ctx = (money: MoneyEntry[] = [], statuses: StatusEvent[] = []): RecordContext => ({
  settings: TEST_SETTINGS,
  plannedDwellings: new Set(TEST_PLAN.batches.flatMap((b) => b.dwellings.map((d) => d.vboId))),
  plannedBatches: new Set(TEST_PLAN.batches.map((b) => b.id)),
  money,
  statuses,
});
const at = <T>(record: T, row: number) => ({ record, path: ['rij', row] });
const codes = (issues: { code: string; path?: unknown[] }[]) => issues.map((i) => [i.code, i.path]);

describe('money entries refused before anything is written', () => {
  it('accepts a good entry, a batch entry and a correction of a stored one', () => {
    const stored = [entry('A')];
    expect(
      checkMoneyEntries(ctx(stored), [
        at(entry('B'), 2),
        at(entry('C', { vboId: null, batchId: '2026-najaar:K1' }), 3),
        at(entry('D', { corrects: 'A', amountEur: 0 }), 4),
      ]),
    ).toEqual([]);
  });

  it('names the row and field of a dwelling outside every plan, a negative amount and a date before the start', () => {
    const issues = checkMoneyEntries(ctx(), [
      at(entry('A', { vboId: vbo(99) }), 2),
      at(entry('B', { amountEur: -5 }), 3),
      at(entry('C', { date: '2024-12-31' }), 4),
      at(entry('E', { vboId: null, batchId: 'nope' }), 5),
    ]);
    expect(codes(issues)).toEqual([
      ['monitor.money.outside-plan', ['rij', 2, 'vboId']],
      ['monitor.money.negative', ['rij', 3, 'amountEur']],
      ['monitor.money.before-start', ['rij', 4, 'date']],
      ['monitor.money.outside-plan', ['rij', 5, 'batchId']],
    ]);
    expect(issues[0]!.message).toBe(`entry A: dwelling ${vbo(99)} is in no saved plan`);
  });

  it('refuses a duplicate reference (stored or in the same file) and a bad correction', () => {
    const issues = checkMoneyEntries(ctx([entry('A'), entry('B', { corrects: 'A' })]), [
      at(entry('A'), 2),
      at(entry('X'), 3),
      at(entry('X'), 4),
      at(entry('Y', { corrects: 'A' }), 5),
      at(entry('Z', { corrects: 'nope' }), 6),
    ]);
    expect(codes(issues)).toEqual([
      ['monitor.money.duplicate-reference', ['rij', 2, 'reference']],
      ['monitor.money.duplicate-reference', ['rij', 4, 'reference']],
      ['monitor.money.corrected-twice', ['rij', 5, 'corrects']],
      ['monitor.money.unknown-correction', ['rij', 6, 'corrects']],
    ]);
  });
});

describe('status steps refused before anything is written', () => {
  const s = (n: number, status: StatusEvent['status'], date: string): StatusEvent => ({ vboId: vbo(n), status, date });

  it('accepts steps in order, continuing the stored history', () => {
    expect(
      checkStatusEvents(ctx([], [s(1, 'uitgenodigd', '2026-01-01')]), [
        at(s(1, 'akkoord', '2026-02-01'), 2),
        at(s(1, 'afgezien', '2026-02-01'), 3),
      ]),
    ).toEqual([]);
  });

  it('refuses a skipped step, a step back in time, a dwelling outside every plan and dates outside the programme', () => {
    const issues = checkStatusEvents(ctx([], [s(1, 'uitgenodigd', '2026-03-01')]), [
      at(s(1, 'natuurvrij', '2026-04-01'), 2),
      at(s(1, 'akkoord', '2026-02-01'), 3),
      at(s(99, 'uitgenodigd', '2026-02-01'), 4),
      at(s(2, 'uitgenodigd', '2024-06-01'), 5),
      at(s(3, 'uitgenodigd', '2034-01-01'), 6),
      at(s(4, 'geïsoleerd', '2026-01-01'), 7),
    ]);
    expect(codes(issues)).toEqual([
      ['monitor.status.skip', ['rij', 2, 'status']],
      ['monitor.status.out-of-order', ['rij', 3, 'date']],
      ['monitor.status.outside-plan', ['rij', 4, 'vboId']],
      ['monitor.status.before-start', ['rij', 5, 'date']],
      ['monitor.status.after-end', ['rij', 6, 'date']],
      ['monitor.status.skip', ['rij', 7, 'status']],
    ]);
    expect(issues[0]!.message).toBe(
      `dwelling ${vbo(1)}: natuurvrij cannot follow uitgenodigd; allowed: akkoord, afgezien`,
    );
  });
});
