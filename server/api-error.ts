import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PlanIssueCode } from '../engine/planner/plan-types.ts';
import type { Issue } from '../engine/result.ts';
import type { PlanStoreIssueCode } from '../engine/planner/plan-status.ts';

/**
 * HTTP status per error code: the one table that chooses a status from a code. API codes are the HTTP layer's own;
 * planner and plan-store codes are their modules' declared unions, so the compiler insists that each has a status.
 * Other engine issues a route passes on (ApiError.fromIssue) take their status from here too when their code is
 * listed, else the one the route names for that engine step.
 */
export const API_ERROR_STATUS = {
  'path.invalid': 400,
  'query.invalid': 400,
  'query.unknown-key': 400,
  'body.invalid': 400,
  'body.unknown-key': 400,
  'body.json': 400,
  'body.content-length': 400,
  'body.too-large': 413,
  'body.content-type': 415,
  'origin.forbidden': 403,
  'auth.required': 401,
  'auth.token-invalid': 401,
  'auth.invalid-credentials': 401,
  'auth.forbidden': 403,
  'auth.rate-limited': 429,
  'not-found': 404,
  'buurt.unknown': 404,
  'scenario.unknown': 404,
  'vve.unknown': 404,
  'block.unknown': 404,
  // Engine codes whose outcome is not bad input: the same status wherever a route passes them on.
  'dwelling.unknown': 404,
  'retrofit.not-loaded': 503,
  'vve.not-loaded': 503,
  'request.scenario': 400,
  'scenario.runs.too-many': 400,
  // Bounds before work and the per-user fair queue (workers/scenario-budget.ts, server/fair-queue.ts).
  'scenario.budget.run-years': 400,
  'scenario.budget.dwelling-years': 400,
  'scenario.budget.values': 400,
  'scenario.busy': 429,
  // Scenarios drawn on the map and their versions (server/routes/scenario-version-routes.ts).
  'scenario-version.unknown': 404,
  'draw.block.unknown': 400,
  'draw.block.forbidden': 403,
  'draw.kind.forbidden': 403,
  'draw.selection.across-areas': 400,
  'draw.selection.none-qualify': 400,
  'acquisition.busy': 429,
  'plan.time-limit.too-long': 400,
  'plan.planner.unavailable': 503,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

/** Planner issues: bad input 400; valid input but no plan (infeasible, binding constraint) 422; the solver failed 503. */
const PLAN_ISSUE_STATUS = {
  'plan.input.invalid': 400,
  'plan.budget.negative': 400,
  'plan.window.until-before-from': 400,
  'plan.window.no-season': 422,
  'plan.capacity.zero': 400,
  'plan.capacity.missing': 400,
  'plan.solver.unknown': 400,
  'plan.calendar.unknown': 400,
  'plan.year-cap.negative': 400,
  'plan.fixed.invalid': 400,
  'plan.fixed.unknown-dwelling': 422,
  'plan.fixed.duplicate-dwelling': 400,
  'plan.exclude.unknown-dwelling': 400,
  'plan.infeasible.fixed-exceed-budget': 422,
  'plan.infeasible.fixed-exceed-capacity': 422,
  'plan.dataset.unreadable': 503,
  'plan.dataset.no-candidates': 422,
  'plan.binding.budget': 422,
  'plan.binding.year-cap': 422,
  'plan.binding.capacity': 422,
  'plan.binding.permit-cap': 422,
  'plan.binding.permit-validity': 422,
  'plan.permit.unknown': 400,
  'permit.validity.overlap': 400,
  'plan.policy.unknown': 400,
  'plan.policy.unknown-measure': 400,
  'plan.policy.unknown-tenure': 400,
  'plan.policy.invalid-value': 400,
  'plan.policy.unknown-key': 400,
  'plan.policy.out-of-range': 400,
  'plan.policy.invalid': 400,
  'plan.policy.invalid-key': 400,
  'plan.policy.missing': 400,
  'plan.policy.invalid-type': 400,
  'plan.run-date.missing': 400,
  // A warning (a what-if start before the run date); 400 should a route ever pass it on.
  'plan.window.from-before-run-date': 400,
  'plan.binding.calendar': 422,
  'plan.binding.candidates': 422,
  // Warnings, never a refusal; 400 should a route ever pass one on.
  'plan.solver.fallback': 400,
  'plan.solver.time-limit': 400,
  'plan.solver.failed': 503,
  'plan.solver.stopped': 503,
} as const satisfies Record<PlanIssueCode, ContentfulStatusCode>;

/** Saved-plan changes the store refuses: unknown plan or dwelling 404; a state conflict 409. */
const PLAN_STORE_ISSUE_STATUS = {
  'plan.not-found': 404,
  'plan.dwelling.not-found': 404,
  'plan.superseded': 409,
  'plan.changed': 409,
  'plan.replan.dropped-started': 409,
  'plan.status.unchanged': 409,
  'plan.status.transition': 409,
} as const satisfies Record<PlanStoreIssueCode, ContentfulStatusCode>;

const ERROR_STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  ...API_ERROR_STATUS,
  ...PLAN_ISSUE_STATUS,
  ...PLAN_STORE_ISSUE_STATUS,
};

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
/** The HTTP status of a code. */
export const statusOf = (code: ErrorCode): ContentfulStatusCode => ERROR_STATUS[code];

/** Every code with a status in the table. */
export type ErrorCode = ApiErrorCode | PlanIssueCode | PlanStoreIssueCode;

/** The JSON error body for a declared code (for answers that need headers of their own, e.g. Retry-After). */
export function apiErrorBody(
  code: ErrorCode,
  message: string,
  path?: (string | number)[],
): { code: ErrorCode; message: string; path?: (string | number)[] } {
  return path ? { code, message, path } : { code, message };
}

/** An expected API failure; mapped to JSON `{ code, message, path? }` once, in app.onError. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(
    code: ErrorCode,
    message: string,
    readonly path?: (string | number)[],
  ) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
  }

  /**
   * An engine issue passed on: its status from the table when the code is there, else `otherwise` (the route's
   * status for that engine step's failures: 400 for a check of the request, 503 for a worker that could not run).
   */
  static fromIssue(issue: Issue, otherwise: ContentfulStatusCode): ApiError {
    return new ForwardedIssue(
      Object.hasOwn(ERROR_STATUS, issue.code) ? ERROR_STATUS[issue.code as ErrorCode] : otherwise,
      issue,
    );
  }
}

class ForwardedIssue extends ApiError {
  override readonly status: ContentfulStatusCode;
  override readonly code: string;

  constructor(status: ContentfulStatusCode, issue: Issue) {
    super('internal', issue.message, issue.path);
    this.status = status;
    this.code = issue.code;
  }
}
