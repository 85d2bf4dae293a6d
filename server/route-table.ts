import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ApiError } from './api-error.ts';
import type { AppContext } from './app-context.ts';
import { ALL_ROLES } from './auth/roles.ts';
import { buildOpenApi } from './openapi.ts';
import { ACQUISITION_ROUTES } from './routes/acquisition-routes.ts';
import { AUDIT_ROUTES } from './routes/audit-routes.ts';
import { AUTH_ROUTES } from './routes/auth-routes.ts';
import { BLOCK_ROUTES } from './routes/block-routes.ts';
import { DATASET_ROUTES } from './routes/dataset-routes.ts';
import { PLAN_ROUTES } from './routes/plan-routes.ts';
import { POTENTIAL_ROUTES } from './routes/potential-routes.ts';
import { RETROFIT_ROUTES } from './routes/retrofit-routes.ts';
import { RULES_ROUTES } from './routes/rules-routes.ts';
import { SEARCH_ROUTES } from './routes/search-routes.ts';
import { SCENARIO_ROUTES } from './routes/scenario-routes.ts';
import { SCENARIO_VERSION_ROUTES } from './routes/scenario-version-routes.ts';
import { SIGNALS_ROUTES } from './routes/signals-routes.ts';
import { VVE_ROUTES } from './routes/vve-routes.ts';
import { json, route, routeGroup, type AnyRouteGroup, type AnyRouteSpec } from './route-spec.ts';
import { SECURITY_TXT_ROUTES } from './security-txt.ts';

/**
 * Every route the app serves, in registration order. The app registers these in one loop; the OpenAPI document,
 * the access policy and the body limits are derived from them. A route that is not here does not exist.
 */
const OpenApiDocument = z
  .looseObject({
    openapi: z.literal('3.1.0'),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .describe('this OpenAPI 3.1 document')
  .meta({ id: 'OpenApiDocument' });

const META_ROUTES = routeGroup(
  (ctx: AppContext) => ({ ctx, openapi: null as Record<string, unknown> | null }),
  [
    route({
      method: 'GET',
      path: '/api/openapi.json',
      access: ALL_ROLES,
      summary: 'This document',
      responses: { 200: json(OpenApiDocument) },
      handler: (c, _in, s) => c.json((s.openapi ??= buildOpenApi(ROUTES, s.ctx.version))),
    }),
  ],
);

/** Map tiles: the dwelling tiles carry addresses and attributes, so every tile needs a signed-in user. */
const TILE_ROUTES = routeGroup(
  (ctx: AppContext): MiddlewareHandler | null =>
    ctx.tilesDir
      ? // PMTiles archives are read with HTTP Range requests; serveStatic answers 206/416.
        serveStatic({ root: ctx.tilesDir, rewriteRequestPath: (p) => p.replace(/^\/tiles/, '') })
      : null,
  [
    route({
      method: 'GET',
      path: '/tiles/{file}',
      access: ALL_ROLES,
      errors: [404, 416],
      summary: 'PMTiles archives of the basemap and the dwellings, read with HTTP Range requests (206)',
      responses: {
        200: { description: 'The whole archive', content: { 'application/octet-stream': null } },
        206: { description: 'The requested byte range', content: { 'application/octet-stream': null } },
      },
      handler: async (c, _in, serve) => {
        const notFound = () => {
          throw new ApiError('not-found', `no tile file ${c.req.path}`);
        };
        if (!serve) return notFound();
        return (await serve(c, async () => notFound())) ?? notFound();
      },
    }),
  ],
);

export const ROUTE_GROUPS: readonly AnyRouteGroup<AppContext>[] = [
  DATASET_ROUTES,
  SEARCH_ROUTES,
  RETROFIT_ROUTES,
  SCENARIO_ROUTES,
  SCENARIO_VERSION_ROUTES,
  AUTH_ROUTES,
  SIGNALS_ROUTES,
  ACQUISITION_ROUTES,
  AUDIT_ROUTES,
  VVE_ROUTES,
  PLAN_ROUTES,
  RULES_ROUTES,
  META_ROUTES,
  SECURITY_TXT_ROUTES,
  TILE_ROUTES,
  BLOCK_ROUTES,
  POTENTIAL_ROUTES,
];

export const ROUTES: readonly AnyRouteSpec[] = ROUTE_GROUPS.flatMap((g) => g.routes);
