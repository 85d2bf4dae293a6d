import { PLAN_READ_ROLES as PLAN_READ_ROLE_NAMES, PLAN_WRITE_ROLES as PLAN_WRITE_ROLE_NAMES } from '../../engine/planner/plan-status.ts';
import { ACQUISITION_ROLES, ROLES, SIGNAL_DETAIL_ROLES, type Role } from './roles.ts';

/**
 * Who may call which route: one line per route (OpenAPI path syntax). `public` needs no sign-in; otherwise the
 * listed roles. A route that is not listed here is open to `gemeente` only (deny by default for everyone
 * else), and test/security fails until it is listed. Field-level rules live with the routes that apply them
 * (acquisition: signal fields only for SIGNAL_DETAIL_ROLES).
 */
export type Access = 'public' | readonly Role[];

export interface RoutePolicy {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  /** The route serves RESTRICTED data: refusals are written to the audit log too. */
  restricted?: boolean;
}

const ALL: readonly Role[] = ROLES;
/** Batch plans: who makes and updates them, and who reads them (see the plan routes below). */
export const PLAN_WRITE_ROLES: readonly Role[] = PLAN_WRITE_ROLE_NAMES;
export const PLAN_READ_ROLES: readonly Role[] = PLAN_READ_ROLE_NAMES;

export const ROUTE_POLICIES: readonly RoutePolicy[] = [
  // Liveness and dataset facts only (name, date, counts, attribution): nothing about dwellings or people.
  { method: 'GET', path: '/api/health', access: 'public' },
  { method: 'POST', path: '/api/auth/sign-in', access: 'public' },
  { method: 'POST', path: '/api/auth/sign-out', access: ALL },
  { method: 'GET', path: '/api/auth/session', access: ALL },
  { method: 'GET', path: '/api/openapi.json', access: ALL },
  // Dwelling data from public registers (BAG, EP-Online, banded WOZ, ownership category): every signed-in role.
  { method: 'GET', path: '/api/buurten', access: ALL },
  { method: 'GET', path: '/api/dwellings', access: ALL },
  { method: 'GET', path: '/api/dwellings/table', access: ALL },
  { method: 'GET', path: '/api/stats', access: ALL },
  { method: 'POST', path: '/api/retrofit/what-if', access: ALL },
  { method: 'GET', path: '/api/retrofit/scores', access: ALL },
  { method: 'GET', path: '/api/retrofit/dwellings/{vboId}', access: ALL },
  { method: 'GET', path: '/api/retrofit/context', access: ALL },
  // Scenario runs compute with the stock and change nothing: every role (the comparison page).
  { method: 'GET', path: '/api/scenarios', access: ALL },
  { method: 'POST', path: '/api/scenarios/run', access: ALL },
  // Signals: buurt aggregates after disclosure control for everyone; detail per address for gemeente only.
  { method: 'GET', path: '/api/signals/buurten', access: ALL },
  { method: 'GET', path: '/api/signals', access: SIGNAL_DETAIL_ROLES, restricted: true },
  // Acquisition: the municipality, and Alwel as partner (without signal fields).
  { method: 'GET', path: '/api/acquisition/zones', access: ACQUISITION_ROLES },
  { method: 'GET', path: '/api/acquisition/candidates', access: ACQUISITION_ROLES, restricted: true },
  { method: 'GET', path: '/api/acquisition/export', access: ACQUISITION_ROLES, restricted: true },
  { method: 'GET', path: '/api/audit', access: ['gemeente'], restricted: true },
  // Batch plans (issue 5): the VHF project organisation makes and runs them with the gemeente; Alwel reads them
  // (gespikkeld bezit: which private dwellings in its blocks go in which season). Not the viewer: a plan holds a
  // status per address (an owner declined, a survey ran), personal data about owners that a meelezer does not
  // need. Exports leave the system: only the roles that hand lists to contractors and ecologists (PLAN_WRITE_ROLES).
  { method: 'GET', path: '/api/plans', access: PLAN_READ_ROLES, restricted: true },
  { method: 'POST', path: '/api/plans', access: PLAN_WRITE_ROLES, restricted: true },
  { method: 'GET', path: '/api/plans/{id}', access: PLAN_READ_ROLES, restricted: true },
  { method: 'PATCH', path: '/api/plans/{id}/dwellings/{vboId}', access: PLAN_WRITE_ROLES, restricted: true },
  { method: 'POST', path: '/api/plans/{id}/replan', access: PLAN_WRITE_ROLES, restricted: true },
  { method: 'GET', path: '/api/plans/{id}/export', access: PLAN_WRITE_ROLES, restricted: true },
  // RFC 9116 vulnerability-reporting contact (server/security-txt.ts): for anyone, no data.
  { method: 'GET', path: '/.well-known/security.txt', access: 'public' },
  // VvE pilot ranking (issue 6): built from public and register data only (BAG, EP-Online, the VvE register,
  // ownership *category*), no signals — every signed-in role reads it. The export is a bulk file that leaves the
  // product (audited): the roles that run or partner in the pilot (gemeente, VHF, Alwel), not the meelezer.
  { method: 'GET', path: '/api/vve', access: ALL },
  { method: 'GET', path: '/api/vve/export', access: ['gemeente', 'alwel', 'vhf'] },
  { method: 'GET', path: '/api/vve/{vveId}', access: ALL },
  // Map tiles: the dwelling tiles carry addresses and attributes, so every tile needs a signed-in user.
  { method: 'GET', path: '/tiles/{file}', access: ALL },
];

/** Access for anything under /api or /tiles that is not listed: the municipality only. */
export const DEFAULT_ACCESS: readonly Role[] = ['gemeente'];

interface Compiled {
  policy: RoutePolicy;
  re: RegExp;
}

function compile(policies: readonly RoutePolicy[]): Compiled[] {
  // Literal paths before templated ones, so /api/signals/buurten never matches a {param} route first.
  return [...policies]
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))
    .map((policy) => ({
      policy,
      re: new RegExp(`^${policy.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}/?$`),
    }));
}

const COMPILED = compile(ROUTE_POLICIES);

/** The policy of a request (HEAD is treated as GET), or null when the route is not listed. */
export function policyFor(method: string, path: string, compiled: readonly Compiled[] = COMPILED): RoutePolicy | null {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  for (const c of compiled) if (c.policy.method === m && c.re.test(path)) return c.policy;
  return null;
}

/** Whether a role may call a route (public routes: anyone). */
export function allows(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  return role !== null && access.includes(role);
}
