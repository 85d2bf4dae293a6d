import type { Hono } from 'hono';
import type { Dataset } from '../../engine/dwelling.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { splitRestricted } from '../../geodata/synthetic-signals/signal-set.ts';
import { createApp } from '../../server/app.ts';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import type { RouteDoc } from '../../server/openapi.ts';
import { RETROFIT_ROUTE_DOCS, registerRetrofitRoutes } from '../../server/routes/retrofit-routes.ts';
import { SCENARIO_ROUTE_DOCS, registerScenarioRoutes } from '../../server/routes/scenario-routes.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { testPassword, testSecurity, tokenFor } from '../api/test-app.ts';
import { securityDataset } from '../../engine/test-fixtures/security-dataset.ts';

export { testPassword };

export type Requester = (path: string, init?: RequestInit) => Promise<Response>;

export interface SecurityTestApp {
  app: Hono;
  ds: Dataset;
  ctx: Awaited<ReturnType<typeof makeCtx>>;
  /** Docs of routes this helper registered itself because server/app.ts does not (yet). */
  extraDocs: RouteDoc[];
  /** Bearer token per role. */
  tokens: Record<Role, string>;
  /** Requests as a role (bearer token) or unauthenticated (null). */
  as(role: Role | null): Requester;
}

async function makeCtx(full: Dataset, o: { now?: () => number }) {
  const { dataset } = splitRestricted(full);
  const engine = createEngineService();
  await engine.load(toColumns(dataset.dwellings));
  return { data: loadDatasetIntoMemory(dataset), engine, version: 'test', tilesDir: null, webDir: null, ...await testSecurity(full, o) };
}

/**
 * The full product app (createApp, plus the retrofit and scenario routes when app.ts does not register them
 * itself) over a dataset with signals; state in memory, one bearer token per role.
 */
export async function securityApp(full: Dataset = securityDataset(), o: { now?: () => number } = {}): Promise<SecurityTestApp> {
  const ctx = await makeCtx(full, o);
  const app = createApp(ctx);
  const has = (path: string) => app.routes.some((r) => r.path === path && r.method !== 'ALL');
  const extraDocs: RouteDoc[] = [];
  if (!has('/api/retrofit/scores')) {
    registerRetrofitRoutes(app, ctx, { today: () => '2025-06-01' });
    extraDocs.push(...RETROFIT_ROUTE_DOCS);
  }
  if (!has('/api/scenarios')) {
    registerScenarioRoutes(app, ctx);
    extraDocs.push(...SCENARIO_ROUTE_DOCS);
  }
  const tokens = Object.fromEntries(ROLES.map((r) => [r, tokenFor(ctx.security, r)])) as Record<Role, string>;
  const as = (role: Role | null): Requester => async (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (role !== null) headers.set('authorization', `Bearer ${tokens[role]}`);
    return app.request(path, { ...init, headers });
  };
  return { app, ds: full, ctx, extraDocs, tokens, as };
}
