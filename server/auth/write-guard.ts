import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.ts';
import { isWrite } from '../route-spec.ts';
import { ROUTES } from '../route-table.ts';
import { templateRe } from './access-policy.ts';

/**
 * State-changing requests (POST, PUT, PATCH, DELETE) under /api: only from the same origin (Origin and
 * Sec-Fetch-Site checked; hono's csrf() lets a cross-site JSON POST through) and only as application/json (415
 * otherwise), so no HTML form on another site can drive the API.
 */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function writeGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new ApiError('origin.forbidden', `cross-site request refused (Sec-Fetch-Site: ${site})`);
    const origin = c.req.header('origin');
    if (origin !== undefined && hostOf(origin) !== new URL(c.req.url).host)
      throw new ApiError('origin.forbidden', `cross-origin request from ${origin} refused`);
    if (!isJson(c.req.header('content-type')))
      throw new ApiError('body.content-type', 'send the request body as application/json');
    return next();
  };
}

/** Body limit of every write under /api unless WRITE_BODY_LIMITS names the route (bytes). */
export const DEFAULT_WRITE_BODY_LIMIT = 64 * 1024;

/**
 * Per-route body limits, keyed `METHOD /openapi/path` (templated segments as `{name}`), from the route specs'
 * `bodyLimit` (server/route-table.ts); a write route without one gets DEFAULT_WRITE_BODY_LIMIT.
 */
export const WRITE_BODY_LIMITS: Readonly<Record<string, number>> = Object.fromEntries(
  ROUTES.filter((r) => isWrite(r.method)).map((r) => [
    `${r.method} ${r.path}`,
    r.bodyLimit ?? DEFAULT_WRITE_BODY_LIMIT,
  ]),
);

/**
 * A body limit on every state-changing request under /api (tech-notes: bodyLimit on GETs costs throughput,
 * so reads are not wrapped). Routes may set a tighter limit of their own as well; the tighter one wins.
 */
export function writeBodyLimit(
  limits: Readonly<Record<string, number>> = WRITE_BODY_LIMITS,
  fallback = DEFAULT_WRITE_BODY_LIMIT,
): MiddlewareHandler {
  const rules = Object.entries(limits).map(([key, maxSize]) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, re: templateRe(path), maxSize };
  });
  const byLimit = new Map<number, MiddlewareHandler>();
  const limiter = (maxSize: number): MiddlewareHandler => {
    let m = byLimit.get(maxSize);
    if (!m) {
      m = bodyLimit({
        maxSize,
        onError: () => {
          throw new ApiError('body.too-large', `request body over ${maxSize} bytes`);
        },
      });
      byLimit.set(maxSize, m);
    }
    return m;
  };
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && !/^\d+$/.test(length.trim()))
      throw new ApiError('body.content-length', `Content-Length "${length}" is not a byte count`);
    const maxSize = rules.find((r) => r.method === c.req.method && r.re.test(c.req.path))?.maxSize ?? fallback;
    return limiter(maxSize)(c, next);
  };
}
