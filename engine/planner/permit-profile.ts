/**
 * Permit profiles as dated data (config/permit-profiles/*.json, beside the natuurkalender): the legal basis under
 * which nature-rule works (cavity wall, roof) on the planner's pre-smp route may go ahead without a per-house
 * survey — the national line (landelijke lijn NVI), a municipal pre-SMP permit, an SMP. Each has a validity, an
 * optional volume cap per CBS buurt with dated periods (the national line: 3 %, 2 %, 1 % of the private
 * ground-bound dwellings in its three years), its notification rule and the municipality's compensation task.
 * docs/domain.md (natuurinclusief isoleren) has the facts and sources.
 */
import { z } from 'zod';
import { IsoDate } from '../dwelling.ts';
import { dayNumber } from '../retrofit/iso-day.ts';
import { zodIssueCodes, zodIssues } from '../retrofit/zod-issues.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import landelijkeLijn from '../../config/permit-profiles/landelijke-lijn-nvi.json' with { type: 'json' };
import preSmp from '../../config/permit-profiles/pre-smp.json' with { type: 'json' };
import smp from '../../config/permit-profiles/smp.json' with { type: 'json' };

export const PERMIT_KINDS = ['national-line', 'municipal-pre-smp', 'smp'] as const;

const capPeriodSchema = z.strictObject({
  from: IsoDate,
  until: IsoDate,
  /** Share of the base (per CBS buurt) that may go through nature-rule works in this period; checked in (0, 1]. */
  share: z.number(),
});

export const permitProfileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  kind: z.enum(PERMIT_KINDS),
  validFrom: IsoDate,
  validUntil: IsoDate,
  /** The legal maximum duration; validUntil must lie within it. */
  maxYears: z.number().int().min(1).max(30),
  /** True when the values are placeholders to confirm (the plan says so). */
  placeholder: z.boolean(),
  source: z.string().min(1),
  /** Which works the profile covers, in words. */
  covers: z.string().min(1),
  /** Volume cap; null when the profile sets none (an SMP's area permit). */
  cap: z
    .strictObject({
      per: z.literal('cbs-buurt'),
      /** Dwellings the share is taken of, per CBS buurt: private (not corporation) ground-bound dwellings. */
      base: z.literal('private-ground-bound'),
      periods: z.array(capPeriodSchema).min(1),
    })
    .nullable(),
  notification: z.strictObject({
    required: z.boolean(),
    leadHours: z.number().int().min(0).max(1440),
    channel: z.string().min(1),
  }),
  /** The municipality's compensation task under this profile (bat maternity roosts), with its deadlines. */
  compensation: z
    .strictObject({
      description: z.string().min(1),
      deadlines: z.array(z.strictObject({ share: z.number().gt(0).max(1), before: IsoDate })).min(1),
    })
    .nullable(),
});
export type PermitProfile = z.infer<typeof permitProfileSchema>;

export const PERMIT_ISSUE_CODES = [
  // zod's shape issues (zod-issues.ts), then the profile's own rules.
  ...zodIssueCodes('permit'),
  'permit.cap.out-of-range',
  'permit.validity.overlap',
  'permit.validity.until-before-from',
  'permit.validity.too-long',
  'permit.validity.outside',
] as const;
export type PermitIssueCode = (typeof PERMIT_ISSUE_CODES)[number];

const issue = (code: PermitIssueCode, path: (string | number)[], message: string): Issue<PermitIssueCode> => ({
  code,
  path,
  message,
});

