import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { API_ERROR_STATUS, ApiError, apiErrorBody } from '../api-error.ts';
import { verifyPassword } from '../auth/password.ts';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, cookieName, principalOf, sessionIdOf } from '../auth/principal.ts';
import { auditOrigin, clientAddress } from '../auth/request-origin.ts';
import {
  ACQUISITION_ROLES,
  ALL_ROLES,
  AUDIT_ROLES,
  ROLE_LABELS,
  Role,
  SIGNAL_DETAIL_ROLES,
  allows,
  type Principal,
} from '../auth/roles.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import { SignInBackoff } from '../auth/sign-in-backoff.ts';
import { json, route, routeGroup } from '../route-spec.ts';

/** Sign-in (session cookie), sign-out and "who am I" for the web app; scripts use bearer tokens instead. */
export const SignInBody = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const SessionResponse = z
  .object({
    user: z.object({ name: z.string(), displayName: z.string(), role: Role, roleLabel: z.string() }),
    via: z.enum(['session', 'token', 'cli']),
    permissions: z.object({
      signalDetail: z.boolean().describe('may read signals per address (GET /api/signals)'),
      acquisition: z.boolean().describe('may see acquisition candidates and export the list'),
      audit: z.boolean().describe('may read the audit log'),
    }),
  })
  .meta({ id: 'Session' });

const SignedOut = z.object({ signedOut: z.literal(true) }).meta({ id: 'SignedOut' });

export function sessionBody(p: Principal): z.infer<typeof SessionResponse> {
  return {
    user: { name: p.name, displayName: p.displayName, role: p.role, roleLabel: ROLE_LABELS[p.role] },
    via: p.via,
    permissions: {
      signalDetail: allows(SIGNAL_DETAIL_ROLES, p.role),
      acquisition: allows(ACQUISITION_ROLES, p.role),
      audit: allows(AUDIT_ROLES, p.role),
    },
  };
}

function secureRequest(c: Context, sec: SecurityContext): boolean {
  return sec.secureCookies || new URL(c.req.url).protocol === 'https:';
}

/** Credentials only: a few hundred bytes. */
const AUTH_BODY_LIMIT = 4 * 1024;

export const AUTH_ROUTES = routeGroup(
  ({ security: sec }: { security: SecurityContext }) => ({
    sec,
    // A hash of the first user's cost, so an unknown user name takes as long as a wrong password.
    timingHash: [...sec.users.values()][0]?.passwordHash ?? '',
  }),
  [
    route({
      method: 'POST',
      path: '/api/auth/sign-in',
      access: 'public',
      bodyLimit: AUTH_BODY_LIMIT,
      body: SignInBody,
      errors: [401, 429],
      summary:
        'Sign in with user name and password (JSON body {username, password}); sets an HttpOnly, SameSite=Strict session cookie. Failures back off per user name + client address, and are capped per client address (429).',
      responses: { 200: json(SessionResponse) },
      handler: async (c, { body }, { sec, timingHash }) => {
        const name = body.username.trim().toLowerCase();
        const address = clientAddress(c);
        const origin = auditOrigin(c);
        const pair = SignInBackoff.key(name, address);
        sec.refreshUsers();
        const wait = Math.max(sec.signIn.perPair.retryAfter(pair), sec.signIn.perAddress.retryAfter(address));
        if (wait > 0) {
          sec.audit.append({
            actor: name,
            role: null,
            via: 'anonymous',
            action: 'sign-in',
            object: `user:${name}`,
            result: 'denied',
            origin,
            detail: { reason: 'rate-limited' },
          });
          return c.json(
            apiErrorBody('auth.rate-limited', `too many sign-in attempts; try again in ${wait} s`),
            API_ERROR_STATUS['auth.rate-limited'],
            { 'Retry-After': String(wait) },
          );
        }
        const user = sec.users.get(name);
        const passwordOk = await verifyPassword(body.password, user?.passwordHash ?? timingHash);
        if (!user || user.disabled || !passwordOk) {
          sec.signIn.perPair.failed(pair);
          sec.signIn.perAddress.hit(address);
          sec.audit.append({
            actor: name,
            role: null,
            via: 'anonymous',
            action: 'sign-in',
            object: `user:${name}`,
            result: 'failed',
            origin,
          });
          throw new ApiError('auth.invalid-credentials', 'unknown user name or wrong password');
        }
        sec.signIn.perPair.succeeded(pair);
        const old = sessionIdOf(c);
        if (old !== null) sec.sessions.end(old);
        const sid = sec.sessions.create(user.name);
        const secure = secureRequest(c, sec);
        setCookie(c, cookieName(secure), sid, { httpOnly: true, secure, sameSite: 'Strict', path: '/' });
        sec.audit.append({
          actor: user.name,
          role: user.role,
          via: 'session',
          action: 'sign-in',
          object: `user:${user.name}`,
          result: 'ok',
          origin,
        });
        return c.json(sessionBody({ name: user.name, role: user.role, via: 'session', displayName: user.displayName }));
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/sign-out',
      access: ALL_ROLES,
      bodyLimit: AUTH_BODY_LIMIT,
      summary: 'Ends the session and clears its cookie (JSON body {})',
      responses: { 200: json(SignedOut) },
      handler: (c, _in, { sec }) => {
        const p = principalOf(c)!;
        const sid = sessionIdOf(c);
        if (sid !== null) sec.sessions.end(sid);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        if (secureRequest(c, sec)) deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
        sec.audit.append({
          actor: p.name,
          role: p.role,
          via: p.via,
          action: 'sign-out',
          object: `user:${p.name}`,
          result: 'ok',
          origin: auditOrigin(c),
        });
        return c.json({ signedOut: true as const });
      },
    }),
    route({
      method: 'GET',
      path: '/api/auth/session',
      access: ALL_ROLES,
      summary: 'The signed-in user, role and permissions (401 when not signed in)',
      responses: { 200: json(SessionResponse) },
      handler: (c) => c.json(sessionBody(principalOf(c)!)),
    }),
  ],
);
