import { describe, expect, it } from 'vitest';
import { PLAN_STATUSES, STATUS_TRANSITIONS, isDwellingStatus, isStarted, transitionIssue } from './plan-status.ts';

describe('dwelling status transitions', () => {
  it('allows the work order voorgesteld → onderzoek → natuurvrij → geïsoleerd', () => {
    expect(transitionIssue('voorgesteld', 'onderzoek')).toBeNull();
    expect(transitionIssue('onderzoek', 'natuurvrij')).toBeNull();
    expect(transitionIssue('natuurvrij', 'geïsoleerd')).toBeNull();
  });

  it('allows afgezien from every open status and nothing out of the final ones', () => {
    for (const s of ['voorgesteld', 'onderzoek', 'natuurvrij'] as const)
      expect(transitionIssue(s, 'afgezien')).toBeNull();
    for (const from of ['geïsoleerd', 'afgezien'] as const) {
      for (const to of PLAN_STATUSES.filter((s) => s !== from)) {
        const issue = transitionIssue(from, to);
        expect(issue?.code).toBe('plan.status.transition');
        expect(issue?.message).toContain('is final');
      }
    }
  });

  it('rejects skipping the survey, going back and a non-change with coded issues', () => {
    expect(transitionIssue('voorgesteld', 'natuurvrij')).toEqual({
      code: 'plan.status.transition',
      message: 'status voorgesteld cannot change to natuurvrij; allowed: onderzoek, afgezien',
      path: ['status'],
    });
    expect(transitionIssue('voorgesteld', 'geïsoleerd')?.code).toBe('plan.status.transition');
    expect(transitionIssue('natuurvrij', 'onderzoek')?.code).toBe('plan.status.transition');
    expect(transitionIssue('onderzoek', 'onderzoek')?.code).toBe('plan.status.unchanged');
  });

  it('lists exactly the planner contract statuses, each with its transitions', () => {
    expect(Object.keys(STATUS_TRANSITIONS).sort()).toEqual([...PLAN_STATUSES].sort());
    expect(isDwellingStatus('geïsoleerd')).toBe(true);
    expect(isDwellingStatus('geisoleerd')).toBe(false);
    expect(isDwellingStatus(3)).toBe(false);
  });

  it('counts a batch as started only when work is under way, not when declined', () => {
    expect(PLAN_STATUSES.filter(isStarted)).toEqual(['onderzoek', 'natuurvrij', 'geïsoleerd']);
  });
});
