import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ApiError } from '../api-error.ts';
import { allows, policyFor } from '../auth/access-policy.ts';
import { verifyPassword } from '../auth/password.ts';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, cookieName, principalOf, sessionIdOf } from '../auth/principal.ts';
import { auditOrigin, clientAddress } from '../auth/request-origin.ts';
import { ROLE_LABELS, Role, type Principal } from '../auth/roles.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import { SignInBackoff } from '../auth/sign-in-backoff.ts';
import type { RouteDoc } from '../openapi.ts';

/** Sign-in (session cookie), sign-out and "who am I" for the web app; scripts use bearer tokens instead. */
export const SignInBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
}).strict();

export const SessionResponse = z.object({
  user: z.object({ name: z.string(), displayName: z.string(), role: Role, roleLabel: z.string() }),
  via: z.enum(['session', 'token', 'cli']),
  permissions: z.object({
    signalDetail: z.boolean().describe('may read signals per address (GET /api/signals)'),
    acquisition: z.boolean().describe('may see acquisition candidates and export the list'),
    audit: z.boolean().describe('may read the audit log'),
  }),
}).meta({ id: 'Session' });

const SignedOut = z.object({ signedOut: z.literal(true) }).meta({ id: 'SignedOut' });

export const AUTH_ROUTE_DOCS: RouteDoc[] = [
  { method: 'post', path: '/api/auth/sign-in', body: SignInBody, summary: 'Sign in with user name and password (JSON body {username, password}); sets an HttpOnly, SameSite=Strict session cookie. Failures back off per user name + client address, and are capped per client address (429).', response: SessionResponse, errors: [400, 401, 403, 413, 415, 429] },
  { method: 'post', path: '/api/auth/sign-out', summary: 'Ends the session and clears its cookie (JSON body {})', response: SignedOut, errors: [401, 403, 415] },
  { method: 'get', path: '/api/auth/session', summary: 'The signed-in user, role and permissions (401 when not signed in)', response: SessionResponse, errors: [401] },
];

const may = (role: Role, method: string, path: string): boolean => allows(policyFor(method, path)?.access ?? [], role);

export function sessionBody(p: Principal): z.infer<typeof SessionResponse> {
  return {
    user: { name: p.name, displayName: p.displayName, role: p.role, roleLabel: ROLE_LABELS[p.role] },
    via: p.via,
    permissions: {
      signalDetail: may(p.role, 'GET', '/api/signals'),
      acquisition: may(p.role, 'GET', '/api/acquisition/candidates'),
      audit: may(p.role, 'GET', '/api/audit'),
    },
  };
}

function secureRequest(c: Context, sec: SecurityContext): boolean {
  return sec.secureCookies || new URL(c.req.url).protocol === 'https:';
}

export function registerAuthRoutes(app: Hono, sec: SecurityContext): void {
  // A hash of the first user's cost, so an unknown user name takes as long as a wrong password.
  const timingHash = [...sec.users.values()][0]?.passwordHash ?? '';
  const limit = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ApiError(413, 'body.too-large', 'request body over 4 KiB'); } });

  app.post('/api/auth/sign-in', limit, async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, 'body.json', 'the body is not valid JSON', ['body']);
    }
    const body = SignInBody.safeParse(raw);
    if (!body.success) throw new ApiError(400, 'body.invalid', 'expected {"username": "...", "password": "..."}', ['body', ...body.error.issues[0]!.path.map(String)]);
    const name = body.data.username.trim().toLowerCase();
    const address = clientAddress(c);
    const origin = auditOrigin(c);
    const pair = SignInBackoff.key(name, address);
    sec.refreshUsers();
    const wait = Math.max(sec.signIn.perPair.retryAfter(pair), sec.signIn.perAddress.retryAfter(address));
    if (wait > 0) {
      sec.audit.append({ actor: name, role: null, via: 'anonymous', action: 'sign-in', object: `user:${name}`, result: 'denied', origin, detail: { reason: 'rate-limited' } });
      return c.json({ code: 'auth.rate-limited', message: `too many sign-in attempts; try again in ${wait} s` }, 429, { 'Retry-After': String(wait) });
    }
    const user = sec.users.get(name);
    const passwordOk = await verifyPassword(body.data.password, user?.passwordHash ?? timingHash);
    if (!user || user.disabled || !passwordOk) {
      sec.signIn.perPair.failed(pair);
      sec.signIn.perAddress.hit(address);
      sec.audit.append({ actor: name, role: null, via: 'anonymous', action: 'sign-in', object: `user:${name}`, result: 'failed', origin });
      return c.json({ code: 'auth.invalid-credentials', message: 'unknown user name or wrong password' }, 401);
    }
    sec.signIn.perPair.succeeded(pair);
    const old = sessionIdOf(c);
    if (old !== null) sec.sessions.end(old);
    const sid = sec.sessions.create(user.name);
    const secure = secureRequest(c, sec);
    setCookie(c, cookieName(secure), sid, { httpOnly: true, secure, sameSite: 'Strict', path: '/' });
    sec.audit.append({ actor: user.name, role: user.role, via: 'session', action: 'sign-in', object: `user:${user.name}`, result: 'ok', origin });
    return c.json(sessionBody({ name: user.name, role: user.role, via: 'session', displayName: user.displayName }));
  });

  app.post('/api/auth/sign-out', limit, (c) => {
    const p = principalOf(c)!;
    const sid = sessionIdOf(c);
    if (sid !== null) sec.sessions.end(sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    if (secureRequest(c, sec)) deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
    sec.audit.append({ actor: p.name, role: p.role, via: p.via, action: 'sign-out', object: `user:${p.name}`, result: 'ok', origin: auditOrigin(c) });
    return c.json({ signedOut: true as const });
  });

  app.get('/api/auth/session', (c) => c.json(sessionBody(principalOf(c)!)));
}
