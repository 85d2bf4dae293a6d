import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { securityApp } from './security-app.ts';

/**
 * The access matrix, written out by hand (not derived from access-policy.ts, so a policy change shows up here):
 * the status every role — and an unauthenticated caller — gets on every route.
 */
const { as, ds } = await securityApp();
const vbo = ds.dwellings[0]!.vboId;

type Row = [
  method: 'GET' | 'POST',
  path: string,
  anonymous: number,
  gemeente: number,
  alwel: number,
  vhf: number,
  viewer: number,
];
const json = { 'content-type': 'application/json' };

const MATRIX: Row[] = [
  ['GET', '/api/health', 200, 200, 200, 200, 200],
  ['GET', '/api/openapi.json', 401, 200, 200, 200, 200],
  ['GET', '/api/auth/session', 401, 200, 200, 200, 200],
  ['POST', '/api/auth/sign-out', 401, 200, 200, 200, 200],
  ['GET', '/api/buurten', 401, 200, 200, 200, 200],
  ['GET', '/api/dwellings', 401, 200, 200, 200, 200],
  ['GET', '/api/dwellings?buurt=BU16740202', 401, 200, 200, 200, 200],
  ['GET', '/api/dwellings/table', 401, 200, 200, 200, 200],
  ['GET', '/api/stats?groupBy=buurt,ownership', 401, 200, 200, 200, 200],
  ['POST', '/api/retrofit/what-if', 401, 200, 200, 200, 200],
  ['GET', '/api/retrofit/scores', 401, 200, 200, 200, 200],
  ['GET', `/api/retrofit/dwellings/${vbo}?date=2025-06-01`, 401, 200, 200, 200, 200],
  ['GET', '/api/retrofit/context', 401, 200, 200, 200, 200],
  ['GET', '/api/scenarios', 401, 200, 200, 200, 200],
  ['GET', '/api/signals/buurten', 401, 200, 200, 200, 200],
  ['GET', '/api/signals', 401, 200, 403, 403, 403],
  ['GET', '/api/signals?buurt=BU16740202', 401, 200, 403, 403, 403],
  ['GET', '/api/acquisition/zones', 401, 200, 200, 403, 403],
  ['GET', '/api/acquisition/candidates', 401, 200, 200, 403, 403],
  ['GET', '/api/acquisition/export?format=csv', 401, 200, 200, 403, 403],
  ['GET', '/api/acquisition/export?format=xlsx', 401, 200, 200, 403, 403],
  ['GET', '/api/acquisition/export?format=geojson', 401, 200, 200, 403, 403],
  ['GET', '/api/audit', 401, 200, 403, 403, 403],
  // Not listed in the policy: the municipality only (deny by default), and unknown routes stay 404 for it.
  ['GET', '/api/not-a-route', 401, 404, 403, 403, 403],
  // Tiles need a sign-in (the dwelling tiles carry addresses); this app has no tile directory, hence 404.
  ['GET', '/tiles/dwellings.pmtiles', 401, 404, 404, 404, 404],
];

const WHAT_IF = {
  type: 'tussenwoning',
  bouwjaar: 1965,
  oppervlakte: 100,
  label: 'E',
  eigendom: 'eigenaar-bewoner',
  date: '2025-03-01',
};
const bodyFor = (path: string) => (path.endsWith('what-if') ? JSON.stringify(WHAT_IF) : '{}');

describe('access matrix per role and route', () => {
  const principals: (Role | null)[] = [null, ...ROLES];
  for (const [method, path, ...expected] of MATRIX) {
    it(`${method} ${path}`, async () => {
      const got: number[] = [];
      for (const who of principals) {
        const res = await as(who)(
          path,
          method === 'POST' ? { method, headers: json, body: bodyFor(path) } : { method },
        );
        got.push(res.status);
        if (res.status === 401 || res.status === 403) {
          const body = (await res.json()) as Record<string, unknown>;
          expect(Object.keys(body).sort()).toEqual(['code', 'message']);
          expect(body.code).toBe(res.status === 401 ? 'auth.required' : 'auth.forbidden');
        } else {
          await res.arrayBuffer();
        }
      }
      expect(got).toEqual(expected);
    });
  }

  it('gives 401 with WWW-Authenticate for a wrong, expired or revoked token', async () => {
    const res = await as(null)('/api/buurten', { headers: { authorization: 'Bearer vrd_not-a-token' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(await res.json()).toMatchObject({ code: 'auth.token-invalid' });
    expect((await as(null)('/api/health', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });
});
