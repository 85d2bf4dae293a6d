import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '../engine/result.ts';

/**
 * Every code the HTTP layer itself sends, with its status: the one table that chooses a status from a code.
 * Engine issues forwarded by a route (ApiError.fromIssue) take the status the route names for that kind of
 * issue (bad input 400, unknown object 404, engine unavailable 503); plan issues map through
 * server/plans/plan-errors.ts.
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
  'dwelling.unknown': 404,
  'scenario.unknown': 404,
  'plan.not-found': 404,
  'vve.unknown': 404,
  'request.scenario': 400,
  'scenario.runs.too-many': 400,
  'plan.superseded': 409,
  'plan.time-limit.too-long': 400,
  'plan.planner.unavailable': 503,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** The JSON error body for a declared code (for answers that need headers of their own, e.g. Retry-After). */
export function apiErrorBody(code: ApiErrorCode, message: string, path?: (string | number)[]): { code: ApiErrorCode; message: string; path?: (string | number)[] } {
  return path ? { code, message, path } : { code, message };
}

/** An expected API failure; mapped to JSON `{ code, message, path? }` once, in app.onError. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(code: ApiErrorCode, message: string, readonly path?: (string | number)[]) {
    super(message);
    this.code = code;
    this.status = API_ERROR_STATUS[code];
  }

  /** An engine issue passed on with the status the route gives that outcome. */
  static fromIssue(status: ContentfulStatusCode, issue: Issue): ApiError {
    return new ForwardedIssue(status, issue);
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
