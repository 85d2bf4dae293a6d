import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Principal } from './roles.ts';
import type { SecurityContext } from './security-context.ts';

/**
 * Who made a request: a bearer token (scripts) or the session cookie (browser). Kept as a context variable
 * (typed through Hono's ContextVariableMap), read by routes with `principalOf(c)`.
 */
declare module 'hono' {
  interface ContextVariableMap {
    principal?: Principal;
  }
}

export const SESSION_COOKIE = 'voorraad_sessie';
/** Name with the __Host- prefix when the cookie is Secure: the browser then refuses it from sub-domains or over http. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function cookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function principalOf(c: Context): Principal | null {
  return c.get('principal') ?? null;
}

export function setPrincipal(c: Context, p: Principal): void {
  c.set('principal', p);
}

/** The session id from the cookie (either name), or null. */
export function sessionIdOf(c: Context): string | null {
  return getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE) ?? null;
}

export type Resolution = { kind: 'none' } | { kind: 'invalid-token' } | { kind: 'principal'; principal: Principal };

export function resolvePrincipal(c: Context, sec: SecurityContext): Resolution {
  const auth = c.req.header('authorization');
  if (auth !== undefined) {
    sec.refreshUsers();
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const info = m ? sec.tokens.verify(m[1]!) : null;
    if (!info) return { kind: 'invalid-token' };
    return {
      kind: 'principal',
      principal: { name: info.name, role: info.role, via: 'token', displayName: `${info.name} (token ${info.id})` },
    };
  }
  const sid = sessionIdOf(c);
  if (sid === null) return { kind: 'none' };
  // A password reset or a disabled account in the users file ends the user's sessions at once.
  sec.refreshUsers();
  const userName = sec.sessions.resolve(sid);
  const user = userName === null ? undefined : sec.users.get(userName);
  if (!user || user.disabled) return { kind: 'none' };
  return {
    kind: 'principal',
    principal: { name: user.name, role: user.role, via: 'session', displayName: user.displayName },
  };
}