/** Validates a profile file's JSON: shape, dates, the validity within its maximum, caps in (0, 1], periods inside the validity and not overlapping. */
export function parsePermitProfile(json: unknown, file = 'permit profile'): Result<PermitProfile, PermitIssueCode> {
  const r = permitProfileSchema.safeParse(json);
  if (!r.success)
    return fail(
      ...zodIssues('permit', permitProfileSchema, r.error).map((i) => ({ ...i, message: `${file}: ${i.message}` })),
    );
  const p = r.data,
    out: Issue<PermitIssueCode>[] = [];
  const day = (iso: string, path: (string | number)[]): number | null => {
    const d = dayNumber(iso);
    if (d === null)
      out.push(
        issue('permit.invalid-value', path, `${file}: ${path.join('.')}: "${iso}" is not a calendar date (YYYY-MM-DD)`),
      );
    return d;
  };
  const from = day(p.validFrom, ['validFrom']),
    until = day(p.validUntil, ['validUntil']);
  if (from !== null && until !== null) {
    if (until < from)
      out.push(
        issue(
          'permit.validity.until-before-from',
          ['validUntil'],
          `${file}: validUntil ${p.validUntil} is before validFrom ${p.validFrom}`,
        ),
      );
    const limit = dayNumber(`${Number(p.validFrom.slice(0, 4)) + p.maxYears}${p.validFrom.slice(4)}`);
    if (limit !== null && until >= limit)
      out.push(
        issue(
          'permit.validity.too-long',
          ['validUntil'],
          `${file}: validUntil ${p.validUntil} is ${p.maxYears} years or more after validFrom ${p.validFrom}; expected at most maxYears (${p.maxYears}) of validity`,
        ),
      );
  }
  const periods: { a: number; b: number; i: number }[] = [];
  p.cap?.periods.forEach((c, i) => {
    const path = ['cap', 'periods', i];
    if (!(c.share > 0 && c.share <= 1))
      out.push(
        issue(
          'permit.cap.out-of-range',
          [...path, 'share'],
          `${file}: cap.periods.${i}.share: ${c.share} is outside (0, 1]; expected a share such as 0.03 for 3 %`,
        ),
      );
    const a = day(c.from, [...path, 'from']),
      b = day(c.until, [...path, 'until']);
    if (a === null || b === null) return;
    if (b < a)
      out.push(
        issue(
          'permit.validity.until-before-from',
          [...path, 'until'],
          `${file}: cap.periods.${i}.until ${c.until} is before its from ${c.from}`,
        ),
      );
    if (from !== null && until !== null && (a < from || b > until)) {
      out.push(
        issue(
          'permit.validity.outside',
          path,
          `${file}: cap.periods.${i} (${c.from} … ${c.until}) lies outside the validity ${p.validFrom} … ${p.validUntil}`,
        ),
      );
    }
    const other = periods.find((x) => a <= x.b && x.a <= b);
    if (other)
      out.push(
        issue(
          'permit.validity.overlap',
          path,
          `${file}: cap.periods.${i} (${c.from} … ${c.until}) overlaps cap.periods.${other.i}; expected periods one after the other`,
        ),
      );
    periods.push({ a, b, i });
  });
  return out.length ? fail(...out) : ok(p);
}

/**
 * The profiles a plan works under, in order: the named profile, then its successor when the input names one. Their
 * validities may not overlap (a work must fall under one legal basis).
 */
export function profileChain(
  profiles: Readonly<Record<string, PermitProfile>>,
  profile: string,
  successor: string | null,
): Result<PermitProfile[], 'plan.permit.unknown' | 'permit.validity.overlap'> {
  const get = (id: string, path: string[]): Result<PermitProfile, 'plan.permit.unknown'> =>
    Object.hasOwn(profiles, id)
      ? ok(profiles[id]!)
      : fail({
          code: 'plan.permit.unknown',
          path,
          message: `${path.join('.')}: "${id}" is not a known permit profile; expected one of ${Object.keys(profiles).join(', ')}`,
        });
  const a = get(profile, ['permit', 'profile']);
  if (!a.ok || successor === null) return a.ok ? ok([a.value]) : a;
  const b = get(successor, ['permit', 'successor']);
  if (!b.ok) return b;
  if (b.value.validFrom <= a.value.validUntil) {
    return fail({
      code: 'permit.validity.overlap',
      path: ['permit', 'successor'],
      message: `permit.successor: ${successor} starts ${b.value.validFrom}, on or before ${profile} ends (${a.value.validUntil}); expected a successor that starts after its predecessor`,
    });
  }
  return ok([a.value, b.value]);
}

/** The profile of `chain` valid on every day from `fromDay` to `untilDay`, or null. */
export function profileOn(chain: readonly PermitProfile[], fromDay: number, untilDay: number): PermitProfile | null {
  return chain.find((p) => dayNumber(p.validFrom)! <= fromDay && untilDay <= dayNumber(p.validUntil)!) ?? null;
}

/** Index of the cap period of `p` that contains `day`; -1 when none does (work outside every period is not allowed under a capped profile). */
export function capPeriodOf(p: PermitProfile, day: number): number {
  return p.cap ? p.cap.periods.findIndex((c) => dayNumber(c.from)! <= day && day <= dayNumber(c.until)!) : -1;
}

function shipped(json: unknown, file: string): PermitProfile {
  const r = parsePermitProfile(json, file);
  if (!r.ok) throw new Error(`shipped permit profile ${file} is invalid: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.value;
}

/** Profiles shipped with the product, by id (config/permit-profiles/). */
export const SHIPPED_PERMIT_PROFILES: Readonly<Record<string, PermitProfile>> = Object.fromEntries(
  [shipped(landelijkeLijn, 'landelijke-lijn-nvi.json'), shipped(preSmp, 'pre-smp.json'), shipped(smp, 'smp.json')].map(
    (p) => [p.id, p],
  ),
);
export const DEFAULT_PERMIT_PROFILE = 'landelijke-lijn-nvi';
