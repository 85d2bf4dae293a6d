import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '../../engine/result.ts';
import { ApiError } from '../api-error.ts';

/**
 * HTTP status of a planner or store issue: bad input 400; a plan that cannot be made from valid input
 * (infeasible, binding constraint, no season or candidates) 422 with that constraint's code; unknown plan or
 * dwelling 404; a state conflict (final status, superseded plan, concurrent change) 409; the planner down 503.
 */
export function issueStatus(code: string): ContentfulStatusCode {
  if (code === 'plan.not-found' || code === 'plan.dwelling.not-found') return 404;
  if (code.startsWith('plan.infeasible.') || code.startsWith('plan.binding.') || code === 'plan.window.no-season'
    || code === 'plan.dataset.no-candidates' || code === 'plan.fixed.unknown-dwelling') return 422;
  if (code === 'plan.status.transition' || code === 'plan.status.unchanged' || code === 'plan.superseded' || code === 'plan.changed'
    || code === 'plan.replan.dropped-started') return 409;
  if (code === 'plan.solver.failed' || code === 'plan.solver.stopped' || code === 'plan.dataset.unreadable' || code === 'plan.planner.unavailable') return 503;
  return 400;
}

/** The first issue as an ApiError (the message says how many more there were). */
export function planApiError(issues: readonly Issue[], prefix: (string | number)[] = []): ApiError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return ApiError.fromIssue(issueStatus(first.code), { code: first.code, message: `${first.message}${more}`, path: [...prefix, ...(first.path ?? [])] });
}
