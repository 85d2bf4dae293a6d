import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statsTable, statsAsCsv } from '../../cli/stats-format.ts';
import { acquisitionExportTable } from '../../engine/acquisition/export-table.ts';
import type { ExportTable } from '../../engine/acquisition/export-table.ts';
import { DEFAULT_ACQUISITION_CONFIG } from '../../engine/acquisition/params.ts';
import { planAcquisition } from '../../engine/acquisition/plan.ts';
import { dwellingStats } from '../../engine/dwelling-stats.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { parsePlanInput } from '../../engine/planner/plan-input.ts';
import { planRetrofit } from '../../engine/planner/planner.ts';
import type { Plan } from '../../engine/planner/plan-types.ts';
import { SCENARIO_SUMMARY } from '../../engine/test-fixtures/scenario-summary.ts';
import { securityDataset } from '../../engine/test-fixtures/security-dataset.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { smallScores } from '../../engine/test-fixtures/small-scores.ts';
import { rankVves } from '../../engine/vve/vve-assess.ts';
import { rankingBody } from '../../engine/vve/vve-body.ts';
import { DEFAULT_VVE_CONFIG } from '../../engine/vve/vve-config.ts';
import { vveExportTable } from '../../engine/vve/vve-export-table.ts';
import { owners, vveDataset } from '../../engine/vve/vve-fixture.ts';
import { buildBlocks } from '../../engine/blocks/blocks.ts';
import { potentialExportTable } from '../../engine/potential/potential-export-table.ts';
import { potentialMap } from '../../engine/potential/potential-map.ts';
import { DEFAULT_POTENTIAL_WEIGHTS } from '../../engine/potential/potential-weights.ts';
import { potentialFixture } from '../../engine/test-fixtures/potential-fixture.ts';
import { exportAcquisition } from '../../geodata/exports/acquisition-export.ts';
import { POTENTIAL_SHEET, exportPotential } from '../../geodata/exports/potential-export.ts';
import {
  COMPARE_SHEET,
  compareChartCsv,
  compareChartTable,
  compareChartXlsx,
} from '../../geodata/exports/compare-export.ts';
import type { ExportMeta } from '../../geodata/exports/export-meta.ts';
import { PLAN_SHEET, planAsCsv, planAsXlsx, planExportTable } from '../../geodata/exports/plan-export.ts';
import {
  NOTIFICATION_SHEET,
  notificationTable,
  notificationsAsCsv,
  notificationsAsXlsx,
} from '../../geodata/exports/plan-notifications.ts';
import { resultCsv, resultTable, targetsCsv, targetsTable } from '../../geodata/exports/scenario-csv.ts';
import { scoresAsCsv, scoresTable } from '../../geodata/exports/scores-csv.ts';
import { VVE_SHEET, exportVve } from '../../geodata/exports/vve-export.ts';
import { progressReportXlsx } from '../../geodata/exports/progress-report-export.ts';
import { progressReportFromRecords } from '../../engine/progress/progress-report.ts';
import { documentTables } from '../../engine/progress/report-document.ts';
import { TEST_PLAN, TEST_SETTINGS } from '../../engine/monitor/monitor-test-plan.ts';
import { TABLE_SHEET } from '../../geodata/exports/xlsx-writer.ts';
import { REPORT_COLUMNS, RejectReport } from '../../geodata/importers/reject-report.ts';
import { rejectReasonNl } from '../../geodata/importers/reject-reasons-nl.ts';
import { exportSavedPlan, savedPlanExport } from '../../server/plans/plan-export-file.ts';
import type { StoredPlan } from '../../server/plans/plan-store.ts';

/**
 * Every CSV and XLSX file the product writes, made by the product's own export functions from test fixtures, each
 * with the table its writer was given (the typed values a spreadsheet must show back). The round-trip test opens
 * them all in a spreadsheet program; WRITER_MODULES lists the modules they come from, and the test fails when a
 * module that imports a shared writer is not listed here (a new export must join the catalogue).
 */
export interface CatalogueFile {
  /** File name as the product names it (`.csv` or `.xlsx`), unique in the catalogue. */
  name: string;
  body: Buffer;
  table: ExportTable;
  /** XLSX: the sheet holding the table. */
  sheet?: string;
  /** User-facing exports: the export time their metadata states (in Europe/Amsterdam time). */
  exportedAt?: string;
  /** Files without the metadata block state the synthetic data in a `synthetisch` column instead. */
  synthetic: boolean;
}

