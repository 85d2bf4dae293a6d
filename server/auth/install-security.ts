import type { Hono, MiddlewareHandler } from 'hono';
import type { AcquisitionConfig } from '../../engine/acquisition/params.ts';
import type { SignalSet } from '../../geodata/synthetic-signals/signal-set.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import type { RouteDoc } from '../openapi.ts';
import { ACQUISITION_ROUTE_DOCS, registerAcquisitionRoutes, type AcquisitionRouteContext } from '../routes/acquisition-routes.ts';
import { AUDIT_ROUTE_DOCS, registerAuditRoutes } from '../routes/audit-routes.ts';
import { AUTH_ROUTE_DOCS, registerAuthRoutes } from '../routes/auth-routes.ts';
import { SIGNALS_ROUTE_DOCS, registerSignalsRoutes } from '../routes/signals-routes.ts';
import { accessControl } from './access-control.ts';
import { hostGuard } from './host-guard.ts';
import { stateStoreErrors } from './state-health.ts';
import { clientAddressMiddleware } from './request-origin.ts';
import { DEFAULT_ACCESS, ROUTE_POLICIES } from './access-policy.ts';
import type { SecurityContext } from './security-context.ts';
import { writeBodyLimit, writeGuard } from './write-guard.ts';

/** What the security middleware and the restricted routes need from the app context. */
export interface SecureAppContext {
  data: LoadedDataset;
  security: SecurityContext;
  /** RESTRICTED municipal signals (never in `data`, tiles or unrestricted routes). */
  signals: SignalSet;
  acquisition: AcquisitionConfig;
  acquisitionPlanner?: AcquisitionRouteContext['acquisitionPlanner'];
}

/** API responses carry personal data: not stored by browsers or proxies unless a route says otherwise. */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};

/**
 * Tiles with dwellings carry addresses (personal data): never stored by browsers or proxies. The basemap (streets,
 * buildings without addresses) may be kept privately for an hour.
 */
const tileCaching: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.headers.has('Cache-Control')) return;
  c.header('Cache-Control', c.req.path.startsWith('/tiles/basemap') ? 'private, max-age=3600' : 'private, no-store');
};

/**
 * Installs, before every route: same-origin JSON-only writes with a body limit, authentication and route authorisation for
 * /api/* and /tiles/*, and no-store caching for /api/*. Call first in createApp.
 */
export function installSecurity(app: Hono, ctx: Pick<SecureAppContext, 'security'>): void {
  app.use('*', stateStoreErrors(ctx.security.state));
  app.use('*', hostGuard(ctx.security.allowedHosts));
  app.use('*', clientAddressMiddleware(ctx.security.trustedProxies));
  app.use('/api/*', writeGuard());
  app.use('/api/*', writeBodyLimit());
  app.use('/api/*', accessControl(ctx.security));
  app.use('/api/*', noStore);
  app.use('/tiles/*', accessControl(ctx.security));
  app.use('/tiles/*', tileCaching);
}

/** Registers sign-in/out, signals, acquisition and audit routes. */
export function registerSecurityRoutes(app: Hono, ctx: SecureAppContext): void {
  registerAuthRoutes(app, ctx.security);
  registerSignalsRoutes(app, { ...ctx, vacancyMonthsThreshold: ctx.acquisition.vacancyMonthsThreshold });
  registerAcquisitionRoutes(app, ctx);
  registerAuditRoutes(app, ctx.security);
}

export const SECURITY_ROUTE_DOCS: readonly RouteDoc[] = [...AUTH_ROUTE_DOCS, ...SIGNALS_ROUTE_DOCS, ...ACQUISITION_ROUTE_DOCS, ...AUDIT_ROUTE_DOCS];

/**
 * Adds the access rules to an OpenAPI document: security schemes (bearer token, session cookie), `security`
 * per operation (none for public routes) and `x-roles`, the roles that may call it.
 */
export function annotateOpenApi(doc: Record<string, unknown>): Record<string, unknown> {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const access = ROUTE_POLICIES.find((p) => p.method === method.toUpperCase() && p.path === path)?.access ?? DEFAULT_ACCESS;
      op['x-roles'] = access === 'public' ? 'public' : [...access];
      op.security = access === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }];
    }
  }
  return {
    ...doc,
    components: {
      ...((doc.components as Record<string, unknown> | undefined) ?? {}),
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'a token from `voorraad token --role <role>`' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'voorraad_sessie', description: 'set by POST /api/auth/sign-in (__Host-voorraad_sessie behind TLS)' },
      },
    },
  };
}
