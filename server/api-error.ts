import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '../engine/result.ts';

/** An expected API failure; mapped to JSON `{ code, message, path? }` once, in app.onError. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly path?: (string | number)[],
  ) {
    super(message);
  }

  static fromIssue(status: ContentfulStatusCode, issue: Issue): ApiError {
    return new ApiError(status, issue.code, issue.message, issue.path);
  }
}
