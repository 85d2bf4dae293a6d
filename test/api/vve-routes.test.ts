import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toColumns } from '../../engine/dwelling-table.ts';
import { vveInput } from '../../engine/vve/vve-assess.ts';
import { owners, vveDataset } from '../../engine/vve/vve-fixture.ts';
import { VveRankingSchema } from '../../engine/vve/vve-schemas.ts';
import { DEFAULT_VVE_CONFIG } from '../../engine/vve/vve-config.ts';
import { createApp } from '../../server/app.ts';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { VveDetailSchema } from '../../server/routes/vve-routes.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { testSecurity, tokenFor } from './test-app.ts';

/** The HTTP app over a VvE test dataset: an ideal pilot block, a corporation-controlled one, a small one and one whose rights do not add up. */
async function vveApp() {
  const ds = vveDataset([
    { vveId: 'VVE-PILOT', ownership: [...owners(3, 'corporatie'), ...owners(6), ...owners(1, 'particuliere verhuur')] },
    { vveId: 'VVE-CORP', ownership: [...owners(6, 'corporatie'), ...owners(4)] },
    { vveId: 'VVE-KLEIN', ownership: owners(6) },
    { vveId: 'VVE-FOUT', ownership: owners(8) },
  ]);
  const bad = ds.vves.find((v) => v.vveId === 'VVE-FOUT')!;
  bad.members = bad.members.slice(2); // two dwellings still name VVE-FOUT: the rights do not add up
  const engine = createEngineService();
  await engine.load(toColumns(ds.dwellings));
  const sec = await testSecurity(ds);
  const app = createApp({
    data: loadDatasetIntoMemory(ds),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    ...sec,
  });
  const as = (role: Role | null) => (path: string) =>
    app.request(path, role ? { headers: { authorization: `Bearer ${tokenFor(sec.security, role)}` } } : {});
  return { app, as, security: sec.security };
}

const { as, security } = await vveApp();

describe('GET /api/vve', () => {
  it('ranks every VvE with the fields the VvE pilot needs, reports the bad one per VvE, and says the data is synthetic', async () => {
    const res = await as('vhf')('/api/vve');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-voorraad-synthetic')).toBe('true');
    const body = VveRankingSchema.parse(await res.json());
    expect(body.dataset.synthetic).toBe(true);
    expect(body.vves.map((v) => v.vveId).sort()).toEqual(['VVE-CORP', 'VVE-KLEIN', 'VVE-PILOT']);
    for (const v of body.vves) {
      for (const k of [
        'vveId',
        'units',
        'corporationVoteShare',
        'ownerOccupierShare',
        'active',
        'eligibleWarmtefonds',
        'costPerRightEur',
        'qualifiedMajorityProbability',
        'corporationControlled',
        'score',
        'reasons',
      ] as const)
        expect(v).toHaveProperty(k);
    }
    const by = Object.fromEntries(body.vves.map((v) => [v.vveId, v]));
    expect(by['VVE-CORP']!.corporationControlled).toBe(true);
    expect(by['VVE-KLEIN']!.warmtefonds.path).toBe('small-all-sign');
    expect(by['VVE-PILOT']!.rank).toBe(1);
    // Under the default decision threshold nobody is shortlisted; the best VvE says why.
    expect(body.shortlist).not.toContain('VVE-CORP');
    expect(body.shortlist.includes('VVE-PILOT')).toBe(by['VVE-PILOT']!.shortlistNote === null);
    // Rules picked on the run date (the server's today), with their versions.
    expect(body.rulesUsed.map((r) => r.id)).toContain('warmtefonds.vve.max-per-right');
    expect(body.rejected).toEqual([
      expect.objectContaining({
        vveId: 'VVE-FOUT',
        issues: [expect.objectContaining({ code: 'vve.rights.mismatch' })],
      }),
    ]);
    expect(body.assumptions.join(' ')).toMatch(/2\/3|66,7%/);
  });

  it('answers the same bytes twice (computed once, deterministic)', async () => {
    const [a, b] = await Promise.all([as('viewer')('/api/vve'), as('alwel')('/api/vve')]);
    expect(await a.text()).toBe(await b.text());
  });
});

describe('GET /api/vve/{vveId}', () => {
  it('gives one VvE with its package, nature route and decision', async () => {
    const res = await as('viewer')('/api/vve/VVE-PILOT');
    expect(res.status).toBe(200);
    const body = VveDetailSchema.parse(await res.json());
    expect(body.vve).toMatchObject({ vveId: 'VVE-PILOT', units: 10, corporationVoteShare: 0.3 });
    expect(body.vve!.package.nature.route).toBe('individual-survey');
    expect(body.rejected).toBeNull();
  });
  it('gives the data problems of a VvE that could not be ranked', async () => {
    const body = VveDetailSchema.parse(await (await as('gemeente')('/api/vve/VVE-FOUT')).json());
    expect(body.vve).toBeNull();
    expect(body.rejected!.issues[0]!.code).toBe('vve.rights.mismatch');
  });
  it('404 with a coded error for an unknown VvE', async () => {
    const res = await as('gemeente')('/api/vve/VVE-ONBEKEND');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'vve.unknown', path: ['path', 'vveId'] });
  });
});

