/**
 * Validation of a plan input and of fixed batches: zod for shape, then the semantic rules of the VHF programme with
 * their own codes (negative budget, end before start, zero capacity, unknown solver), each with its JSON path.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { dayNumber } from '../retrofit/iso-day.ts';
import { SHIPPED_CALENDARS } from '../retrofit/natuurkalender.ts';
import { zodIssues } from '../retrofit/zod-issues.ts';
import { profileChain, SHIPPED_PERMIT_PROFILES } from './permit-profile.ts';
import { parsePlanPolicy, SHIPPED_POLICIES, type PlanPolicy } from './plan-policy.ts';
import {
  fixedBatchSchema,
  planInputSchema,
  SOLVERS,
  type FixedBatch,
  type PlanInput,
  type PlanIssue,
  type PlanIssueCode,
} from './plan-types.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks whose own codes must win over zod's generic ones (they are the issue's named bad inputs). */
function preChecks(json: unknown): PlanIssue[] {
  if (!isObject(json)) return [];
  const out: PlanIssue[] = [];
  if (typeof json.budgetEur === 'number' && json.budgetEur < 0) {
    out.push({
      code: 'plan.budget.negative',
      path: ['budgetEur'],
      message: `budgetEur: ${json.budgetEur} is negative; expected an amount in euro ≥ 0`,
    });
  }
  if (json.solver !== undefined && !(SOLVERS as readonly unknown[]).includes(json.solver)) {
    out.push({
      code: 'plan.solver.unknown',
      path: ['solver'],
      message: `solver: ${JSON.stringify(json.solver)} is not a solver; expected one of ${SOLVERS.join(', ')}`,
    });
  }
  return out;
}

function semanticChecks(input: PlanInput): PlanIssue[] {
  const out: PlanIssue[] = [];
  const from = dayNumber(input.window.from),
    until = dayNumber(input.window.until);
  if (from === null)
    out.push({
      code: 'plan.input.invalid',
      path: ['window', 'from'],
      message: `window.from: "${input.window.from}" is not a calendar date (YYYY-MM-DD)`,
    });
  if (until === null)
    out.push({
      code: 'plan.input.invalid',
      path: ['window', 'until'],
      message: `window.until: "${input.window.until}" is not a calendar date (YYYY-MM-DD)`,
    });
  if (from !== null && until !== null && until < from) {
    out.push({
      code: 'plan.window.until-before-from',
      path: ['window', 'until'],
      message: `window.until ${input.window.until} is before window.from ${input.window.from}; expected an end on or after the start`,
    });
  }
  if (dayNumber(input.runDate) === null)
    out.push({
      code: 'plan.input.invalid',
      path: ['runDate'],
      message: `runDate: "${input.runDate}" is not a calendar date (YYYY-MM-DD)`,
    });
  const capChecks: {
    c: { dwellings?: number | undefined; crewWeeks?: number | undefined };
    path: (string | number)[];
  }[] = [
    { c: input.capacity.perSeason, path: ['capacity', 'perSeason'] },
    ...input.capacity.bySeason.map((c, i) => ({ c, path: ['capacity', 'bySeason', i] })),
  ];
  for (const { c, path } of capChecks) {
    if (c.dwellings === undefined && c.crewWeeks === undefined) {
      out.push({
        code: 'plan.capacity.missing',
        path,
        message: `${path.join('.')}: give dwellings and/or crewWeeks per season`,
      });
    }
    for (const k of ['dwellings', 'crewWeeks'] as const) {
      const v = c[k];
      if (v !== undefined && !(v > 0 && Number.isFinite(v))) {
        out.push({
          code: 'plan.capacity.zero',
          path: [...path, k],
          message: `${[...path, k].join('.')}: ${v} — a capacity must be a number > 0`,
        });
      }
    }
  }
  (input.yearCapsEur ?? []).forEach((c, i) => {
    if (c.capEur < 0)
      out.push({
        code: 'plan.year-cap.negative',
        path: ['yearCapsEur', i, 'capEur'],
        message: `yearCapsEur.${i}.capEur: ${c.capEur} is negative; expected euro ≥ 0`,
      });
  });
  const chain = profileChain(SHIPPED_PERMIT_PROFILES, input.permit.profile, input.permit.successor);
  if (!chain.ok) out.push(...(chain.issues as PlanIssue[]));
  // Own keys only: `toString`, `__proto__` and other inherited names are not calendars.
  if (!Object.hasOwn(SHIPPED_CALENDARS, input.calendar)) {
    out.push({
      code: 'plan.calendar.unknown',
      path: ['calendar'],
      message: `calendar: "${input.calendar}" is not a known natuurkalender; expected one of ${Object.keys(SHIPPED_CALENDARS).join(', ')}`,
    });
  }
  return out;
}

