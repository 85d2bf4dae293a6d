/**
 * The programme's scope as policy data (config/plan-policy/*.json): which measures the programme pays for, which
 * tenures, whether VvE's are in, the target a dwelling must be below to be a candidate, and the programme's share
 * of the cost per tenure (a measure may carry its own share). The shipped default is insulation first: cavity wall,
 * roof, floor and glazing of owner-occupied ground-bound dwellings and VvE's; heat pumps, private rental and other
 * tenures only when a policy file names them (docs/domain.md: a heat pump is a policy choice, not a default).
 */
import { z } from 'zod';
import { EnergyLabel, IsoDate, OWNERSHIP_CATEGORIES, type Ownership } from '../dwelling.ts';
import { MEASURE_IDS, type MeasureId } from '../retrofit/measure-ids.ts';
import { zodIssueCodes, zodIssues } from '../retrofit/zod-issues.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import isolatieEerst from '../../config/plan-policy/isolatie-eerst.json' with { type: 'json' };

const Share = z.number().min(0).max(1);

export const planPolicySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  validFrom: IsoDate,
  source: z.string().min(1),
  /** A dwelling at this label or better is not a candidate. */
  target: z.strictObject({ label: EnergyLabel, note: z.string().optional() }),
  /** Measures the programme pays for; a measure's own programme share wins over its tenure's. */
  measures: z.array(z.strictObject({ id: z.string(), programmeShare: Share.optional() })).min(1),
  /** Tenures the programme serves, each with the programme's share of the cost. */
  tenures: z.array(z.strictObject({ id: z.string(), programmeShare: Share })).min(1),
  /** Only ground-bound dwellings outside VvE's (the pre-SMP and national-line scope). */
  groundBoundOnly: z.boolean(),
  /** Apartments in a VvE of the programme areas are in scope (for the tenures above). */
  vve: z.boolean(),
  /** Share of the ecological survey the programme pays. */
  surveyShare: Share,
  /**
   * Programme areas (buurt `programmeArea`) the policy covers when a plan names no buurten; absent = every programme
   * area. The retrofit budget is for Westrand and Kalsdonk (docs/domain.md §1); Centrum-Oud is the acquisition zone.
   */
  areas: z.array(z.string().min(1)).min(1).optional(),
});
export type PlanPolicyRaw = z.infer<typeof planPolicySchema>;
export interface PlanPolicy extends Omit<PlanPolicyRaw, 'measures' | 'tenures'> {
  measures: { id: MeasureId; programmeShare?: number | undefined }[];
  tenures: { id: Ownership; programmeShare: number }[];
}

/** Every code a policy can be refused with: its shape (zod-issues.ts), then a measure or tenure not known. */
export const PLAN_POLICY_ISSUE_CODES = [
  ...zodIssueCodes('plan.policy'),
  'plan.policy.unknown-measure',
  'plan.policy.unknown-tenure',
] as const;
export type PlanPolicyIssueCode = (typeof PLAN_POLICY_ISSUE_CODES)[number];

/** Validates a policy; a measure or tenure the product does not know is a coded error naming it. */
export function parsePlanPolicy(
  json: unknown,
  where: (string | number)[] = [],
): Result<PlanPolicy, PlanPolicyIssueCode> {
  const r = planPolicySchema.safeParse(json);
  if (!r.success)
    return fail(
      ...zodIssues('plan.policy', planPolicySchema, r.error).map((i) => ({
        ...i,
        path: [...where, ...(i.path ?? [])],
      })),
    );
  const out: Issue<PlanPolicyIssueCode>[] = [];
  const at = (...p: (string | number)[]): (string | number)[] => [...where, ...p];
  r.data.measures.forEach((m, i) => {
    if (!(MEASURE_IDS as readonly string[]).includes(m.id))
      out.push({
        code: 'plan.policy.unknown-measure',
        path: at('measures', i, 'id'),
        message: `${at('measures', i, 'id').join('.')}: "${m.id}" is not a measure; expected one of ${MEASURE_IDS.join(', ')}`,
      });
  });
  r.data.tenures.forEach((t, i) => {
    if (!(OWNERSHIP_CATEGORIES as readonly string[]).includes(t.id) || t.id === 'corporatie') {
      out.push({
        code: 'plan.policy.unknown-tenure',
        path: at('tenures', i, 'id'),
        message: `${at('tenures', i, 'id').join('.')}: "${t.id}" is not a tenure the programme can serve; expected one of ${OWNERSHIP_CATEGORIES.filter((o) => o !== 'corporatie').join(', ')} (the corporation renovates its own stock)`,
      });
    }
  });
  return out.length ? fail(...out) : ok(r.data as PlanPolicy);
}

/** The programme's share of measure `m` for tenure `t` under the policy; 0 when either is out of scope. */
export function policyShare(p: PlanPolicy, m: MeasureId, t: Ownership): number {
  const measure = p.measures.find((x) => x.id === m),
    tenure = p.tenures.find((x) => x.id === t);
  if (!measure || !tenure) return 0;
  return measure.programmeShare ?? tenure.programmeShare;
}

function shipped(json: unknown): PlanPolicy {
  const r = parsePlanPolicy(json);
  if (!r.ok) throw new Error(`shipped plan policy is invalid: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.value;
}

/** Policies shipped with the product, by id (config/plan-policy/). */
export const SHIPPED_POLICIES: Readonly<Record<string, PlanPolicy>> = Object.fromEntries(
  [shipped(isolatieEerst)].map((p) => [p.id, p]),
);
export const DEFAULT_POLICY = 'isolatie-eerst';
