import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanInput } from '../../engine/planner/plan-input.ts';
import { planRetrofit } from '../../engine/planner/planner.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { PLAN_COLUMNS, PLAN_SHEET, planAsCsv, planAsGeoJson, planAsXlsx, planExportTable } from './plan-export.ts';

async function smallPlan() {
  const input = parsePlanInput({
    runDate: '2025-07-01',
    budgetEur: 60_000,
    capacity: { perSeason: { dwellings: 10 } },
    solver: 'greedy',
  });
  if (!input.ok) throw new Error('input');
  const r = await planRetrofit(smallDataset(), input.value, [], { now: () => 0 });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const ctx = {
  exportedBy: { name: 'test', role: 'projectorganisatie', via: 'cli' as const },
  exportedAt: '2026-01-01T00:00:00.000Z',
};

describe('plan exports', () => {
  it('one row per planned dwelling with the required plan columns first', async () => {
    const plan = await smallPlan();
    const { table, locations } = planExportTable(plan);
    expect(
      PLAN_COLUMNS.slice(0, 10)
        .map((c) => c.key)
        .join(';'),
    ).toBe(
      'verblijfsobject_id;batch;seizoen;maatregelen;natuurvrij_vanaf;isolatie_vanaf;isolatie_tot;kosten_eur;programma_bijdrage_eur;gasbesparing_m3',
    );
    expect(table.rows).toHaveLength(plan.totals.dwellings);
    expect(locations).toHaveLength(plan.totals.dwellings);
    expect(table.rows.reduce((a, r) => a + Number(r.programma_bijdrage_eur), 0)).toBe(
      plan.batches.flatMap((b) => b.dwellings).reduce((a, d) => a + d.programmeContributionEur, 0),
    );
    for (const r of table.rows) {
      expect(r.straat).toBeTruthy();
      expect(String(r.postcode)).toMatch(/^\d{4}[A-Z]{2}$/);
      expect(Number(r.eigen_bijdrage_eur)).toBeGreaterThanOrEqual(0);
    }
  });

  it('CSV: BOM, semicolons, the dataset and the synthetic mark; identical bytes for the same plan and time', async () => {
    const plan = await smallPlan();
    const csv = planAsCsv(plan, ctx);
    expect(csv.startsWith('\uFEFFExport;voorraad — Verduurzamingsplanning\r\n')).toBe(true);
    expect(csv).toContain(`Dataset;${plan.meta.dataset.name}`);
    expect(csv).toContain('Synthetisch;ja — SYNTHETISCHE GEGEVENS');
    expect(planAsCsv(await smallPlan(), ctx)).toBe(csv);
    // The row count is a number a spreadsheet can compute with, not the text form ="555".
    expect(csv).toContain(`Aantal rijen;${plan.totals.dwellings}\r\n`);
  });

  it('XLSX: the plan sheet with the same columns; GeoJSON: points with the vbo id and metadata', async () => {
    const plan = await smallPlan();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planAsXlsx(plan, ctx)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(PLAN_COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(4 + plan.totals.dwellings);
    // Dates are real dates in the spreadsheet (a user sorts and filters them as dates).
    const col = PLAN_COLUMNS.findIndex((c) => c.key === 'isolatie_vanaf') + 1;
    expect(ws.getRow(5).getCell(col).value).toBeInstanceOf(Date);
    const geo = JSON.parse(planAsGeoJson(plan, ctx)) as {
      metadata: { synthetic: boolean };
      features: { id: string; properties: { verblijfsobject_id: string } }[];
    };
    expect(geo.metadata.synthetic).toBe(true);
    for (const f of geo.features) expect(f.id).toBe(f.properties.verblijfsobject_id);
  });
});
