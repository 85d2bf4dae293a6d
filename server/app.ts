import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { ApiError } from './api-error.ts';
import type { AppContext } from './app-context.ts';
import { SECURITY_ROUTE_DOCS, annotateOpenApi, installSecurity, registerSecurityRoutes } from './auth/install-security.ts';
import { buildOpenApi } from './openapi.ts';
import { DATASET_ROUTE_DOCS, registerDatasetRoutes } from './routes/dataset-routes.ts';
import { RETROFIT_ROUTE_DOCS, registerRetrofitRoutes, todayInNl } from './routes/retrofit-routes.ts';
import { PLAN_ROUTE_DOCS, registerPlanRoutes } from './routes/plan-routes.ts';
import { SCENARIO_ROUTE_DOCS, registerScenarioRoutes } from './routes/scenario-routes.ts';
import { VVE_ROUTE_DOCS, registerVveRoutes } from './routes/vve-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { registerSecurityTxt } from './security-txt.ts';

/** The HTTP app as a value: tested with app.request(), served by serve.ts. */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  // Before every route: same-origin JSON-only writes, sign-in (401) and role checks (403) for /api and /tiles.
  installSecurity(app, ctx);
  app.use('/api/*', async (c, next) => {
    await next();
    if (ctx.data.dataset.meta.synthetic) c.header('X-Voorraad-Synthetic', 'true');
  });

  registerDatasetRoutes(app, ctx);
  registerRetrofitRoutes(app, ctx);
  registerScenarioRoutes(app, ctx);
  registerSecurityRoutes(app, ctx);
  registerVveRoutes(app, ctx);
  registerPlanRoutes(app, ctx);
  registerSecurityTxt(app, { today: ctx.today ?? (() => todayInNl()) });
  const docs = [...DATASET_ROUTE_DOCS, ...RETROFIT_ROUTE_DOCS, ...SCENARIO_ROUTE_DOCS, ...SECURITY_ROUTE_DOCS, ...VVE_ROUTE_DOCS, ...PLAN_ROUTE_DOCS, { method: 'get' as const, path: '/api/openapi.json', summary: 'This document', response: DATASET_ROUTE_DOCS[0]!.response }];
  const openapi = annotateOpenApi(buildOpenApi(docs, ctx.version));
  app.get('/api/openapi.json', (c) => c.json(openapi));

  if (ctx.tilesDir) {
    // PMTiles archives are read with HTTP Range requests; serveStatic answers 206/416.
    app.use('/tiles/*', serveStatic({ root: ctx.tilesDir, rewriteRequestPath: (p) => p.replace(/^\/tiles/, '') }));
  }
  if (ctx.webDir) {
    app.use('/*', serveStatic({ root: ctx.webDir }));
  }

  app.notFound((c) => c.json({ code: 'not-found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ code: err.code, message: err.message, ...(err.path ? { path: err.path } : {}) }, err.status);
    if (err instanceof HTTPException) return c.json({ code: `http.${err.status}`, message: err.message }, err.status);
    console.error(err);
    return c.json({ code: 'internal', message: 'internal server error' }, 500);
  });
  return app;
}
