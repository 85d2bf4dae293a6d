import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../../engine/blocks/blocks.ts';
import { DEFAULT_POTENTIAL_WEIGHTS } from '../../engine/potential/potential-weights.ts';
import { owners, vveDataset } from '../../engine/vve/vve-fixture.ts';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { createApp } from '../../server/app.ts';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { ROUTES } from '../../server/route-table.ts';
import { templateRe } from '../../server/auth/access-policy.ts';
import { createPlannerService } from '../../workers/planner-service.ts';
import { securityApp, testPassword } from '../security/security-app.ts';

/**
 * The published contract against real answers: every route is called for real (as a role that may, as one that
 * may not, and unauthenticated) and each answer's status, media type and JSON body must be what the served
 * OpenAPI document says, checked by an independent JSON Schema validator (ajv 8, draft 2020-12).
 */
const dir = mkdtempSync(join(tmpdir(), 'voorraad-contract-'));
writeFileSync(join(dir, 'basemap.pmtiles'), Buffer.alloc(4096, 7));
const base = await securityApp();
const datasetPath = join(dir, 'security.gpkg');
writeDataset(datasetPath, base.ds);
const app = createApp({
  ...base.ctx,
  tilesDir: dir,
  planner: createPlannerService(),
  plans: { datasetPath, now: () => new Date('2025-07-01T10:00:00Z') },
}); // plans start at the run date: pinned
const tokens = base.tokens;
// The security dataset has no VvE's; the VvE routes are called on the VvE fixture as well.
const vveApp = await securityApp(
  vveDataset([
    { vveId: 'VVE-PILOT', ownership: [...owners(3, 'corporatie'), ...owners(6), ...owners(1, 'particuliere verhuur')] },
  ]),
);

interface Case {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  as: Role | null;
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
  /** Call the app over the VvE fixture instead. */
  vve?: boolean;
}

const doc = (await (
  await app.request('/api/openapi.json', { headers: { authorization: `Bearer ${tokens.viewer}` } })
).json()) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>
  >;
  components: object;
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const compiled = new Map<string, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = compiled.get(key);
  if (!v) compiled.set(key, (v = ajv.compile({ ...schema, components: doc.components })));
  return v;
}

const operationOf = (method: string, url: string) => {
  const path = new URL(url, 'http://x').pathname;
  const spec = [...ROUTES]
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))
    .find((r) => r.method === method && templateRe(r.path).test(path));
  return spec ? { spec, op: doc.paths[spec.path]![method.toLowerCase()]! } : null;
};