/**
 * The input as the planner takes it on `runDate`: the run date recorded, and the window starting there unless the
 * input names its own start (a what-if). A `runDate` already in the input (a saved plan) is kept.
 */
export function withRunDate(json: unknown, runDate: string | undefined): unknown {
  if (!isObject(json)) return json;
  const date = typeof json.runDate === 'string' ? json.runDate : runDate;
  if (date === undefined) return json;
  const w = isObject(json.window) ? json.window : {};
  return { ...json, runDate: date, window: { ...w, from: w.from ?? date } };
}

/**
 * The input of a re-plan on `runDate`: the same input, run today, its window starting no earlier than today (the
 * seasons that passed hold only the fixed batches of work under way).
 */
export function replanInput(old: PlanInput, runDate: string): PlanInput {
  return { ...old, runDate, window: { ...old.window, from: old.window.from > runDate ? old.window.from : runDate } };
}

/**
 * Validates a plan input (parsed JSON); issues are `plan.*` with the JSON path, field and expected form. `runDate`
 * is the caller's clock (the engine reads none); an input that carries its own `runDate` keeps it.
 */
export function parsePlanInput(json: unknown, runDate?: string): Result<PlanInput, PlanIssueCode> {
  const pre = preChecks(json);
  if (pre.length) return fail(...pre);
  json = withRunDate(json, runDate);
  if (isObject(json) && json.runDate === undefined) {
    return fail({
      code: 'plan.run-date.missing',
      path: ['runDate'],
      message: 'runDate: missing; expected the date the plan is made (YYYY-MM-DD), which the window starts from',
    });
  }
  const r = planInputSchema.safeParse(json);
  if (!r.success) {
    return fail(
      ...zodIssues('plan', planInputSchema, r.error).map((i) => ({
        ...i,
        code: 'plan.input.invalid' as const,
        message: i.message,
      })),
    );
  }
  const sem = semanticChecks(r.data);
  if (sem.length) return fail(...sem);
  const policy = resolvePolicy(r.data.policy);
  return policy.ok ? ok({ ...r.data, policy: policy.value }) : fail(...policy.issues);
}

/** The policy of an input: a shipped id looked up, an inline policy validated (codes name the measure or tenure). */
function resolvePolicy(p: PlanInput['policy']): Result<PlanPolicy, PlanIssueCode> {
  if (typeof p !== 'string') return parsePlanPolicy(p, ['policy']);
  if (Object.hasOwn(SHIPPED_POLICIES, p)) return ok(SHIPPED_POLICIES[p]!);
  return fail({
    code: 'plan.policy.unknown',
    path: ['policy'],
    message: `policy: "${p}" is not a shipped plan policy; expected one of ${Object.keys(SHIPPED_POLICIES).join(', ')} or a policy object`,
  });
}

/** The policy of a parsed input (parsePlanInput always leaves the object there). */
export function policyOf(input: PlanInput): PlanPolicy {
  const r = resolvePolicy(input.policy);
  if (!r.ok) throw new Error(`plan input was not validated: ${r.issues[0]!.message}`);
  return r.value;
}

const fixedListSchema = z.array(fixedBatchSchema);

/** Validates fixed batches (as stored from an earlier plan): shape, and no dwelling in two batches. */
export function parseFixedBatches(json: unknown): Result<FixedBatch[], PlanIssueCode> {
  const r = fixedListSchema.safeParse(json);
  if (!r.success)
    return fail(
      ...zodIssues('plan', fixedListSchema, r.error).map((i) => ({
        ...i,
        code: 'plan.fixed.invalid' as const,
        path: ['fixed', ...(i.path ?? [])],
      })),
    );
  const seen = new Map<string, string>();
  for (const [bi, b] of r.data.entries()) {
    for (const [di, d] of b.dwellings.entries()) {
      const other = seen.get(d.vboId);
      if (other !== undefined)
        return fail({
          code: 'plan.fixed.duplicate-dwelling',
          path: ['fixed', bi, 'dwellings', di, 'vboId'],
          message: `fixed.${bi}.dwellings.${di}.vboId: ${d.vboId} is already in fixed batch ${other}`,
        });
      seen.set(d.vboId, b.id);
    }
  }
  return ok(r.data);
}