/** The modules that call the shared writers, each covered by at least one file below. */
export const WRITER_MODULES = [
  'geodata/exports/acquisition-export.ts',
  'geodata/exports/vve-export.ts',
  'geodata/exports/plan-export.ts',
  'geodata/exports/plan-notifications.ts',
  'geodata/exports/scenario-csv.ts',
  'geodata/exports/scores-csv.ts',
  'geodata/importers/reject-report.ts',
  'cli/stats-format.ts',
  'server/plans/plan-export-file.ts',
  'geodata/exports/compare-export.ts',
  'geodata/exports/progress-report-export.ts',
  'geodata/exports/potential-export.ts',
] as const;

const EXPORTED_AT = '2025-07-01T10:15:30.000Z'; // 12:15:30 CEST in Roosendaal
const who = (role: string): ExportMeta['exportedBy'] => ({ name: `test-${role}`, role, via: 'session' });

function acquisitionPlan() {
  const ds = securityDataset();
  // A few dwellings with six or more nuisance reports, so the class "6+" (which spreadsheets read as 6) is exported.
  for (const s of ds.signals!.slice(0, 3)) s.nuisanceReports = 7;
  const r = planAcquisition({
    dwellings: ds.dwellings,
    vves: ds.vves,
    signals: ds.signals!,
    config: DEFAULT_ACQUISITION_CONFIG,
  });
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return { ds, plan: r.value };
}

async function acquisitionFiles(): Promise<CatalogueFile[]> {
  const { ds, plan } = acquisitionPlan();
  const buurtNames = new Map(ds.buurten.map((b) => [b.buurtcode, b.buurtnaam]));
  const purpose = { id: 'aanpak-woonoverlast', label: 'Aanpak woonoverlast' };
  const table = acquisitionExportTable(plan, { purpose: purpose.id, buurtNames });
  const meta = {
    exportedBy: who('gemeente'),
    exportedAt: EXPORTED_AT,
    dataset: { name: ds.meta.name, dataDate: ds.meta.dataDate, synthetic: true },
    purpose,
    signalSource: 'synthetic' as const,
  };
  return Promise.all(
    (['csv', 'xlsx'] as const).map(async (f) => {
      const file = await exportAcquisition(plan, f, meta, buurtNames);
      return {
        name: file.fileName,
        body: file.body,
        table,
        sheet: TABLE_SHEET,
        exportedAt: EXPORTED_AT,
        synthetic: true,
      };
    }),
  );
}

async function vveFiles(): Promise<CatalogueFile[]> {
  const ds = vveDataset([
    { vveId: 'VVE-A', ownership: [...owners(3, 'corporatie'), ...owners(7)] },
    { vveId: 'VVE-B', ownership: [...owners(6, 'corporatie'), ...owners(4)] },
  ]);
  // KvK numbers are eight digits and may start with a zero, which a spreadsheet that reads a number drops.
  ds.vves[0]!.kvkNumber = '01234567';
  ds.vves[1]!.kvkNumber = '71234568';
  const r = rankVves(ds, { config: DEFAULT_VVE_CONFIG });
  if (!r.ok) throw new Error('VvE ranking failed');
  const body = rankingBody(ds.meta, r.value, r.warnings, DEFAULT_VVE_CONFIG);
  const table = vveExportTable(body);
  return Promise.all(
    (['csv', 'xlsx'] as const).map(async (f) => {
      const file = await exportVve(body, f, { exportedBy: who('vhf'), exportedAt: EXPORTED_AT });
      return {
        name: file.fileName,
        body: file.body,
        table,
        sheet: VVE_SHEET,
        exportedAt: EXPORTED_AT,
        synthetic: true,
      };
    }),
  );
}

