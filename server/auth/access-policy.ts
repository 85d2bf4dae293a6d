import { ROUTES } from '../route-table.ts';
import type { Access } from './roles.ts';

/**
 * Who may call which route, derived from the route specs (server/route-table.ts): `public` needs no sign-in;
 * otherwise the listed roles. A path under /api or /tiles that no spec declares is open to `gemeente` only
 * (deny by default; it answers 404 for them). Field-level rules live with the routes that apply them
 * (acquisition: signal fields only for SIGNAL_DETAIL_ROLES).
 */
export { allows, type Access } from './roles.ts';

export interface RoutePolicy {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  /** The route serves RESTRICTED data: refusals are written to the audit log too. */
  restricted?: boolean;
}

export const ROUTE_POLICIES: readonly RoutePolicy[] = ROUTES.map((r) => ({
  method: r.method,
  path: r.path,
  access: r.access,
  ...(r.restricted ? { restricted: true } : {}),
}));

/** Access for anything under /api or /tiles that is not declared: the municipality only. */
export const DEFAULT_ACCESS: Access = ['gemeente'];

interface Compiled {
  policy: RoutePolicy;
  re: RegExp;
}

/** A regular expression for an OpenAPI path template (`{name}` = one segment). */
export const templateRe = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}/?$`);

function compile(policies: readonly RoutePolicy[]): Compiled[] {
  // Literal paths before templated ones, so /api/signals/buurten never matches a {param} route first.
  return [...policies]
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))
    .map((policy) => ({ policy, re: templateRe(policy.path) }));
}

let compiled: Compiled[] | null = null;

/** The policy of a request (HEAD is treated as GET), or null when no route spec declares it. */
export function policyFor(method: string, path: string): RoutePolicy | null {
  compiled ??= compile(ROUTE_POLICIES);
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  for (const c of compiled) if (c.policy.method === m && c.re.test(path)) return c.policy;
  return null;
}
