import type { Issue } from '../../engine/result.ts';
import { ApiError, type ErrorCode } from '../api-error.ts';

/** The first issue as an ApiError with its status from the one table (server/api-error.ts); the message says how many more there were. */
export function planApiError(issues: readonly Issue<ErrorCode>[], prefix: (string | number)[] = []): ApiError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return new ApiError(first.code, `${first.message}${more}`, [...prefix, ...(first.path ?? [])]);
}
