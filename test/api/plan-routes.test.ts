import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { captureOutput } from '../cli/capture-output.ts';
import {
  planInputSchema,
  planSchema,
  type FixedBatch,
  type Plan,
  type PlanInputRaw,
  type PlanIssueCode,
} from '../../engine/planner/plan-types.ts';
import { fail, ok, type Result } from '../../engine/result.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { createApp } from '../../server/app.ts';
import type { Role } from '../../server/auth/roles.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import type { PlanOptions } from '../../workers/planner-api.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { testSecurity, tokenFor } from './test-app.ts';

/**
 * The plan routes over the small fixture with a planner that keeps the planner contract (workers/planner-api.ts):
 * each dwelling is its own batch costing €10.000 (programme pays half), one season per two dwellings; fixed
 * batches come back unchanged and consume budget first; a budget below the fixed batches is infeasible. The real
 * solver runs in the browser test (test/browser/plan.browser.test.ts); here the routes, store and roles are tested.
 */
const SEASONS = ['2026-najaar', '2027-voorjaar', '2027-najaar'] as const;
const COST = 10_000;

function fakePlanner(calls: { input: PlanInputRaw; options?: PlanOptions }[]) {
  const ds = smallDataset();
  return {
    async plan(input: PlanInputRaw, options?: PlanOptions): Promise<Result<Plan, PlanIssueCode>> {
      calls.push({ input, ...(options ? { options } : {}) });
      const fixed: FixedBatch[] = options?.fixed ?? [];
      const fixedCost = fixed.reduce((a, b) => a + b.programmeContributionEur, 0);
      if (fixedCost > input.budgetEur)
        return fail({
          code: 'plan.infeasible.fixed-exceed-budget',
          message: `fixed batches need €${fixedCost}, more than the budget`,
          path: ['budgetEur'],
        });
      const taken = new Set([...fixed.flatMap((b) => b.dwellings.map((d) => d.vboId)), ...(input.exclude ?? [])]);
      const free = ds.dwellings
        .filter((d) => !taken.has(d.vboId))
        .slice(0, Math.floor((input.budgetEur - fixedCost) / (COST / 2)));
      const batches = [
        ...fixed,
        ...free.map((d, i) => {
          const season = SEASONS[Math.floor(i / 2) % SEASONS.length]!;
          const year = Number(season.slice(0, 4));
          return {
            id: `${season}:${d.pandId}`,
            season,
            unit: 'block' as const,
            unitId: d.pandId,
            buurtcode: d.buurtcode,
            programmeArea: 'Kalsdonk',
            projectPrice: false,
            corporationYear: null,
            fixed: false,
            costEur: COST,
            programmeContributionEur: COST / 2,
            gasSavingM3PerYear: 300,
            crewWeeks: 0.2,
            dwellings: [
              {
                vboId: d.vboId,
                measures: ['cavity-wall' as const],
                natuurvrijVanaf: `${year}-03-01`,
                insulationFrom: `${year}-04-15`,
                insulationUntil: `${year}-09-30`,
                costEur: COST,
                programmeContributionEur: COST / 2,
                ownerContributionEur: COST / 2,
                gasSavingM3PerYear: 300,
                route: 'pre-smp' as const,
                ownership: d.ownership,
                labelBefore: d.energyLabel.label,
                labelAfter: 'B' as const,
                location: d.location,
              },
            ],
          };
        }),
      ];
      const spent = batches.reduce((a, b) => a + b.programmeContributionEur, 0);
      return ok(
        planSchema.parse({
          kind: 'voorraad-plan',
          version: 1,
          meta: {
            dataset: { name: ds.meta.name, synthetic: true, dataDate: ds.meta.dataDate },
            input: planInputSchema.parse(input),
            solver: { requested: input.solver ?? 'mip', used: input.solver ?? 'mip', status: 'Optimal' },
            objective: 100 * batches.length,
            greedyObjective: 90 * batches.length,
            mipGap: input.solver === 'greedy' ? null : 0.001,
            bound: null,
            candidates: { dwellings: ds.dwellings.length, units: ds.dwellings.length },
          },
          seasons: SEASONS.map((id) => ({
            id,
            year: Number(id.slice(0, 4)),
            exclusionFrom: `${id.slice(0, 4)}-02-15`,
            exclusionUntil: `${id.slice(0, 4)}-03-15`,
            insulationFrom: `${id.slice(0, 4)}-04-15`,
            insulationUntil: `${id.slice(0, 4)}-09-30`,
          })),
          batches,
          totals: {
            dwellings: batches.length,
            batches: batches.length,
            costEur: batches.length * COST,
            programmeContributionEur: spent,
            ownerContributionEur: spent,
            gasSavingM3PerYear: 300 * batches.length,
            energyPoorHouseholds: 0.5,
            bySeason: [],
            byYear: [],
          },
          unspent: {
            eur: input.budgetEur - spent,
            reason:
              input.budgetEur - spent > 0 ? { code: 'plan.binding.candidates', message: 'no more candidates' } : null,
          },
          warnings: [],
        }),
      );
    },
  };
}