describe('GET /api/vve/export', () => {
  it('CSV for Dutch Excel: BOM, semicolons, decimal comma, dataset and synthetic mark; audited', async () => {
    const before = security.audit.list({ limit: 100, action: 'export' }).length;
    const res = await as('vhf')('/api/vve/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="vve-pilot-2025-06-30-vhf\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Dataset;VvE-proefset (peildatum 2025-06-30)');
    expect(text).toMatch(/Synthetisch;ja — SYNTHETISCHE GEGEVENS/);
    const header = text.split('\r\n').find((l) => l.startsWith('Rang;'))!;
    expect(header.split(';')).toContain('Kans gekwalificeerde meerderheid (incl. tweede vergadering)');
    const pilotRow = text.split('\r\n').find((l) => l.includes(';VVE-PILOT;'))!;
    expect(pilotRow).toMatch(/;0,3;/); // corporation vote share with a decimal comma
    expect(text).toMatch(/VVE-FOUT;.*vve\.rights\.mismatch/);
    const entries = security.audit.list({ limit: 100, action: 'export' });
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({ actor: 'test-vhf', role: 'vhf', object: 'vve:csv', result: 'ok' });
  });

  it('XLSX with the table sheet and the metadata sheet', async () => {
    const res = await as('alwel')('/api/vve/export?format=xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['VvE-pilot', 'Over deze export']);
    const ws = wb.getWorksheet('VvE-pilot')!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('SYNTHETISCHE GEGEVENS');
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toContain('VvE-id');
    const ids: unknown[] = [];
    ws.eachRow((r, n) => {
      if (n > 4) ids.push(r.getCell(3).value);
    });
    expect(ids).toEqual(expect.arrayContaining(['VVE-PILOT', 'VVE-CORP', 'VVE-KLEIN', 'VVE-FOUT']));
  });

  it('400 with a coded error for an unknown format', async () => {
    const res = await as('gemeente')('/api/vve/export?format=pdf');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'query.invalid', path: ['query', 'format'] });
  });
});

describe('roles', () => {
  it('every signed-in role reads the ranking and a VvE; nobody without signing in', async () => {
    for (const role of ROLES) {
      expect((await as(role)('/api/vve')).status, role).toBe(200);
      expect((await as(role)('/api/vve/VVE-PILOT')).status, role).toBe(200);
    }
    expect((await as(null)('/api/vve')).status).toBe(401);
    expect((await as(null)('/api/vve/VVE-PILOT')).status).toBe(401);
  });
  it('exports for gemeente, alwel and vhf; the meelezer (viewer) is refused, and the refusal is not an export', async () => {
    for (const role of ['gemeente', 'alwel', 'vhf'] as const)
      expect((await as(role)('/api/vve/export?format=csv')).status, role).toBe(200);
    const before = security.audit.list({ limit: 200, action: 'export' }).length;
    expect((await as('viewer')('/api/vve/export?format=csv')).status).toBe(403);
    expect((await as(null)('/api/vve/export?format=csv')).status).toBe(401);
    expect(security.audit.list({ limit: 200, action: 'export' }).length).toBe(before);
  });
});

describe('ranked in the engine (EngineApi.vveLoad / vveRanking), not in the route', () => {
  const ds = vveDataset([
    { vveId: 'VVE-A', ownership: [...owners(3, 'corporatie'), ...owners(7)] },
    { vveId: 'VVE-B', ownership: owners(9) },
  ]);
  /** An in-process engine that counts the VvE calls. */
  const counting = () => {
    const inner = createEngineService();
    const calls = { load: 0, ranking: 0 };
    const engine = {
      ...inner,
      vveLoad: (...a: Parameters<typeof inner.vveLoad>) => (calls.load++, inner.vveLoad(...a)),
      vveRanking: (...a: Parameters<typeof inner.vveRanking>) => (calls.ranking++, inner.vveRanking(...a)),
    };
    return { engine, calls };
  };
  const appWith = async (engine: ReturnType<typeof counting>['engine'], vveConfig?: typeof DEFAULT_VVE_CONFIG) => {
    await engine.load(toColumns(ds.dwellings));
    const sec = await testSecurity(ds);
    const app = createApp({
      data: loadDatasetIntoMemory(ds),
      engine,
      version: 'test',
      tilesDir: null,
      webDir: null,
      ...sec,
      ...(vveConfig ? { vveConfig } : {}),
    });
    return (path: string) =>
      app.request(path, { headers: { authorization: `Bearer ${tokenFor(sec.security, 'gemeente')}` } });
  };

  it('an engine already loaded (as the server does at start) answers without a second ranking', async () => {
    const { engine, calls } = counting();
    expect(await engine.vveLoad(vveInput(ds), DEFAULT_VVE_CONFIG)).toMatchObject({ ok: true, value: { count: 2 } });
    const get = await appWith(engine);
    expect((await get('/api/vve')).status).toBe(200);
    expect((await get('/api/vve/VVE-A')).status).toBe(200);
    // The first answer is kept: the second request does not copy the ranking across threads again.
    expect(calls).toEqual({ load: 1, ranking: 1 });
  });

  it('an engine without the ranking is loaded once, with the configured configuration', async () => {
    const { engine, calls } = counting();
    const get = await appWith(engine, { ...DEFAULT_VVE_CONFIG, shortlistSize: 1, shortlistMinDecisionProbability: 0 });
    const [a, b] = await Promise.all([get('/api/vve'), get('/api/vve')]);
    const body = VveRankingSchema.parse(await a.json());
    expect(await b.json()).toEqual(body);
    expect(body.shortlist).toHaveLength(1);
    expect(calls.load).toBe(1);
  });

  it("503 with the engine's coded issue when the engine cannot rank", async () => {
    const { engine } = counting();
    const get = await appWith(engine, { ...DEFAULT_VVE_CONFIG, shortlistSize: 0 });
    const res = await get('/api/vve');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ path: ['shortlistSize'] });
  });
});
