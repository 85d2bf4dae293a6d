import { describe, expect, it } from 'vitest';
import { PLAN_ISSUE_CODES } from '../../engine/planner/plan-types.ts';
import { statusOf, type ErrorCode } from '../api-error.ts';
import { planApiError } from './plan-errors.ts';

const issueStatus = (code: ErrorCode) => statusOf(code);

describe('plan issue → HTTP status', () => {
  it('maps bad input to 400, impossible plans to 422, conflicts to 409, missing to 404, planner down to 503', () => {
    expect(
      [
        'plan.input.invalid',
        'plan.budget.negative',
        'plan.window.until-before-from',
        'plan.capacity.zero',
        'plan.solver.unknown',
        'plan.fixed.invalid',
      ].map((c) => issueStatus(c as ErrorCode)),
    ).toEqual([400, 400, 400, 400, 400, 400]);
    expect(
      [
        'plan.binding.budget',
        'plan.infeasible.fixed-exceed-budget',
        'plan.window.no-season',
        'plan.dataset.no-candidates',
      ].map((c) => issueStatus(c as ErrorCode)),
    ).toEqual([422, 422, 422, 422]);
    expect(
      [
        'plan.status.transition',
        'plan.status.unchanged',
        'plan.superseded',
        'plan.changed',
        'plan.replan.dropped-started',
      ].map((c) => issueStatus(c as ErrorCode)),
    ).toEqual([409, 409, 409, 409, 409]);
    expect(['plan.not-found', 'plan.dwelling.not-found'].map((c) => issueStatus(c as ErrorCode))).toEqual([404, 404]);
    expect(
      ['plan.solver.failed', 'plan.solver.stopped', 'plan.dataset.unreadable'].map((c) => issueStatus(c as ErrorCode)),
    ).toEqual([503, 503, 503]);
  });

  it('gives every planner issue code a deliberate status (no binding constraint ends up a 400)', () => {
    for (const code of PLAN_ISSUE_CODES) {
      if (code.startsWith('plan.binding.') || code.startsWith('plan.infeasible.'))
        expect(issueStatus(code), code).toBe(422);
    }
  });

  it('builds the API error from the first issue with the path prefixed and the count of the rest', () => {
    const e = planApiError(
      [
        { code: 'plan.capacity.zero', message: 'zero', path: ['capacity', 'perSeason', 'dwellings'] },
        { code: 'plan.budget.negative', message: 'neg' },
      ],
      ['input'],
    );
    expect([e.status, e.code, e.message, e.path]).toEqual([
      400,
      'plan.capacity.zero',
      'zero (+1 more)',
      ['input', 'capacity', 'perSeason', 'dwellings'],
    ]);
  });
});
