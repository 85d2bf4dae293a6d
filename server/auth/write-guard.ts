import type { MiddlewareHandler } from 'hono';
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
