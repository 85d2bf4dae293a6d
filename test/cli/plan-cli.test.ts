import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { planSchema } from '../../engine/planner/plan-types.ts';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { PLAN_SHEET } from '../../geodata/exports/plan-export.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { captureOutput } from './capture-output.ts';

// The plan starts at the run date: pin the clock (only Date; the planner worker runs on real timers).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-07-01T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const tmp = mkdtempSync(join(tmpdir(), 'voorraad-plan-'));
const dataset = join(tmp, 'small.gpkg');
writeDataset(dataset, smallDataset());
const BASE = ['plan', '--dataset', dataset, '--until', '2033-12-31'];

describe('voorraad plan: bad input', () => {
  const cases: [string, string[], string][] = [
    ['a negative budget', ['--budget=-5'], 'plan.budget.negative'],
    ['an end before the start', ['--budget', '1000', '--from', '2034-01-01'], 'plan.window.until-before-from'],
    ['a capacity of zero', ['--budget', '1000', '--capacity', '0'], 'plan.capacity.zero'],
    ['an unknown solver', ['--budget', '1000', '--solver', 'cplex'], 'plan.solver.unknown'],
    ['no budget', [], 'plan.input.invalid'],
    ['a budget that is not a number', ['--budget', 'veel'], 'plan.input.invalid'],
    ['an export of an unknown kind', ['--budget', '1000', '--export', 'plan.pdf'], 'plan.input.invalid'],
  ];
  for (const [what, args, code] of cases) {
    it(`${what} → ${code}, exit 2`, async () => {
      const r = await captureOutput(() => main([...BASE, ...args]));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(code);
      expect(r.stdout).toBe('');
    });
  }

  it('an unreadable dataset → plan.dataset.unreadable, exit 2', async () => {
    const r = await captureOutput(() => main(['plan', '--budget', '1000', '--dataset', join(tmp, 'missing.gpkg')]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan.dataset.unreadable');
  });

  it('an input file with a bad field names its path', async () => {
    const file = join(tmp, 'bad-input.json');
    writeFileSync(
      file,
      JSON.stringify({ budgetEur: 1000, capacity: { perSeason: { dwellings: 10 } }, batching: { unit: 'wijk' } }),
    );
    const r = await captureOutput(() => main([...BASE, '--input', file]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.input\.invalid: batching\.unit/);
  });
});

describe('voorraad plan', () => {
  it('prints a Dutch table with nl-NL numbers and the synthetic note', async () => {
    const r = await captureOutput(() => main([...BASE, '--budget', '50000', '--capacity', '10']));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SYNTHETISCHE GEGEVENS');
    expect(r.stdout).toMatch(/budget € 50\.000/);
    expect(r.stdout).toMatch(/^2025-najaar/m);
    expect(r.stdout).toContain('Niet besteed');
  }, 60_000);

  it('--format json gives a plan of the contract, identical for the same input', async () => {
    const a = await captureOutput(() => main([...BASE, '--budget', '50000', '--capacity', '10', '--format', 'json']));
    const b = await captureOutput(() => main([...BASE, '--budget', '50000', '--capacity', '10', '--format', 'json']));
    expect(a.code).toBe(0);
    const plan = planSchema.parse(JSON.parse(a.stdout));
    expect(plan.meta.timing).toBeUndefined();
    expect(plan.totals.programmeContributionEur).toBeLessThanOrEqual(50_000);
    expect(a.stdout).toBe(b.stdout);
  }, 60_000);

  it('exports CSV for Dutch Excel, XLSX with the same columns, and GeoJSON, each saying the data is synthetic', async () => {
    const csv = join(tmp, 'plan.csv'),
      xlsx = join(tmp, 'plan.xlsx'),
      geojson = join(tmp, 'plan.geojson');
    for (const f of [csv, xlsx, geojson])
      expect(
        (await captureOutput(() => main([...BASE, '--budget', '50000', '--solver', 'greedy', '--export', f]))).code,
      ).toBe(0);
    const notices = join(tmp, 'meldingen.csv');
    expect(
      (
        await captureOutput(() =>
          main([...BASE, '--budget', '50000', '--solver', 'greedy', '--notifications', notices]),
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(notices, 'utf8')).toContain(
      '\r\naannemer;week;melden_uiterlijk;natuurvrij_maken;isoleren_vanaf;isoleren_tot;straat;huisnummer;postcode',
    );
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Synthetisch;ja');
    const header =
      'verblijfsobject_id;batch;seizoen;maatregelen;natuurvrij_vanaf;isolatie_vanaf;isolatie_tot;kosten_eur;programma_bijdrage_eur;gasbesparing_m3';
    expect(text).toContain(`\r\n${header};`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('SYNTHETISCHE GEGEVENS');
    expect((ws.getRow(4).values as unknown[]).slice(1, 11).join(';')).toBe(header);
    const geo = JSON.parse(readFileSync(geojson, 'utf8')) as {
      metadata: { synthetic: boolean; dataset: { name: string } };
      features: { id: string; geometry: { type: string } }[];
    };
    expect(geo.metadata.synthetic).toBe(true);
    expect(geo.metadata.dataset.name).toBeTruthy();
    // Ids are written as text (="…") so Excel keeps all 16 digits.
    const rows = text.split('\r\n').filter((l) => /^="\d{16}";/.test(l));
    expect(geo.features.map((f) => f.id).sort()).toEqual(rows.map((l) => l.slice(2, 18)).sort());
    expect(rows.length).toBeGreaterThan(0);
  }, 120_000);
});
