import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanInput } from '../../engine/planner/plan-input.ts';
import { planRetrofit } from '../../engine/planner/planner.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import {
  isoWeek,
  NOTIFICATION_COLUMNS,
  NOTIFICATION_SHEET,
  notificationsAsCsv,
  notificationsAsXlsx,
  notificationTable,
  UNASSIGNED_CONTRACTOR,
} from './plan-notifications.ts';

async function smallPlan(contractors: unknown[] = []) {
  const input = parsePlanInput({
    runDate: '2025-07-01',
    budgetEur: 60_000,
    capacity: { perSeason: { dwellings: 10 } },
    solver: 'greedy',
    contractors,
  });
  if (!input.ok) throw new Error(JSON.stringify(input.issues));
  const r = await planRetrofit(smallDataset(), input.value, [], { now: () => 0 });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const ctx = {
  exportedBy: { name: 'test', role: 'projectorganisatie', via: 'cli' as const },
  exportedAt: '2026-01-01T00:00:00.000Z',
};

describe('notification export', () => {
  it('gives ISO weeks, across a year end too', () => {
    expect(isoWeek('2027-03-16')).toBe('2027-W11');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('lists each nature-rule dwelling per contractor and week with its address, both moments and the registration day', async () => {
    const plan = await smallPlan();
    const nature = plan.batches.flatMap((b) => b.dwellings).filter((d) => d.natuurvrijVanaf !== null);
    expect(nature.length).toBeGreaterThan(0);
    const buurt = plan.batches[0]!.buurtcode;
    const t = notificationTable(await smallPlan([{ name: 'Isolatie Zuid BV', buurten: [buurt] }]));
    expect(t.rows).toHaveLength(nature.length);
    for (const r of t.rows) {
      expect(r.aannemer === 'Isolatie Zuid BV' || r.aannemer === UNASSIGNED_CONTRACTOR).toBe(true);
      expect(r.week).toBe(isoWeek(String(r.natuurvrij_maken)));
      expect(String(r.melden_uiterlijk) < String(r.natuurvrij_maken)).toBe(true);
      expect(String(r.isoleren_vanaf) > String(r.natuurvrij_maken)).toBe(true);
      expect(r.straat).toBeTruthy();
      expect(String(r.postcode)).toMatch(/^\d{4}[A-Z]{2}$/);
    }
    expect(t.rows.some((r) => r.aannemer === 'Isolatie Zuid BV')).toBe(true);
    const keys = t.rows.map((r) => `${r.aannemer}|${r.week}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('writes Dutch-Excel CSV and XLSX with real dates, stating the synthetic data', async () => {
    const plan = await smallPlan();
    const csv = notificationsAsCsv(plan, ctx);
    expect(csv).toContain('Synthetisch;ja');
    expect(csv).toContain(`\r\n${NOTIFICATION_COLUMNS.map((c) => c.header).join(';')}\r\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await notificationsAsXlsx(plan, ctx)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(NOTIFICATION_SHEET)!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'aannemer') header = n;
    });
    expect(header).toBeGreaterThan(0);
    const col = NOTIFICATION_COLUMNS.findIndex((c) => c.key === 'natuurvrij_maken') + 1;
    expect(ws.getRow(header + 1).getCell(col).value).toBeInstanceOf(Date);
  });
});