async function setup() {
  const clock = { now: new Date('2025-07-01T10:00:00Z') };
  const ds = smallDataset();
  const engine = createEngineService();
  await engine.load(toColumns(ds.dwellings));
  const sec = await testSecurity(ds);
  const calls: { input: PlanInputRaw; options?: PlanOptions }[] = [];
  const app = createApp({
    data: loadDatasetIntoMemory(ds),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    ...sec,
    planner: fakePlanner(calls),
    plans: { now: () => clock.now },
  });
  const tokens = Object.fromEntries(
    (['gemeente', 'alwel', 'vhf', 'viewer'] as Role[]).map((r) => [r, tokenFor(sec.security, r)]),
  ) as Record<Role, string>;
  const as =
    (role: Role) =>
    (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${tokens[role]}`);
      if (init.json !== undefined) headers.set('content-type', 'application/json');
      return app.request(path, {
        ...init,
        headers,
        ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      });
    };
  return { ds, app, as, calls, audit: sec.security.audit, clock };
}

const INPUT = { budgetEur: 30_000, capacity: { perSeason: { dwellings: 10 } }, solver: 'mip' };

describe('plan routes', () => {
  it('creates a plan in the planner, saves it and reads it back with statuses and history', async () => {
    const { as, calls, audit, ds } = await setup();
    const res = await as('vhf')('/api/plans', { method: 'POST', json: { name: 'Proefplan', input: INPUT } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: number;
      plan: Plan;
      statuses: { vboId: string; status: string }[];
      history: { action: string; actor: string }[];
      dataset: { sha256: string; synthetic: boolean };
      solver: string;
      gap: number;
      greedyObjective: number;
      permissions: unknown;
    };
    expect(body).toMatchObject({
      id: 1,
      name: 'Proefplan',
      createdBy: 'test-vhf',
      version: 1,
      solver: 'mip',
      gap: 0.001,
      greedyObjective: 540,
      dwellings: 6,
      batches: 6,
      synthetic: true,
      permissions: { create: true, updateStatus: true, export: true },
    });
    expect(body.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.statuses.map((s) => s.status)).toEqual(Array(6).fill('voorgesteld'));
    expect(body.history).toMatchObject([{ action: 'create', actor: 'test-vhf' }]);
    // The input reached the planner validated, with the API time limit added.
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toMatchObject({
      budgetEur: 30_000,
      timeLimitSeconds: 30,
      window: { from: '2025-07-01', until: '2033-12-31' },
    });
    expect(calls[0]!.options?.fixed).toBeUndefined();
    expect(audit.list({ limit: 5, action: 'plan.create' })).toMatchObject([
      { actor: 'test-vhf', object: 'plan:1', detail: { dwellings: 6 } },
    ]);

    const list = (await (await as('alwel')('/api/plans')).json()) as {
      plans: { id: number; statusCounts: Record<string, number> }[];
      permissions: unknown;
    };
    expect(list.plans.map((p) => p.id)).toEqual([1]);
    expect(list.plans[0]!.statusCounts.voorgesteld).toBe(6);
    expect(list.permissions).toEqual({ create: false, updateStatus: false, export: false });
    const one = await as('alwel')('/api/plans/1');
    expect(one.status).toBe(200);
    expect(((await one.json()) as { plan: Plan }).plan.batches.map((b) => b.dwellings[0]!.vboId)).toEqual(
      ds.dwellings.map((d) => d.vboId),
    );
    // The read returned per-address statuses: it is audited (who, which plan).
    expect(audit.list({ limit: 5, action: 'plan.read' })).toMatchObject([
      { actor: 'test-alwel', object: 'plan:1', result: 'ok', detail: { dwellings: 6 } },
    ]);
  });

  it('rejects bad input with a coded 400 naming the path, before the planner runs', async () => {
    const { as, calls } = await setup();
    const post = (json: unknown) => as('vhf')('/api/plans', { method: 'POST', json });
    const cases: [unknown, string, (string | number)[]][] = [
      [{ name: 'x', input: { ...INPUT, budgetEur: -1 } }, 'plan.budget.negative', ['body', 'input', 'budgetEur']],
      [
        { name: 'x', input: { ...INPUT, window: { from: '2030-01-01', until: '2026-01-01' } } },
        'plan.window.until-before-from',
        ['body', 'input', 'window', 'until'],
      ],
      [
        { name: 'x', input: { ...INPUT, capacity: { perSeason: { dwellings: 0 } } } },
        'plan.capacity.zero',
        ['body', 'input', 'capacity', 'perSeason', 'dwellings'],
      ],
      [{ name: 'x', input: { ...INPUT, solver: 'simplex' } }, 'plan.solver.unknown', ['body', 'input', 'solver']],
      [
        { name: 'x', input: { ...INPUT, timeLimitSeconds: 600 } },
        'plan.time-limit.too-long',
        ['body', 'input', 'timeLimitSeconds'],
      ],
      [{ name: '', input: INPUT }, 'body.invalid', ['body', 'name']],
      [{ name: 'x', input: INPUT, extra: 1 }, 'body.unknown-key', ['body']],
    ];
    for (const [json, code, path] of cases) {
      const res = await post(json);
      expect(res.status, code).toBe(400);
      expect(await res.json(), code).toMatchObject({ code, path });
    }
    const notJson = await as('vhf')('/api/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(await notJson.json()).toMatchObject({ code: 'body.json' });
    expect(calls).toHaveLength(0);
    expect((await as('vhf')('/api/plans/abc')).status).toBe(400);
    expect((await as('vhf')('/api/plans/42')).status).toBe(404);
  });

  it('changes statuses along the allowed transitions only (JSON only), and audits each change', async () => {
    const { as, ds, audit } = await setup();
    await as('vhf')('/api/plans', { method: 'POST', json: { name: 'P', input: INPUT } });
    const vbo = ds.dwellings[0]!.vboId;
    const patch = (status: string, who: Role = 'vhf', id = vbo) =>
      as(who)(`/api/plans/1/dwellings/${id}`, { method: 'PATCH', json: { status, reason: 'test' } });
    let res = await patch('onderzoek');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      planId: 1,
      vboId: vbo,
      from: 'voorgesteld',
      status: 'onderzoek',
      updatedBy: 'test-vhf',
    });
    res = await patch('geïsoleerd');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'plan.status.transition', path: ['status'] });
    expect(await (await patch('klaar')).json()).toMatchObject({ code: 'body.invalid', path: ['body', 'status'] });
    expect((await patch('natuurvrij', 'gemeente')).status).toBe(200);
    expect((await patch('onderzoek', 'vhf', '9999999999999999')).status).toBe(404);
    expect((await patch('onderzoek', 'alwel')).status).toBe(403);
    expect((await patch('onderzoek', 'viewer')).status).toBe(403);
    const form = await as('vhf')(`/api/plans/1/dwellings/${vbo}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=geïsoleerd',
    });
    expect(form.status).toBe(415);
    expect(audit.list({ limit: 10, action: 'plan.status' }).map((e) => [e.actor, e.detail.from, e.detail.to])).toEqual([
      ['test-gemeente', 'onderzoek', 'natuurvrij'],
      ['test-vhf', 'voorgesteld', 'onderzoek'],
    ]);
    const detail = (await (await as('vhf')('/api/plans/1')).json()) as {
      history: { action: string; from: string | null; to: string | null }[];
    };
    expect(detail.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['create', null, null],
      ['status', 'voorgesteld', 'onderzoek'],
      ['status', 'onderzoek', 'natuurvrij'],
    ]);
  });

  it('re-plans with started batches fixed, carries statuses over and links the versions', async () => {
    const { as, ds, calls, clock } = await setup();
    await as('vhf')('/api/plans', { method: 'POST', json: { name: 'P', input: INPUT } });
    const [a, b, c] = ds.dwellings.map((d) => d.vboId) as [string, string, string];
    await as('vhf')(`/api/plans/1/dwellings/${a}`, { method: 'PATCH', json: { status: 'onderzoek' } });
    await as('vhf')(`/api/plans/1/dwellings/${b}`, { method: 'PATCH', json: { status: 'afgezien' } });
    const old = (await (await as('vhf')('/api/plans/1')).json()) as { plan: Plan };
    const res = await as('vhf')('/api/plans/1/replan', {
      method: 'POST',
      json: { reason: 'aannemer later', input: { ...INPUT, budgetEur: 20_000 } },
    });
    expect(res.status).toBe(201);
    const v2 = (await res.json()) as {
      id: number;
      parentId: number;
      version: number;
      plan: Plan;
      statuses: { vboId: string; status: string }[];
      history: { action: string; reason: string }[];
    };
    expect(v2).toMatchObject({ id: 2, parentId: 1, version: 2, name: 'P' });
    // Only the batch with work under way was fixed, and it came back unchanged.
    // The answers so far (a accepted: onderzoek; b declined) feed the uptake model of its buurt.
    expect(calls[1]!.input.uptake!.observed).toEqual([
      { buurtcode: ds.dwellings[0]!.buurtcode, accepted: 1, declined: 1 },
    ]);
    const fixed = calls[1]!.options!.fixed!;
    expect(fixed.map((x) => x.id)).toEqual([old.plan.batches[0]!.id]);
    expect(fixed[0]).toEqual(old.plan.batches[0]);
    expect(v2.plan.batches[0]).toEqual(old.plan.batches[0]);
    const status = new Map(v2.statuses.map((s) => [s.vboId, s.status]));
    expect(status.get(a)).toBe('onderzoek');
    // b was afgezien in a batch not under way: excluded from the new version (see the next test).
    expect(status.get(b)).toBeUndefined();
    expect(status.get(c)).toBe('voorgesteld');
    expect(v2.history.map((h) => h.action)).toEqual(['create', 'status', 'status', 'replan']);
    expect(v2.history.at(-1)!.reason).toBe('aannemer later');
    // The old version is read-only now.
    const summary = (
      (await (await as('vhf')('/api/plans')).json()) as { plans: { id: number; supersededBy: number | null }[] }
    ).plans;
    expect(summary).toEqual([
      expect.objectContaining({ id: 2, supersededBy: null }),
      expect.objectContaining({ id: 1, supersededBy: 2 }),
    ]);
    expect(
      await (await as('vhf')(`/api/plans/1/dwellings/${c}`, { method: 'PATCH', json: { status: 'onderzoek' } })).json(),
    ).toMatchObject({ code: 'plan.superseded' });
    expect((await as('vhf')('/api/plans/1/replan', { method: 'POST', json: {} })).status).toBe(409);
    // A re-plan a season later, with the saved input, starts at its own run date (the passed seasons hold only fixed work).
    clock.now = new Date('2026-01-10T09:00:00Z');
    await as('vhf')('/api/plans/2/replan', { method: 'POST', json: {} });
    expect(calls[2]!.input).toMatchObject({ runDate: '2026-01-10', window: { from: '2026-01-10' }, budgetEur: 20_000 });
  });

  it('re-plans without the dwellings marked afgezien in batches not yet started, and keeps them out in later versions', async () => {
    const { as, ds, calls } = await setup();
    await as('vhf')('/api/plans', { method: 'POST', json: { name: 'P', input: INPUT } });
    const [a, b, c] = ds.dwellings.map((d) => d.vboId) as [string, string, string];
    await as('vhf')(`/api/plans/1/dwellings/${a}`, { method: 'PATCH', json: { status: 'onderzoek' } });
    await as('vhf')(`/api/plans/1/dwellings/${b}`, { method: 'PATCH', json: { status: 'afgezien' } });
    expect((await as('vhf')('/api/plans/1/replan', { method: 'POST', json: {} })).status).toBe(201);
    expect(calls[1]!.input.exclude).toEqual([b]);
    const v2 = (await (await as('vhf')('/api/plans/2')).json()) as { plan: Plan };
    const proposed = v2.plan.batches.flatMap((x) => x.dwellings.map((d) => d.vboId));
    expect(proposed).toContain(a);
    expect(proposed).toContain(c);
    expect(proposed).not.toContain(b);
    expect(v2.plan.meta.input.exclude).toEqual([b]);
    // A later re-plan with a fresh input (no exclude) still leaves b out; a new afgezien (c) joins it.
    await as('vhf')(`/api/plans/2/dwellings/${c}`, { method: 'PATCH', json: { status: 'afgezien' } });
    expect((await as('vhf')('/api/plans/2/replan', { method: 'POST', json: { input: INPUT } })).status).toBe(201);
    expect(calls[2]!.input.exclude).toEqual([b, c].sort());
  });

  it('answers 422 with the binding constraint when no plan can be made', async () => {
    const { as } = await setup();
    await as('vhf')('/api/plans', { method: 'POST', json: { name: 'P', input: INPUT } });
    await as('vhf')(`/api/plans/1/dwellings/${smallDataset().dwellings[0]!.vboId}`, {
      method: 'PATCH',
      json: { status: 'onderzoek' },
    });
    const res = await as('vhf')('/api/plans/1/replan', {
      method: 'POST',
      json: { input: { ...INPUT, budgetEur: 1_000 } },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: 'plan.infeasible.fixed-exceed-budget',
      path: ['body', 'input', 'budgetEur'],
    });
    expect(((await (await as('vhf')('/api/plans')).json()) as { plans: unknown[] }).plans).toHaveLength(1);
  });

  it('exports CSV for Dutch Excel with the required columns, statuses and the synthetic statement; XLSX and GeoJSON too; every export audited', async () => {
    const { as, ds, audit } = await setup();
    await as('vhf')('/api/plans', { method: 'POST', json: { name: 'Exportplan', input: INPUT } });
    await as('vhf')(`/api/plans/1/dwellings/${ds.dwellings[1]!.vboId}`, {
      method: 'PATCH',
      json: { status: 'onderzoek' },
    });
    const csv = await as('vhf')('/api/plans/1/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="uitvoeringsplan-1-v1.csv"');
    const notices = await as('vhf')('/api/plans/1/export?format=meldingen-csv');
    expect(notices.status).toBe(200);
    expect(notices.headers.get('content-disposition')).toBe('attachment; filename="meldingen-1-v1.csv"');
    expect(await notices.text()).toContain('aannemer;week;melden_uiterlijk;natuurvrij_maken;isoleren_vanaf');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).slice(1).split('\r\n');
    expect(lines).toContain('Synthetisch;ja — SYNTHETISCHE GEGEVENS — geen echte woningen, adressen of eigenaren');
    expect(lines.some((l) => l.startsWith('Dataset;Proefset'))).toBe(true);
    const header = lines.findIndex((l) => l.startsWith('verblijfsobject_id;'));
    expect(lines[header]!.split(';').slice(0, 10)).toEqual([
      'verblijfsobject_id',
      'batch',
      'seizoen',
      'maatregelen',
      'natuurvrij_vanaf',
      'isolatie_vanaf',
      'isolatie_tot',
      'kosten_eur',
      'programma_bijdrage_eur',
      'gasbesparing_m3',
    ]);
    // Ids and dates are written as text (="…") so Excel keeps them as they are.
    const rows = lines
      .slice(header + 1)
      .filter((l) => l !== '')
      .map((l) => l.split(';').map((c) => c.replace(/^="(.*)"$/, '$1')));
    expect(rows).toHaveLength(6);
    const statusAt = lines[header]!.split(';').indexOf('status');
    expect(rows[1]!.slice(0, 10)).toEqual([
      ds.dwellings[1]!.vboId,
      `2026-najaar:${ds.dwellings[1]!.pandId}`,
      '2026-najaar',
      'spouwmuurisolatie',
      '2026-03-01',
      '2026-04-15',
      '2026-09-30',
      '10000',
      '5000',
      '300',
    ]);
    expect(rows.map((r) => r[statusAt])).toEqual([
      'voorgesteld',
      'onderzoek',
      'voorgesteld',
      'voorgesteld',
      'voorgesteld',
      'voorgesteld',
    ]);

    const geo = (await (await as('gemeente')('/api/plans/1/export?format=geojson')).json()) as {
      metadata: { synthetic: boolean; dataset: { name: string } };
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(geo.metadata).toMatchObject({ synthetic: true, dataset: { name: 'Proefset' } });
    expect(geo.features).toHaveLength(6);
    expect(geo.features[0]!.geometry.coordinates).toEqual(ds.dwellings[0]!.location);
    expect(geo.features[0]!.properties).toMatchObject({
      verblijfsobject_id: ds.dwellings[0]!.vboId,
      kosten_eur: 10000,
      status: 'voorgesteld',
    });

    const xlsx = await as('vhf')('/api/plans/1/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('SYNTHETISCHE GEGEVENS');
    expect((ws.getRow(4).values as unknown[]).slice(1, 11)).toEqual([
      'verblijfsobject_id',
      'batch',
      'seizoen',
      'maatregelen',
      'natuurvrij_vanaf',
      'isolatie_vanaf',
      'isolatie_tot',
      'kosten_eur',
      'programma_bijdrage_eur',
      'gasbesparing_m3',
    ]);
    expect(ws.name).toBe('Planning');
    expect(ws.rowCount).toBe(4 + 6);
    expect(wb.getWorksheet('Over deze export')!.getColumn(2).values.map(String).join('\n')).toContain(
      'Opgeslagen plan 1, versie 1',
    );

    expect((await as('vhf')('/api/plans/1/export?format=pdf')).status).toBe(400);
    expect((await as('vhf')('/api/plans/7/export?format=csv')).status).toBe(404);
    expect(
      audit.list({ limit: 10, action: 'export' }).map((e) => [e.actor, e.object, e.detail.rows, e.detail.synthetic]),
    ).toEqual([
      ['test-vhf', 'plan:1:xlsx', 6, true],
      ['test-gemeente', 'plan:1:geojson', 6, true],
      ['test-vhf', 'plan:1:meldingen-csv', 6, true],
      ['test-vhf', 'plan:1:csv', 6, true],
    ]);
  });

  it('lets gemeente and vhf write, alwel read, and keeps the viewer out', async () => {
    const { as } = await setup();
    expect((await as('alwel')('/api/plans', { method: 'POST', json: { name: 'P', input: INPUT } })).status).toBe(403);
    expect((await as('viewer')('/api/plans', { method: 'POST', json: { name: 'P', input: INPUT } })).status).toBe(403);
    expect((await as('gemeente')('/api/plans', { method: 'POST', json: { name: 'P', input: INPUT } })).status).toBe(
      201,
    );
    expect((await as('viewer')('/api/plans')).status).toBe(403);
    expect((await as('viewer')('/api/plans/1')).status).toBe(403);
    expect((await as('alwel')('/api/plans/1/export?format=csv')).status).toBe(403);
    expect((await as('alwel')('/api/plans/1/replan', { method: 'POST', json: {} })).status).toBe(403);
  });

  it('answers 503 when no planner runs', async () => {
    const ds = smallDataset();
    const sec = await testSecurity(ds);
    const app = createApp({
      data: loadDatasetIntoMemory(ds),
      engine: createEngineService(),
      version: 'test',
      tilesDir: null,
      webDir: null,
      ...sec,
    });
    const res = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(sec.security, 'vhf')}` },
      body: JSON.stringify({ name: 'P', input: INPUT }),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'plan.planner.unavailable' });
  });
});

describe('CLI and app plan alike', () => {
  it('the app hands the planner exactly the input `voorraad plan` builds from the same figures on the same day', async () => {
    const { as, calls, clock } = await setup();
    clock.now = new Date('2026-12-07T10:00:00Z');
    const res = await as('vhf')('/api/plans', {
      method: 'POST',
      json: { name: 'P', input: { budgetEur: 30_000, window: { until: '2033-12-31' } } },
    });
    expect(res.status).toBe(201);

    const dir = mkdtempSync(join(tmpdir(), 'voorraad-plan-alike-'));
    const dataset = join(dir, 'small.gpkg');
    writeDataset(dataset, smallDataset());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(clock.now);
    try {
      const cli = await captureOutput(() =>
        main(['plan', '--dataset', dataset, '--budget', '30000', '--until', '2033-12-31', '--format', 'json']),
      );
      expect(cli.code).toBe(0);
      const plan = JSON.parse(cli.stdout) as { meta: { input: unknown } };
      // The app bounds the solver's time per request (a server default); everything that shapes the plan is equal.
      const { timeLimitSeconds, ...appInput } = calls[0]!.input as PlanInputRaw & { timeLimitSeconds?: number };
      expect(timeLimitSeconds).toBe(30);
      expect(plan.meta.input).toEqual(appInput);
      expect((calls[0]!.input as { runDate?: string }).runDate).toBe('2026-12-07');
    } finally {
      vi.useRealTimers();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
