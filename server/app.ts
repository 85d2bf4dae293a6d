import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { ApiError } from './api-error.ts';
import type { AppContext } from './app-context.ts';
import { installSecurity } from './auth/install-security.ts';
import { setResponseHeader } from './response-headers.ts';
import { registerRoutes } from './route-spec.ts';
import { ROUTE_GROUPS } from './route-table.ts';
import { securityHeaders } from './security-headers.ts';

/** The HTTP app as a value: tested with app.request(), served by start-server.ts. */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  // Before every route: same-origin JSON-only writes, sign-in (401) and role checks (403) for /api and /tiles.
  installSecurity(app, ctx);
  app.use('/api/*', async (c, next) => {
    await next();
    if (ctx.data.dataset.meta.synthetic) setResponseHeader(c, 'X-Voorraad-Synthetic', 'true');
  });

  // Every route, declared once in route-table.ts (which the OpenAPI document, access policy and body limits share).
  registerRoutes(app, ROUTE_GROUPS, ctx);

  if (ctx.webDir) {
    app.use('/*', serveStatic({ root: ctx.webDir }));
  }

  app.notFound((c) => c.json({ code: 'not-found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError)
      return c.json({ code: err.code, message: err.message, ...(err.path ? { path: err.path } : {}) }, err.status);
    if (err instanceof HTTPException) return c.json({ code: `http.${err.status}`, message: err.message }, err.status);
    console.error(err);
    return c.json({ code: 'internal', message: 'internal server error' }, 500);
  });
  return app;
}
