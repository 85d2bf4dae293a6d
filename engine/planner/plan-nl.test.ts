import { describe, expect, it } from 'vitest';
import { BINDING_NL, bindingNl, solverNl, solverStatusNl } from './plan-nl.ts';
import { PLAN_ISSUE_CODES } from './plan-types.ts';

describe('the plan in Dutch words', () => {
  it('has words for every binding-constraint code the planner can give, and only for those', () => {
    const codes = PLAN_ISSUE_CODES.filter((c) => c.startsWith('plan.binding.'));
    expect(Object.keys(BINDING_NL).sort()).toEqual([...codes].sort());
    for (const c of codes) expect(bindingNl(c)).toMatch(/^[a-z]/);
    expect(bindingNl('plan.binding.new')).toBe('plan.binding.new');
  });

  it('names the solver and its outcome without internals', () => {
    expect(solverNl('greedy')).toBe('gretige heuristiek');
    expect(solverNl('mip')).toBe('MIP (HiGHS)');
    expect(solverStatusNl('Optimal')).toBe('optimaal');
    expect(solverStatusNl('Time limit reached')).toBe('tijdslimiet bereikt');
    expect(solverStatusNl('heuristic')).toBe('heuristiek, geen optimaliteitsbewijs');
  });
});