async function retrofitPlan(): Promise<Plan> {
  const input = parsePlanInput({
    runDate: '2025-07-01',
    budgetEur: 60_000,
    capacity: { perSeason: { dwellings: 10 } },
    solver: 'greedy',
    contractors: [{ name: 'Aannemer Zuid', buurten: ['BU16740202'] }],
  });
  if (!input.ok) throw new Error(JSON.stringify(input.issues));
  const r = await planRetrofit(smallDataset(), input.value, [], { now: () => 0 });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function planFiles(): Promise<CatalogueFile[]> {
  const plan = await retrofitPlan();
  const ctx = { exportedBy: who('vhf'), exportedAt: EXPORTED_AT };
  const common = { exportedAt: EXPORTED_AT, synthetic: true };
  const { table } = planExportTable(plan);
  const notices = notificationTable(plan);
  const stored = storedPlan(plan);
  const saved = savedPlanExport(stored, ctx.exportedBy, EXPORTED_AT).table;
  const savedFile = async (f: 'csv' | 'xlsx' | 'meldingen-csv' | 'meldingen-xlsx') =>
    (await exportSavedPlan(stored, f, ctx.exportedBy, EXPORTED_AT)).body;
  return [
    { name: 'plan.csv', body: Buffer.from(planAsCsv(plan, ctx), 'utf8'), table, ...common },
    { name: 'plan.xlsx', body: await planAsXlsx(plan, ctx), table, sheet: PLAN_SHEET, ...common },
    { name: 'meldingen.csv', body: Buffer.from(notificationsAsCsv(plan, ctx), 'utf8'), table: notices, ...common },
    {
      name: 'meldingen.xlsx',
      body: await notificationsAsXlsx(plan, ctx),
      table: notices,
      sheet: NOTIFICATION_SHEET,
      ...common,
    },
    { name: 'uitvoeringsplan.csv', body: await savedFile('csv'), table: saved, ...common },
    { name: 'uitvoeringsplan.xlsx', body: await savedFile('xlsx'), table: saved, sheet: PLAN_SHEET, ...common },
    { name: 'uitvoeringsplan-meldingen.csv', body: await savedFile('meldingen-csv'), table: notices, ...common },
    {
      name: 'uitvoeringsplan-meldingen.xlsx',
      body: await savedFile('meldingen-xlsx'),
      table: notices,
      sheet: NOTIFICATION_SHEET,
      ...common,
    },
  ];
}

/** A saved plan as the plan store hands it to the export route; the first dwelling has a status set. */
function storedPlan(plan: Plan): StoredPlan {
  const dwellings = plan.batches.flatMap((b) => b.dwellings.map((d) => ({ vboId: d.vboId, batchId: b.id })));
  return {
    id: 3,
    name: 'Najaar 2025',
    createdBy: 'test-vhf',
    createdAt: '2025-07-01T08:00:00.000Z',
    parentId: null,
    rootId: 3,
    version: 1,
    supersededBy: null,
    dataset: { name: plan.meta.dataset.name, sha256: '0'.repeat(64), synthetic: true },
    solver: plan.meta.solver.used,
    objective: plan.meta.objective,
    gap: null,
    greedyObjective: plan.meta.greedyObjective,
    dwellings: dwellings.length,
    batches: plan.batches.length,
    statusCounts: { voorgesteld: dwellings.length - 1, onderzoek: 1, natuurvrij: 0, geïsoleerd: 0, afgezien: 0 },
    input: plan.meta.input,
    plan,
    statuses: dwellings.map((d, i) => ({
      ...d,
      status: i === 0 ? 'onderzoek' : 'voorgesteld',
      updatedAt: '2025-07-01T09:00:00.000Z',
      updatedBy: 'test-vhf',
    })),
    history: [],
  };
}

function rejectReportFile(): CatalogueFile {
  const dir = mkdtempSync(join(tmpdir(), 'voorraad-reject-'));
  try {
    const report = new RejectReport(join(dir, 'afgewezen.csv'));
    const rejections = [
      { row: '12', field: 'identificatie', reason: 'invalid.vbo-id', message: '0363010000123456x is geen BAG-id' },
      { row: '13', field: 'postcode', reason: 'invalid.postcode', message: '=HYPERLINK("x") is geen postcode' },
      { row: 'verblijfsobject fid 9', field: 'klasse', reason: 'invalid.band', message: '1-2' },
    ];
    for (const r of rejections) report.add(r);
    const path = report.commit()!;
    return {
      name: 'afgewezen.csv',
      body: readFileSync(path),
      table: {
        columns: [...REPORT_COLUMNS],
        rows: rejections.map((r) => ({
          rij: /^\d+$/.test(r.row) ? Number(r.row) : r.row,
          veld: r.field,
          reden: rejectReasonNl(r.reason),
          code: r.reason,
          melding: r.message,
        })),
      },
      synthetic: false,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The compare page's chart download: A is the fixture result, B the same with other medians. */
async function compareFiles(): Promise<CatalogueFile[]> {
  const a = SCENARIO_SUMMARY;
  const shift = (xs: readonly (number | null)[]) => xs.map((x) => (x === null ? null : x * 0.9));
  const b = {
    ...a,
    scenario: { ...a.scenario, id: 'b', name: 'Verkopen' },
    series: {
      BU16740202: Object.fromEntries(
        Object.entries(a.series.BU16740202!).map(([k, v]) => [k, { ...v, p50: shift(v.p50) }]),
      ),
    },
  };
  const ctx = { exportedBy: who('gemeente'), exportedAt: EXPORTED_AT, dataset: { ...a.dataset } };
  const metrics = ['share-corporation', 'average-label'];
  const table = compareChartTable(a, b, 'BU16740202', metrics);
  const common = { table, exportedAt: EXPORTED_AT, synthetic: true };
  return [
    {
      name: 'vergelijking.csv',
      body: Buffer.from(compareChartCsv(a, b, 'BU16740202', metrics, ctx), 'utf8'),
      ...common,
    },
    {
      name: 'vergelijking.xlsx',
      body: Buffer.from(await compareChartXlsx(a, b, 'BU16740202', metrics, ctx)),
      sheet: COMPARE_SHEET,
      ...common,
    },
  ];
}

/** The quarterly progress report's XLSX (one sheet per table); the catalogue checks its per-buurt sheet. */
async function progressReportFiles(): Promise<CatalogueFile[]> {
  const small = smallDataset();
  const r = progressReportFromRecords({
    quarter: '2026Q4',
    settings: TEST_SETTINGS,
    plan: TEST_PLAN,
    statuses: [],
    money: [],
    generatedAt: EXPORTED_AT,
    dataset: small.meta,
    buurten: small.buurten,
    snapshots: [],
    targets: { id: 'catalogus', retrieved: '2026-12-08', targets: [] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const table = documentTables(r.value).find((t) => t.sheet === 'Per buurt')!;
  return [
    {
      name: 'voortgangsrapportage.xlsx',
      body: Buffer.from(await progressReportXlsx(r.value, who('vhf'))),
      table,
      sheet: table.sheet,
      exportedAt: EXPORTED_AT,
      synthetic: true,
    },
  ];
}

async function potentialFiles(): Promise<CatalogueFile[]> {
  const { ds, indicators } = potentialFixture();
  const map = potentialMap(buildBlocks(ds).blocks, indicators, DEFAULT_POTENTIAL_WEIGHTS, 'verkoop');
  const table = potentialExportTable(map, { purpose: 'gebiedsvisie', dataDate: ds.meta.dataDate });
  return Promise.all(
    (['csv', 'xlsx'] as const).map(async (f) => {
      const file = await exportPotential(map, f, {
        exportedBy: who('alwel'),
        exportedAt: EXPORTED_AT,
        dataset: { name: ds.meta.name, dataDate: ds.meta.dataDate, synthetic: true },
        purpose: 'gebiedsvisie',
        signalSource: 'synthetic',
        referenceYear: 2026,
      });
      return {
        name: file.fileName,
        body: file.body,
        table,
        sheet: POTENTIAL_SHEET,
        exportedAt: EXPORTED_AT,
        synthetic: true,
      };
    }),
  );
}

function csvFile(name: string, body: string, table: ExportTable): CatalogueFile {
  return { name, body: Buffer.from(body, 'utf8'), table, synthetic: true };
}

/** Every file, in a fixed order. */
export async function allExports(): Promise<CatalogueFile[]> {
  const scores = smallScores().rows;
  const small = smallDataset();
  const stats = dwellingStats(toColumns(small.dwellings), ['buurt', 'type', 'ownership', 'period', 'wozBand']);
  return [
    ...(await acquisitionFiles()),
    ...(await vveFiles()),
    ...(await planFiles()),
    csvFile('scenario.csv', resultCsv(SCENARIO_SUMMARY), resultTable(SCENARIO_SUMMARY)),
    csvFile('scenario-doelen.csv', targetsCsv(SCENARIO_SUMMARY), targetsTable(SCENARIO_SUMMARY)),
    csvFile('scores.csv', scoresAsCsv(scores, true), scoresTable(scores, true)),
    csvFile('stats.csv', statsAsCsv(stats, true), statsTable(stats, true)),
    rejectReportFile(),
    ...(await compareFiles()),
    ...(await progressReportFiles()),
    ...(await potentialFiles()),
  ];
}
