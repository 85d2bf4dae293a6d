import { describe, expect, it } from 'vitest';
import { securityApp } from '../security/security-app.ts';
import { ROUTE_POLICIES, policyFor } from '../../server/auth/access-policy.ts';
import { DEFAULT_WRITE_BODY_LIMIT, WRITE_BODY_LIMITS } from '../../server/auth/write-guard.ts';
import { honoPath } from '../../server/route-spec.ts';
import { ROUTES } from '../../server/route-table.ts';

const { app } = await securityApp();

describe('route table', () => {
  it('matches the routes the app serves one to one (each spec registered once, nothing registered outside it)', () => {
    const served = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    const declared = ROUTES.map((r) => `${r.method} ${honoPath(r.path)}`);
    expect(served).toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('derives the access policy and the body limits from the specs', () => {
    expect(ROUTE_POLICIES.map((p) => `${p.method} ${p.path}`)).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`));
    for (const r of ROUTES) {
      expect(policyFor(r.method, r.path.replace(/\{[^}]+\}/g, '1'))?.access, `${r.method} ${r.path}`).toEqual(r.access);
      if (r.method !== 'GET')
        expect(WRITE_BODY_LIMITS[`${r.method} ${r.path}`]).toBe(r.bodyLimit ?? DEFAULT_WRITE_BODY_LIMIT);
    }
    expect(Object.keys(WRITE_BODY_LIMITS).every((k) => !k.startsWith('GET '))).toBe(true);
  });

  it('declares every path parameter of a templated path', () => {
    for (const r of ROUTES) {
      const names = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      if (names.length && r.params) expect(Object.keys(r.params.shape).sort(), r.path).toEqual([...names].sort());
    }
  });
});
