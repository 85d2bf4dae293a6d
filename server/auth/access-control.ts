import type { MiddlewareHandler } from 'hono';
import { DEFAULT_ACCESS, allows, policyFor } from './access-policy.ts';
import { resolvePrincipal, setPrincipal } from './principal.ts';
import { auditOrigin } from './request-origin.ts';
import type { SecurityContext } from './security-context.ts';

/**
 * Authentication and route authorisation for /api/* and /tiles/*: unauthenticated → 401 JSON, a role the
 * route's policy does not list → 403 JSON (and, for restricted routes, a count in the audit log per actor, route and minute). The static web app
 * is public (it holds no data); it shows the sign-in page until /api/auth/session answers.
 */
export function accessControl(sec: SecurityContext): MiddlewareHandler {
  return async (c, next) => {
    const policy = policyFor(c.req.method, c.req.path);
    const access = policy?.access ?? DEFAULT_ACCESS;
    const r = resolvePrincipal(c, sec);
    if (r.kind === 'invalid-token') {
      return c.json({ code: 'auth.token-invalid', message: 'the bearer token is unknown, expired or revoked' }, 401, {
        'WWW-Authenticate': 'Bearer realm="voorraad", error="invalid_token"',
      });
    }
    if (r.kind === 'principal') setPrincipal(c, r.principal);
    if (access === 'public') return next();
    if (r.kind === 'none') {
      return c.json({ code: 'auth.required', message: 'sign in (session cookie) or send a bearer token' }, 401, {
        'WWW-Authenticate': 'Bearer realm="voorraad"',
      });
    }
    const p = r.principal;
    if (!allows(access, p.role)) {
      if (policy?.restricted) {
        sec.denied.record({
          actor: p.name,
          role: p.role,
          via: p.via,
          object: `${c.req.method} ${c.req.path}`,
          origin: auditOrigin(c),
        });
      }
      return c.json(
        { code: 'auth.forbidden', message: `role ${p.role} may not use ${c.req.method} ${c.req.path}` },
        403,
      );
    }
    return next();
  };
}
