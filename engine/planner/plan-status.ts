import { PLAN_STATUSES, type PlanStatus } from './plan-types.ts';
import type { Issue } from '../result.ts';

/**
 * The plan contract shared by the server, the CLI and the web app (engine/, so web/ never imports server/):
 * the work status of one dwelling in a saved plan, as the VHF project organisation tracks it:
 * voorgesteld (proposed by the planner) → onderzoek (ecological survey under way) → natuurvrij (animals
 * excluded, "natuurvrij maken" done) → geïsoleerd (insulated). `afgezien` (owner declined, or dropped) can be
 * reached from every open status. geïsoleerd and afgezien are final: the survey step is never skipped, because
 * pre-SMP requires the ecological check before work starts (docs/domain.md §2), and a declined dwelling comes back
 * only through a new plan, not by editing history.
 */
export { PLAN_STATUSES };
export type DwellingStatus = PlanStatus;

/** Allowed next statuses per status. */
export const STATUS_TRANSITIONS: Readonly<Record<DwellingStatus, readonly DwellingStatus[]>> = {
  voorgesteld: ['onderzoek', 'afgezien'],
  onderzoek: ['natuurvrij', 'afgezien'],
  natuurvrij: ['geïsoleerd', 'afgezien'],
  geïsoleerd: [],
  afgezien: [],
};

/** Dutch labels for the UI and exports. */
export const STATUS_LABELS: Readonly<Record<DwellingStatus, string>> = {
  voorgesteld: 'voorgesteld',
  onderzoek: 'ecologisch onderzoek',
  natuurvrij: 'natuurvrij gemaakt',
  geïsoleerd: 'geïsoleerd',
  afgezien: 'afgezien',
};

export function isDwellingStatus(s: unknown): s is DwellingStatus {
  return typeof s === 'string' && (PLAN_STATUSES as readonly string[]).includes(s);
}

/**
 * Work on a dwelling has started once it is past the proposal and not declined: its batch is then kept
 * fixed when the plan is re-planned. `afgezien` alone does not start a batch (nothing was done there).
 */
export function isStarted(s: DwellingStatus): boolean {
  return s === 'onderzoek' || s === 'natuurvrij' || s === 'geïsoleerd';
}

/** null when `from → to` is allowed, else a coded issue naming the allowed moves. */
/** Codes of saved-plan changes that the store refuses (server/api-error.ts gives each its HTTP status). */
export const PLAN_STORE_ISSUE_CODES = [
  'plan.not-found',
  'plan.dwelling.not-found',
  'plan.superseded',
  'plan.changed',
  'plan.replan.dropped-started',
  'plan.status.unchanged',
  'plan.status.transition',
] as const;
export type PlanStoreIssueCode = (typeof PLAN_STORE_ISSUE_CODES)[number];

export function transitionIssue(
  from: DwellingStatus,
  to: DwellingStatus,
  path: (string | number)[] = ['status'],
): Issue<PlanStoreIssueCode> | null {
  if (from === to) return { code: 'plan.status.unchanged', message: `the dwelling already has status ${to}`, path };
  const allowed = STATUS_TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  return {
    code: 'plan.status.transition',
    message: `status ${from} cannot change to ${to}; allowed: ${allowed.length ? allowed.join(', ') : `none (${from} is final)`}`,
    path,
  };
}

/**
 * Who may do what with batch plans. The VHF project organisation makes and runs plans with the gemeente; Alwel
 * reads them (gespikkeld bezit: which private dwellings in its blocks go in which season); the viewer does not see
 * them (a plan lists addresses with their owners' decisions). Exports leave the system: only the writers.
 * Role names as in server/auth/roles.ts (the server checks them against its role list).
 */
export const PLAN_WRITE_ROLES = ['gemeente', 'vhf'] as const;
export const PLAN_READ_ROLES = ['gemeente', 'vhf', 'alwel'] as const;

/** What the caller may do with plans, as the API reports it and the panel uses it. */
export interface PlanPermissions {
  create: boolean;
  updateStatus: boolean;
  export: boolean;
}

export function planPermissions(role: string): PlanPermissions {
  const write = (PLAN_WRITE_ROLES as readonly string[]).includes(role);
  return { create: write, updateStatus: write, export: write };
}

export const mayReadPlans = (role: string): boolean => (PLAN_READ_ROLES as readonly string[]).includes(role);
