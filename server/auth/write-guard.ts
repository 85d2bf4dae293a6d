import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.ts';

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
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new ApiError(403, 'origin.forbidden', `cross-site request refused (Sec-Fetch-Site: ${site})`);
    const origin = c.req.header('origin');
    if (origin !== undefined && hostOf(origin) !== new URL(c.req.url).host) throw new ApiError(403, 'origin.forbidden', `cross-origin request from ${origin} refused`);
    if (!isJson(c.req.header('content-type'))) throw new ApiError(415, 'body.content-type', 'send the request body as application/json');
    return next();
  };
}

/** Body limit of every write under /api unless WRITE_BODY_LIMITS names the route (bytes). */
export const DEFAULT_WRITE_BODY_LIMIT = 64 * 1024;

/**
 * Per-route body limits, keyed `METHOD /openapi/path` (templated segments as `{name}`). A route added later
 * gets DEFAULT_WRITE_BODY_LIMIT without any change here; list it only when it needs more or less.
 */
export const WRITE_BODY_LIMITS: Readonly<Record<string, number>> = {
  // Credentials only: a few hundred bytes.
  'POST /api/auth/sign-in': 4 * 1024,
  'POST /api/auth/sign-out': 4 * 1024,
  // An inline scenario with its interventions and targets (scenario-routes.ts MAX_BODY).
  'POST /api/scenarios/run': 256 * 1024,
  // A planner input with a corporation schedule of a few thousand panden (plan-routes.ts MAX_BODY).
  'POST /api/plans': 256 * 1024,
  'POST /api/plans/{id}/replan': 256 * 1024,
  'PATCH /api/plans/{id}/dwellings/{vboId}': 256 * 1024,
};

const templateRe = (path: string): RegExp => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}/?$`);

/**
 * A body limit on every state-changing request under /api (tech-notes: bodyLimit on GETs costs throughput,
 * so reads are not wrapped). Routes may set a tighter limit of their own as well; the tighter one wins.
 */
export function writeBodyLimit(limits: Readonly<Record<string, number>> = WRITE_BODY_LIMITS, fallback = DEFAULT_WRITE_BODY_LIMIT): MiddlewareHandler {
  const rules = Object.entries(limits).map(([key, maxSize]) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, re: templateRe(path), maxSize };
  });
  const byLimit = new Map<number, MiddlewareHandler>();
  const limiter = (maxSize: number): MiddlewareHandler => {
    let m = byLimit.get(maxSize);
    if (!m) {
      m = bodyLimit({ maxSize, onError: () => { throw new ApiError(413, 'body.too-large', `request body over ${maxSize} bytes`); } });
      byLimit.set(maxSize, m);
    }
    return m;
  };
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && !/^\d+$/.test(length.trim())) throw new ApiError(400, 'body.content-length', `Content-Length "${length}" is not a byte count`);
    const maxSize = rules.find((r) => r.method === c.req.method && r.re.test(c.req.path))?.maxSize ?? fallback;
    return limiter(maxSize)(c, next);
  };
}
