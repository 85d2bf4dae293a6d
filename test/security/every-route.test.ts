import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROUTE_POLICIES, allows, policyFor } from '../../server/auth/access-policy.ts';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { RESTRICTED_HEADERS, findLeaks } from './leak-check.ts';
import { securityApp } from './security-app.ts';

/**
 * Every route of the OpenAPI document, as every role and unauthenticated: the status follows the policy, and
 * no body carries a restricted field, a signal reason code or an unsuppressed small count where the role
 * should not see it. Restricted detail is allowed only on the routes that exist to serve it, for gemeente.
 */
const { app, as, ds } = await securityApp();
type Paths = Record<string, Record<string, { parameters: { name: string; required: boolean }[] }>>;
const served = (await (await as('gemeente')('/api/openapi.json')).json()) as { paths: Paths };
const openapi = served;

/** Routes whose purpose is restricted detail; everywhere else nobody (not even gemeente) gets signal fields. */
const DETAIL_ROUTES = new Set(['/api/signals', '/api/acquisition/candidates', '/api/acquisition/export']);
const SAMPLE_QUERY: Record<string, string> = { format: 'csv' };

const operations = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
);

function urlOf(
  path: string,
  op: { parameters: { name: string; required: boolean }[] },
  extra: Record<string, string> = {},
): string {
  const filled = path.replace('{vboId}', ds.dwellings[0]!.vboId);
  const q = new URLSearchParams({
    ...Object.fromEntries(op.parameters.filter((p) => p.required).map((p) => [p.name, SAMPLE_QUERY[p.name] ?? 'x'])),
    ...extra,
  });
  return q.size ? `${filled}?${q}` : filled;
}

async function bodyOf(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1))));
    return rows;
  }
  if (type.includes('json')) return res.json();
  return res.text();
}

describe('every API route in the OpenAPI document, as every role', () => {
  it('documents the routes the app serves, and lists every documented route in the access policy', () => {
    const routes = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length, 'each route registered once').toBe(new Set(routes).size);
    const documented = operations.map((o) => `${o.method} ${o.path}`);
    expect(new Set(routes)).toEqual(new Set(documented));
    const listed = new Set(ROUTE_POLICIES.map((p) => `${p.method} ${p.path}`));
    const unlisted = documented.filter((d) => !listed.has(d));
    expect(unlisted, 'add these routes to server/auth/access-policy.ts').toEqual([]);
  });

  for (const { path, method, op } of operations) {
    it(`${method} ${path}`, async () => {
      const policy = policyFor(method, path)!;
      for (const who of [null, ...ROLES] as (Role | null)[]) {
        const url = urlOf(path, op);
        const init: RequestInit =
          method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: '{}' };
        const res = await as(who)(url, init);
        const allowed = allows(policy.access, who);
        if (!allowed) {
          expect(res.status, `${who ?? 'anonymous'} on ${method} ${url}`).toBe(who === null ? 401 : 403);
        } else {
          expect([401, 403], `${who ?? 'anonymous'} on ${method} ${url}`).not.toContain(res.status);
        }
        // The OpenAPI document describes every field (it is the schema, not data).
        if (path === '/api/openapi.json') continue;
        const body = await bodyOf(res);
        const restrictedAllowed = who === 'gemeente' && DETAIL_ROUTES.has(path);
        expect(findLeaks(body, { restrictedAllowed }), `${who ?? 'anonymous'} on ${method} ${url}`).toEqual([]);
        if (typeof body === 'string' || Array.isArray(body)) {
          const text = JSON.stringify(body);
          for (const h of RESTRICTED_HEADERS) if (!restrictedAllowed) expect(text).not.toContain(h);
        }
      }
    });
  }

  it('also checks every export format and a smaller budget for alwel', async () => {
    for (const format of ['csv', 'xlsx', 'geojson']) {
      const res = await as('alwel')(`/api/acquisition/export?format=${format}&budget=400000`);
      expect(res.status).toBe(200);
      const body = await bodyOf(res);
      expect(findLeaks(body, { restrictedAllowed: false })).toEqual([]);
      for (const h of RESTRICTED_HEADERS) expect(JSON.stringify(body)).not.toContain(h);
    }
  });

  it('would catch a leak (the checker is not blind)', () => {
    expect(
      findLeaks({ features: [{ properties: { nuisanceBand: '3-5' } }] }, { restrictedAllowed: false }),
    ).toHaveLength(1);
    expect(findLeaks({ reasons: ['signaal.overlast'] }, { restrictedAllowed: false })).toHaveLength(1);
    expect(
      findLeaks({ dwellings: 40, nuisanceAddresses: 7, nuisanceRate: 0.1 }, { restrictedAllowed: true }),
    ).toHaveLength(2);
    expect(findLeaks({ dwellings: 120, nuisanceAddresses: 23 }, { restrictedAllowed: true })).toHaveLength(1);
    expect(findLeaks({ bsn: '1' }, { restrictedAllowed: true })).toHaveLength(1);
  });

  it('shows gemeente the restricted detail it is entitled to (the test can see a leak when there is one)', async () => {
    const res = await as('gemeente')('/api/acquisition/candidates');
    expect(findLeaks(await res.json(), { restrictedAllowed: false }).length).toBeGreaterThan(0);
    const signals = (await (await as('gemeente')('/api/signals')).json()) as {
      count: number;
      signals: { nuisanceReports: number }[];
    };
    expect(signals.count).toBe(ds.signals!.length);
  });
});
