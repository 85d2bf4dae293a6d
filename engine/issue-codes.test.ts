import { describe, expect, it } from 'vitest';
import { ACQUISITION_ISSUE_CODES, type AcquisitionIssueCode } from './acquisition/acquisition-issue-codes.ts';
import { SCENARIO_ISSUE_CODES, isScenarioIssueCode, type ScenarioIssueCode } from './housing/scenario-issue-codes.ts';
import { parseScenarioText } from './housing/scenario-yaml.ts';
import { parsePlanPolicy } from './planner/plan-policy.ts';
import { PLAN_ISSUE_CODES, type PlanIssueCode } from './planner/plan-types.ts';
import type { Issue } from './result.ts';
import { RETROFIT_SESSION_ISSUE_CODES, type RetrofitSessionIssueCode } from './retrofit/session.ts';
import { whatIf, type WhatIfIssueCode } from './retrofit/what-if.ts';
import { WEIGHTS_ISSUE_CODES, parseWeightsText, type WeightsIssueCode } from './retrofit/weights.ts';
import { VVE_ISSUE_CODES, type VveIssueCode } from './vve/vve-issue-codes.ts';

// Each module's issue codes are a literal union: an undeclared code is a compile error (tsc runs in npm test), so
// these lines fail the type check the moment a union widens to string or the code is declared without a review.
const undeclared = [
  // @ts-expect-error not a scenario code
  { code: 'scenario.nope', message: '' } satisfies Issue<ScenarioIssueCode>,
  // @ts-expect-error not a what-if code
  { code: 'whatif.nope.missing', message: '' } satisfies Issue<WhatIfIssueCode>,
  // @ts-expect-error not a weights code
  { code: 'weights.nope', message: '' } satisfies Issue<WeightsIssueCode>,
  // @ts-expect-error not a VvE code
  { code: 'vve.nope', message: '' } satisfies Issue<VveIssueCode>,
  // @ts-expect-error not an acquisition code
  { code: 'acquisition.nope', message: '' } satisfies Issue<AcquisitionIssueCode>,
  // @ts-expect-error not a planner code
  { code: 'plan.nope', message: '' } satisfies Issue<PlanIssueCode>,
  // @ts-expect-error not a retrofit session code
  { code: 'retrofit.nope', message: '' } satisfies Issue<RetrofitSessionIssueCode>,
];

describe('issue codes', () => {
  it('are declared once per module, without repeats', () => {
    expect(undeclared).toHaveLength(7);
    const lists = [
      SCENARIO_ISSUE_CODES,
      WEIGHTS_ISSUE_CODES,
      VVE_ISSUE_CODES,
      ACQUISITION_ISSUE_CODES,
      PLAN_ISSUE_CODES,
      RETROFIT_SESSION_ISSUE_CODES,
    ];
    for (const l of lists) expect(new Set(l).size).toBe(l.length);
  });

  it('what is sent at run time is declared: weights, what-if input and a scenario refinement', () => {
    const w = parseWeightsText('{');
    expect(!w.ok && w.issues.map((i) => i.code)).toEqual(['weights.json']);
    const x = whatIf({ type: 'tussenwoning', bouwjaar: 1962, oppervlakte: -1, date: '2026-01-01' });
    expect(!x.ok && x.issues.map((i) => i.code)).toEqual(['whatif.oppervlakte.range']);
    const s = parseScenarioText('id: t\nhorizon: { start: 2025, end: 2030 }\ntargets:\n  - { metric: x }\n');
    expect(s.ok).toBe(false);
    if (!s.ok) for (const i of s.issues) expect(isScenarioIssueCode(i.code)).toBe(true);
    // A policy without its keys: zod's "missing" code was sent before the planner's list declared it.
    const p = parsePlanPolicy({ id: 'x' });
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.issues.map((i) => i.code)).toContain('plan.policy.missing');
      for (const i of p.issues) expect(PLAN_ISSUE_CODES).toContain(i.code);
    }
    expect(isScenarioIssueCode('scenario.target.bound')).toBe(true);
    expect(isScenarioIssueCode('scenario.nope')).toBe(false);
  });
});
