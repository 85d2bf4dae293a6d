import { describe, expect, it } from 'vitest';
import { planDetailFixture } from '../test-fixtures/plan-detail.ts';
import { planDetailSchema, planListSchema, planStatusChangeSchema } from './saved-plan.ts';

const detail = planDetailFixture({
  id: 4,
  solver: 'greedy',
  input: { budgetEur: 1000, window: { from: '2026-12-01' } },
  plan: { seasons: [], batches: [], totals: { costEur: 0, programmeContributionEur: 0 } },
});

describe('saved-plan shapes', () => {
  it('a detail carries the summary, the planner input with defaults and a plan the planner could have made', () => {
    expect(detail.rootId).toBe(4);
    expect(detail.input.window.until).toBe('2033-12-31');
    expect(detail.plan.meta.input).toEqual(detail.input);
    expect(Object.values(detail.statusCounts)).toEqual([0, 0, 0, 0, 0]);
    const {
      synthetic: _s,
      permissions,
      input: _i,
      plan: _p,
      statuses: _st,
      history: _h,
      warnings: _w,
      ...summary
    } = detail;
    expect(planListSchema.parse({ synthetic: true, permissions, plans: [summary] }).plans[0]).toEqual(summary);
  });

  it('refuses an undeclared status or warning code, so the panel never shows what the server cannot send', () => {
    const bad = (patch: object) => planDetailSchema.safeParse({ ...detail, ...patch }).success;
    expect(bad({ statuses: [{ vboId: 'v', batchId: 'b', status: 'klaar', updatedAt: 't', updatedBy: 'u' }] })).toBe(
      false,
    );
    expect(bad({ warnings: [{ code: 'plan.not-a-code', message: 'm' }] })).toBe(false);
    expect(bad({ warnings: [{ code: 'plan.solver.fallback', message: 'm' }] })).toBe(true);
    const change = { planId: 1, vboId: 'v', batchId: 'b', from: 'voorgesteld', updatedAt: 't', updatedBy: 'u' };
    expect(planStatusChangeSchema.safeParse({ ...change, status: 'onderzoek' }).success).toBe(true);
    expect(planStatusChangeSchema.safeParse({ ...change, status: 'gepland' }).success).toBe(false);
  });
});
