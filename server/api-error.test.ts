import { describe, expect, it } from 'vitest';
import { API_ERROR_STATUS, ApiError, statusOf } from './api-error.ts';

describe('one code → HTTP status table', () => {
  it('gives an API error the status of its code', () => {
    expect(new ApiError('body.too-large', 'x').status).toBe(413);
    expect(new ApiError('plan.binding.budget', 'x').status).toBe(422);
    expect(new ApiError('plan.status.transition', 'x').status).toBe(409);
    expect(statusOf('auth.rate-limited')).toBe(429);
  });

  it('passes an engine issue on with the table’s status when listed, else the route’s', () => {
    expect(ApiError.fromIssue({ code: 'dwelling.unknown', message: 'x' }, 400).status).toBe(404);
    const e = ApiError.fromIssue({ code: 'whatif.bouwjaar.future', message: 'x', path: ['body', 'bouwjaar'] }, 400);
    expect([e.status, e.code, e.path]).toEqual([400, 'whatif.bouwjaar.future', ['body', 'bouwjaar']]);
    expect(ApiError.fromIssue({ code: 'toString', message: 'x' }, 400).status).toBe(400);
  });

  it('only lists 4xx/5xx statuses', () => {
    for (const s of Object.values(API_ERROR_STATUS)) expect(s).toBeGreaterThanOrEqual(400);
  });
});
