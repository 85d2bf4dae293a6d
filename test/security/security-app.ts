import type { Hono } from 'hono';
import type { Dataset } from '../../engine/dataset.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { splitRestricted } from '../../geodata/synthetic-signals/signal-set.ts';
import { createApp } from '../../server/app.ts';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { testPassword, testSecurity, tokenFor } from '../api/test-app.ts';
import { securityDataset } from '../../engine/test-fixtures/security-dataset.ts';

export { testPassword };

export type Requester = (path: string, init?: RequestInit) => Promise<Response>;

export interface SecurityTestApp {
  app: Hono;
  ds: Dataset;
  ctx: Awaited<ReturnType<typeof makeCtx>>;
  /** Bearer token per role. */
  tokens: Record<Role, string>;
  /** Requests as a role (bearer token) or unauthenticated (null). */
  as(role: Role | null): Requester;
}

async function makeCtx(full: Dataset, o: { now?: () => number }) {
  const { dataset } = splitRestricted(full);
  const engine = createEngineService();
  await engine.load(toColumns(dataset.dwellings));
  return {
    data: loadDatasetIntoMemory(dataset),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    today: () => '2025-06-01',
    ...(await testSecurity(full, o)),
  };
}

/**
 * The full product app (createApp) over a dataset with signals; state in memory, one bearer token per role.
 */
export async function securityApp(
  full: Dataset = securityDataset(),
  o: { now?: () => number } = {},
): Promise<SecurityTestApp> {
  const ctx = await makeCtx(full, o);
  const app = createApp(ctx);
  const tokens = Object.fromEntries(ROLES.map((r) => [r, tokenFor(ctx.security, r)])) as Record<Role, string>;
  const as =
    (role: Role | null): Requester =>
    async (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (role !== null) headers.set('authorization', `Bearer ${tokens[role]}`);
      return app.request(path, { ...init, headers });
    };
  return { app, ds: full, ctx, tokens, as };
}
