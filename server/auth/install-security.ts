import type { Hono, MiddlewareHandler } from 'hono';
import type { AcquisitionConfig } from '../../engine/acquisition/params.ts';
import type { SignalSet } from '../../geodata/synthetic-signals/signal-set.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import { setResponseHeader } from '../response-headers.ts';
import { accessControl } from './access-control.ts';
import { hostGuard } from './host-guard.ts';
import { clientAddressMiddleware } from './request-origin.ts';
import { stateStoreErrors } from './state-health.ts';
import type { SecurityContext } from './security-context.ts';
import { writeBodyLimit, writeGuard } from './write-guard.ts';

/** What the security middleware and the restricted routes need from the app context. */
export interface SecureAppContext {
  data: LoadedDataset;
  security: SecurityContext;
  /** RESTRICTED municipal signals (never in `data`, tiles or unrestricted routes). */
  signals: SignalSet;
  acquisition: AcquisitionConfig;
}

/** API responses carry personal data: not stored by browsers or proxies unless a route says otherwise. */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) setResponseHeader(c, 'Cache-Control', 'no-store');
};

/**
 * Tiles with dwellings carry addresses (personal data): never stored by browsers or proxies. The basemap (streets,
 * buildings without addresses) may be kept privately for an hour.
 */
const tileCaching: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.headers.has('Cache-Control')) return;
  setResponseHeader(
    c,
    'Cache-Control',
    c.req.path.startsWith('/tiles/basemap') ? 'private, max-age=3600' : 'private, no-store',
  );
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
