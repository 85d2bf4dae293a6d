import type { Hono, MiddlewareHandler } from 'hono';
import type { AcquisitionConfig } from '../../engine/acquisition/params.ts';
import type { SignalSet } from '../../geodata/synthetic-signals/signal-set.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import { accessControl } from './access-control.ts';
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
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};

/**
 * Installs, before every route: same-origin JSON-only writes with a body limit, authentication and route authorisation for
 * /api/* and /tiles/*, and no-store caching for /api/*. Call first in createApp.
 */
export function installSecurity(app: Hono, ctx: Pick<SecureAppContext, 'security'>): void {
  app.use('/api/*', writeGuard());
  app.use('/api/*', writeBodyLimit());
  app.use('/api/*', accessControl(ctx.security));
  app.use('/api/*', noStore);
  app.use('/tiles/*', accessControl(ctx.security));
}
