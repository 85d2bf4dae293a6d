import { z } from 'zod';
import {
  PLAN_READ_ROLES as PLAN_READ_ROLE_NAMES,
  PLAN_WRITE_ROLES as PLAN_WRITE_ROLE_NAMES,
} from '../../engine/planner/plan-status.ts';

/**
 * The four roles. `gemeente`: the municipality (planners, acquisition team) — everything, including
 * signal detail and the audit log. `alwel`: the housing corporation — planning data, acquisition candidates
 * without signals. `vhf`: the Volkshuisvestingsfonds project organisation — planning data. `viewer`: read-only.
 */
export const ROLES = ['gemeente', 'alwel', 'vhf', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Dutch names the UI shows. */
export const ROLE_LABELS: Record<Role, string> = {
  gemeente: 'Gemeente Roosendaal',
  alwel: 'Alwel (woningcorporatie)',
  vhf: 'Volkshuisvestingsfonds',
  viewer: 'Meelezer',
};

/** Roles that may see RESTRICTED signal detail (per address) and signal-derived fields. */
export const SIGNAL_DETAIL_ROLES: readonly Role[] = ['gemeente'];
/** Roles that may see acquisition candidates and export the list (alwel without signal fields). */
export const ACQUISITION_ROLES: readonly Role[] = ['gemeente', 'alwel'];

/** Who may call a route: `public` (no sign-in needed) or the roles listed. */
export type Access = 'public' | readonly Role[];

/** Every signed-in role. */
export const ALL_ROLES: readonly Role[] = ROLES;
/** Batch plans: who makes and updates them, and who reads them (server/routes/plan-routes.ts). */
// The plan roles are part of the plan contract (engine/planner/plan-status.ts), which the web app reads too.
export const PLAN_WRITE_ROLES: readonly Role[] = PLAN_WRITE_ROLE_NAMES;
export const PLAN_READ_ROLES: readonly Role[] = PLAN_READ_ROLE_NAMES;
/** The VvE export: the roles that run or partner in the VvE pilot. */
export const VVE_EXPORT_ROLES: readonly Role[] = ['gemeente', 'alwel', 'vhf'];
/** The audit log: the municipality only. */
export const AUDIT_ROLES: readonly Role[] = ['gemeente'];

/** Whether a role may call a route with this access (public routes: anyone). */
export function allows(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  return role !== null && access.includes(role);
}

export function maySeeSignalDetail(role: Role): boolean {
  return SIGNAL_DETAIL_ROLES.includes(role);
}

/** Who is asking: a signed-in user (session), a script (bearer token) or the local command line. */
export interface Principal {
  /** User name, token name or local account; recorded in the audit log and in exports. */
  name: string;
  role: Role;
  via: 'session' | 'token' | 'cli';
  displayName: string;
}