async function call(c: Case): Promise<Response> {
  const headers = new Headers(c.headers);
  if (c.as) headers.set('authorization', `Bearer ${(c.vve ? vveApp.tokens : tokens)[c.as]}`);
  if (c.json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return (c.vve ? vveApp.app : app).request(c.url, {
    method: c.method,
    headers,
    ...(c.json !== undefined ? { body: typeof c.json === 'string' ? c.json : JSON.stringify(c.json) } : {}),
  });
}

/** Routes that gave a documented success answer in this file. */
const covered = new Set<string>();

/** Checks one real answer against the document; returns its JSON body (if any). */
async function check(c: Case): Promise<unknown> {
  const label = `${c.as ?? 'anonymous'} ${c.method} ${c.url}`;
  const res = await call(c);
  const found = operationOf(c.method, c.url);
  expect(found, `${label}: not documented`).not.toBeNull();
  const documented = found!.op.responses[String(res.status)];
  const text = Buffer.from(await res.arrayBuffer());
  expect(res.status, `${label}: ${text.toString('utf8', 0, 300)}`).toBe(c.status);
  expect(documented, `${label}: status ${res.status} not documented`).toBeDefined();
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const content = documented!.content ?? {};
  expect(Object.keys(content), `${label}: media type`).toContain(mediaType);
  if (res.status < 300) covered.add(`${c.method} ${found!.spec.path}`);
  const schema = content[mediaType]?.schema;
  if (!schema) return null;
  const body: unknown = /json$/.test(mediaType) ? JSON.parse(text.toString('utf8')) : text.toString('utf8');
  const validate = validatorFor(schema);
  expect(validate(body) ? [] : validate.errors, `${label}: body against the documented schema`).toEqual([]);
  return body;
}

const vbo = base.ds.dwellings[0]!.vboId;
const firstBlock = encodeURIComponent(buildBlocks(base.ds).blocks[0]!.blockId);
const WHAT_IF = {
  type: 'tussenwoning',
  bouwjaar: 1965,
  oppervlakte: 100,
  label: 'E',
  eigendom: 'eigenaar-bewoner',
  date: '2025-03-01',
};
const INLINE_SCENARIO = {
  name: 'Contract',
  description: 'via de API',
  horizon: { start: 2025, end: 2030 },
  seed: 3,
  runs: 2,
  interventions: [{ kind: 'sale', area: 'Kalsdonk', count: 5, by: 2028, mode: 'to-tenants' }],
  targets: [{ metric: 'sold', area: 'Kalsdonk', year: 2028, min: 5, probability: 1 }],
};
// A drawing on the first Kalsdonk block holding a corporation dwelling: verkoop op mutatie, all of them.
const corporation = new Set(base.ds.dwellings.filter((d) => d.ownership === 'corporatie').map((d) => d.vboId));
const DRAFT = {
  name: 'Contract getekend',
  assignments: [
    {
      blocks: [
        buildBlocks(base.ds).blocks.find(
          (b) => b.buurtcodes.join() === 'BU16740202' && b.vboIds.some((v) => corporation.has(v)),
        )!.blockId,
      ],
      intervention: { kind: 'sale', share: 1, by: 2030 },
    },
  ],
};
// Under the (uncapped, placeholder) SMP profile: the national line's 3/2/1 % per buurt rounds to 0 in this small dataset.
const PLAN_INPUT = {
  budgetEur: 30_000,
  capacity: { perSeason: { dwellings: 10 } },
  solver: 'greedy',
  window: { from: '2029-06-01' },
  permit: { profile: 'smp' },
};

const CASES: Case[] = [
  { method: 'GET', url: '/api/health', as: null, status: 200 },
  { method: 'GET', url: '/api/openapi.json', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/openapi.json', as: null, status: 401 },
  {
    method: 'POST',
    url: '/api/auth/sign-in',
    as: null,
    json: { username: 'viewer', password: testPassword('viewer') },
    status: 200,
  },
  { method: 'POST', url: '/api/auth/sign-in', as: null, json: { username: 'viewer', password: 'fout' }, status: 401 },
  { method: 'POST', url: '/api/auth/sign-in', as: null, json: { username: 'viewer' }, status: 400 },
  { method: 'POST', url: '/api/auth/sign-in', as: null, json: '{"username":', status: 400 },
  {
    method: 'POST',
    url: '/api/auth/sign-in',
    as: null,
    json: 'username=viewer',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
  },
  {
    method: 'POST',
    url: '/api/auth/sign-in',
    as: null,
    json: { username: 'x'.repeat(10_000), password: 'y' },
    status: 413,
  },
  {
    method: 'POST',
    url: '/api/auth/sign-in',
    as: null,
    json: {},
    headers: { 'content-type': 'application/json', origin: 'https://elders.example' },
    status: 403,
  },
  { method: 'POST', url: '/api/auth/sign-out', as: 'viewer', json: {}, status: 200 },
  { method: 'POST', url: '/api/auth/sign-out', as: null, json: {}, status: 401 },
  { method: 'GET', url: '/api/auth/session', as: 'alwel', status: 200 },
  { method: 'GET', url: '/api/auth/session', as: null, status: 401 },
  { method: 'GET', url: '/api/buurten', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/buurten', as: null, status: 401 },
  { method: 'GET', url: '/api/dwellings?buurt=BU16740202', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/dwellings?buurt=Kalsdonk', as: 'viewer', status: 400 },
  { method: 'GET', url: '/api/dwellings?buurt=BU99999999', as: 'viewer', status: 404 },
  { method: 'GET', url: '/api/dwellings/table', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/stats?groupBy=buurt,ownership', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/stats?groupBy=kleur', as: 'viewer', status: 400 },
  { method: 'POST', url: '/api/retrofit/what-if', as: 'viewer', json: WHAT_IF, status: 200 },
  { method: 'POST', url: '/api/retrofit/what-if', as: 'viewer', json: { ...WHAT_IF, type: 'kasteel' }, status: 400 },
  { method: 'GET', url: '/api/retrofit/scores?buurt=BU16740202&ownership=corporatie', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/retrofit/scores?type=kasteel', as: 'viewer', status: 400 },
  { method: 'GET', url: '/api/retrofit/context', as: 'viewer', status: 200 },
  { method: 'GET', url: `/api/retrofit/dwellings/${vbo}?date=2025-06-01`, as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/retrofit/dwellings/123', as: 'viewer', status: 400 },
  { method: 'GET', url: '/api/retrofit/dwellings/9999999999999999', as: 'viewer', status: 404 },
  { method: 'GET', url: '/api/scenarios', as: 'viewer', status: 200 },
  { method: 'POST', url: '/api/scenarios/run', as: 'viewer', json: { inline: INLINE_SCENARIO, runs: 2 }, status: 200 },
  { method: 'POST', url: '/api/scenarios/run', as: 'viewer', json: { scenario: 'bestaat-niet' }, status: 404 },
  { method: 'POST', url: '/api/scenario-draw/preview', as: 'gemeente', json: { draft: DRAFT }, status: 200 },
  { method: 'POST', url: '/api/scenario-draw/preview', as: 'vhf', json: { draft: DRAFT }, status: 403 },
  { method: 'POST', url: '/api/scenario-versions', as: 'gemeente', json: { draft: DRAFT, note: 'c' }, status: 201 },
  { method: 'POST', url: '/api/scenario-versions', as: 'alwel', json: { scenario: INLINE_SCENARIO }, status: 201 },
  { method: 'POST', url: '/api/scenario-versions', as: 'gemeente', json: { note: 'leeg' }, status: 400 },
  { method: 'GET', url: '/api/scenario-versions', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/scenario-versions/1', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/scenario-versions/99', as: 'viewer', status: 404 },
  { method: 'GET', url: '/api/scenario-versions/2/diff?against=1', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/scenario-versions/1/yaml', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/signals/buurten', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/signals?buurt=BU16740202', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/signals', as: 'viewer', status: 403 },
  { method: 'GET', url: '/api/acquisition/zones', as: 'alwel', status: 200 },
  { method: 'GET', url: '/api/acquisition/zones', as: 'vhf', status: 403 },
  { method: 'GET', url: '/api/acquisition/candidates?limit=20', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/acquisition/candidates?budget=12', as: 'gemeente', status: 400 },
  { method: 'GET', url: '/api/acquisition/export?format=csv', as: 'alwel', status: 200 },
  { method: 'GET', url: '/api/acquisition/export?format=xlsx', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/acquisition/export?format=geojson', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/acquisition/export?format=pdf', as: 'gemeente', status: 400 },
  { method: 'GET', url: '/api/audit?limit=5', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/audit', as: 'alwel', status: 403 },
  { method: 'GET', url: '/api/rules?date=2026-06-01', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/rules?date=juni', as: 'viewer', status: 400 },
  { method: 'GET', url: '/api/rules', as: null, status: 401 },
  { method: 'GET', url: '/api/search?q=Kalsdonk', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/search?q=', as: 'viewer', status: 400 },
  { method: 'GET', url: '/api/search?q=Kalsdonk', as: null, status: 401 },
  { method: 'GET', url: '/api/vve', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/vve/export?format=csv', as: 'vhf', status: 200 },
  { method: 'GET', url: '/api/vve/export?format=xlsx', as: 'alwel', status: 200 },
  { method: 'GET', url: '/api/vve/export?format=csv', as: 'viewer', status: 403 },
  { method: 'GET', url: '/api/vve/bestaat-niet', as: 'viewer', status: 404 },
  { method: 'POST', url: '/api/plans', as: 'vhf', json: { name: 'Contract', input: PLAN_INPUT }, status: 201 },
  {
    method: 'POST',
    url: '/api/plans',
    as: 'vhf',
    json: { name: 'Contract', input: { ...PLAN_INPUT, budgetEur: -1 } },
    status: 400,
  },
  { method: 'POST', url: '/api/plans', as: 'alwel', json: { name: 'Contract', input: PLAN_INPUT }, status: 403 },
  { method: 'GET', url: '/api/plans', as: 'alwel', status: 200 },
  { method: 'GET', url: '/api/plans', as: 'viewer', status: 403 },
  { method: 'GET', url: '/api/plans/1', as: 'alwel', status: 200 },
  { method: 'GET', url: '/api/plans/999', as: 'vhf', status: 404 },
  { method: 'GET', url: '/api/plans/abc', as: 'vhf', status: 400 },
  { method: 'GET', url: '/api/plans/1/export?format=csv', as: 'vhf', status: 200 },
  { method: 'GET', url: '/api/plans/1/export?format=xlsx', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/plans/1/export?format=geojson', as: 'vhf', status: 200 },
  { method: 'GET', url: '/api/plans/1/export?format=csv', as: 'alwel', status: 403 },
  { method: 'GET', url: '/.well-known/security.txt', as: null, status: 200 },
  { method: 'GET', url: '/tiles/basemap.pmtiles', as: 'viewer', status: 200 },
  { method: 'GET', url: '/tiles/basemap.pmtiles', as: 'viewer', headers: { range: 'bytes=0-126' }, status: 206 },
  { method: 'GET', url: '/tiles/basemap.pmtiles', as: null, status: 401 },
  { method: 'GET', url: '/tiles/bestaat-niet.pmtiles', as: 'viewer', status: 404 },
  { method: 'GET', url: '/api/blocks', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/blocks?buurt=BU16740202', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/blocks?buurt=BU99999999', as: 'viewer', status: 404 },
  { method: 'GET', url: '/api/blocks', as: null, status: 401 },
  { method: 'GET', url: `/api/blocks/${firstBlock}`, as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/blocks/complex%3Abestaat-niet', as: 'viewer', status: 404 },
  { method: 'GET', url: '/api/potential?intervention=verkoop', as: 'viewer', status: 200 },
  { method: 'GET', url: '/api/potential?intervention=kleur', as: 'viewer', status: 400 },
  { method: 'GET', url: '/api/potential?intervention=verkoop', as: null, status: 401 },
  {
    method: 'POST',
    url: '/api/potential',
    as: 'vhf',
    json: { intervention: 'renovatie', weights: DEFAULT_POTENTIAL_WEIGHTS },
    status: 200,
  },
  { method: 'POST', url: '/api/potential', as: 'vhf', json: { intervention: 'renovatie', weights: {} }, status: 400 },
  { method: 'GET', url: '/api/potential/export?format=csv&intervention=aankoop', as: 'alwel', status: 200 },
  { method: 'GET', url: '/api/potential/export?format=xlsx&intervention=aankoop', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/potential/export?format=geojson&intervention=aankoop', as: 'gemeente', status: 200 },
  { method: 'GET', url: '/api/potential/export?format=csv&intervention=aankoop', as: 'viewer', status: 403 },
];

describe('every route answers as the OpenAPI document says', () => {
  for (const c of CASES)
    it(`${c.as ?? 'anonymous'} ${c.method} ${c.url} → ${c.status}`, async () => {
      await check(c);
    });

  it('a dwelling status change and a re-plan (on a plan made here) answer as documented', async () => {
    const made = (await check({
      method: 'POST',
      url: '/api/plans',
      as: 'gemeente',
      json: { name: 'Herplan', input: PLAN_INPUT },
      status: 201,
    })) as { id: number; statuses: { vboId: string }[] };
    const dwelling = made.statuses[0]!.vboId;
    await check({
      method: 'PATCH',
      url: `/api/plans/${made.id}/dwellings/${dwelling}`,
      as: 'vhf',
      json: { status: 'onderzoek' },
      status: 200,
    });
    await check({
      method: 'PATCH',
      url: `/api/plans/${made.id}/dwellings/${dwelling}`,
      as: 'vhf',
      json: { status: 'voorgesteld' },
      status: 409,
    });
    await check({
      method: 'PATCH',
      url: `/api/plans/${made.id}/dwellings/${dwelling}`,
      as: 'vhf',
      json: { status: 'klaar' },
      status: 400,
    });
    await check({
      method: 'POST',
      url: `/api/plans/${made.id}/replan`,
      as: 'vhf',
      json: { reason: 'contract' },
      status: 201,
    });
    await check({ method: 'POST', url: `/api/plans/${made.id}/replan`, as: 'vhf', json: {}, status: 409 });
    await check({
      method: 'PATCH',
      url: `/api/plans/${made.id}/dwellings/${dwelling}`,
      as: 'viewer',
      json: { status: 'natuurvrij' },
      status: 403,
    });
  });

  it('a sign-in after too many failures answers 429 as documented', async () => {
    let last = 0;
    for (let i = 0; i < 30 && last !== 429; i++) {
      const res = await call({
        method: 'POST',
        url: '/api/auth/sign-in',
        as: null,
        json: { username: 'vhf', password: 'fout' },
        status: 0,
      });
      await res.arrayBuffer();
      last = res.status;
    }
    expect(last).toBe(429);
    await check({
      method: 'POST',
      url: '/api/auth/sign-in',
      as: null,
      json: { username: 'vhf', password: 'fout' },
      status: 429,
    });
  });

  it('one VvE answers as documented', async () => {
    const ranking = (await check({ method: 'GET', url: '/api/vve', as: 'viewer', status: 200, vve: true })) as {
      vves: { vveId: string }[];
    };
    expect(ranking.vves.map((v) => v.vveId)).toEqual(['VVE-PILOT']);
    await check({ method: 'GET', url: '/api/vve/VVE-PILOT', as: 'viewer', status: 200, vve: true });
    await check({ method: 'GET', url: '/api/vve/export?format=csv', as: 'gemeente', status: 200, vve: true });
  });

  it('checks every role against every route’s documented roles (x-roles)', async () => {
    for (const r of ROUTES.filter((x) => x.method === 'GET' && !x.path.includes('{'))) {
      for (const role of ROLES) {
        const res = await call({ method: 'GET', url: r.path, as: role, status: 0 });
        await res.arrayBuffer();
        const allowed = r.access === 'public' || r.access.includes(role);
        if (!allowed) expect(res.status, `${role} ${r.path}`).toBe(403);
        else expect(res.status, `${role} ${r.path}`).not.toBe(403);
      }
    }
  });

  it('has called every route with a successful answer', () => {
    expect(
      ROUTES.map((r) => `${r.method} ${r.path}`).filter((r) => !covered.has(r)),
      [...covered].join(' | '),
    ).toEqual([]);
  });

  it('would catch a body that does not match (the validator is not blind)', () => {
    const schema = doc.paths['/api/health']!.get!.responses['200']!.content!['application/json']!.schema!;
    expect(validatorFor(schema)({ status: 'ok', version: 'x' })).toBe(false);
    expect(
      validatorFor(schema)({
        status: 'ok',
        version: 'x',
        dataset: { name: 'n', synthetic: true, dataDate: 'd', dwellings: 1, buildings: 1, vves: 0, attribution: [] },
        extra: 1,
      }),
    ).toBe(false);
  });
});
