/**
 * The natuurkalender as data (config/natuurkalender/*.json, one file per national line, province or
 * permit): yearly closed periods for exclusion ("natuurvrij maken") and insulation, the registration
 * lead time and the minimum days exclusion flaps hang before insulating. From a planning date this
 * gives the earliest exclusion date and the earliest insulation date (domain.md §2).
 */
import { z } from 'zod';
import { IsoDate } from '../dwelling.ts';
import { fail, ok, type Result } from '../result.ts';
import landelijk from '../../config/natuurkalender/landelijk.json' with { type: 'json' };
import { dayNumber, dayOf, monthDayOf, yearOf } from './iso-day.ts';
import { zodIssues } from './zod-issues.ts';

const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month-day as MM-DD, e.g. 04-01');

export const NatuurkalenderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('national') }),
    z.strictObject({ kind: z.literal('province'), province: z.string().min(1) }),
    z.strictObject({ kind: z.literal('permit'), permit: z.string().min(1) }),
  ]),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  source: z.string().min(1),
  closedPeriods: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        /** First closed day, MM-DD (inclusive). */
        from: MonthDay,
        /** Last closed day, MM-DD (inclusive); earlier than `from` for a period across new year. */
        to: MonthDay,
        closes: z.array(z.enum(['exclusion', 'insulation'])).min(1),
        /** Insulating inside the period is allowed when the dwelling was natuurvrij before the period started. */
        insulationAllowedIfNatuurvrijBefore: z.boolean(),
      }),
    )
    .min(1),
  /** The job is registered this many hours before exclusion starts. */
  registrationLeadHours: z.number().int().min(0).max(1440),
  /** Exclusion flaps hang at least this many days before insulating. */
  exclusionMinDays: z.number().int().min(0).max(60),
});
export type Natuurkalender = z.infer<typeof NatuurkalenderSchema>;

/** Validates a calendar file's JSON; issues are coded `natuurkalender.*` with the JSON path. */
export function parseNatuurkalender(json: unknown): Result<Natuurkalender> {
  const r = NatuurkalenderSchema.safeParse(json);
  if (!r.success) return fail(...zodIssues('natuurkalender', NatuurkalenderSchema, r.error));
  for (const [i, p] of r.data.closedPeriods.entries()) {
    for (const k of ['from', 'to'] as const) {
      if (dayNumber(`2024-${p[k]}`) === null)
        return fail({
          code: 'natuurkalender.invalid-value',
          path: ['closedPeriods', i, k],
          message: `closedPeriods.${i}.${k}: "${p[k]}" is not a day of the year`,
        });
    }
  }
  return ok(r.data);
}

function shipped(json: unknown): Natuurkalender {
  const r = parseNatuurkalender(json);
  if (!r.ok) throw new Error(`shipped natuurkalender is invalid: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.value;
}

/** Calendars shipped with the product, by id (config/natuurkalender/). */
export const SHIPPED_CALENDARS: Readonly<Record<string, Natuurkalender>> = { landelijk: shipped(landelijk) };
export const DEFAULT_CALENDAR_ID = 'landelijk';

const md = (s: string): number => Number(s.slice(0, 2)) * 100 + Number(s.slice(3, 5));

/** Start day of the occurrence of the closed period `p` that contains `day`, or null when `day` is open. */
function closedSince(p: Natuurkalender['closedPeriods'][number], day: number): number | null {
  const from = md(p.from),
    to = md(p.to),
    x = monthDayOf(day),
    y = yearOf(day);
  if (from <= to) return x >= from && x <= to ? dayOf(y, from) : null;
  if (x >= from) return dayOf(y, from);
  return x <= to ? dayOf(y - 1, from) : null;
}

function exclusionOpen(cal: Natuurkalender, day: number): boolean {
  return cal.closedPeriods.every((p) => !p.closes.includes('exclusion') || closedSince(p, day) === null);
}

function insulationOpen(cal: Natuurkalender, day: number, natuurvrijDay: number): boolean {
  return cal.closedPeriods.every((p) => {
    if (!p.closes.includes('insulation')) return true;
    const since = closedSince(p, day);
    return since === null || (p.insulationAllowedIfNatuurvrijBefore && natuurvrijDay <= since);
  });
}

export interface EarliestWorks {
  /** First day exclusion flaps may go up (after registration), as a day number. */
  exclusionDay: number;
  /** First day insulation may start. */
  insulationDay: number;
}

/**
 * Earliest exclusion and insulation days for works planned from `fromDay` (a day number, after any survey
 * lead time). Exclusion needs registration `registrationLeadHours` ahead, and its `exclusionMinDays` days must all
 * fall outside periods closed for exclusion; the dwelling is natuurvrij on the day after; insulation may then start
 * on the first day not closed for insulation — a closed period does not count if it began on or after that
 * natuurvrij day and allows it. Searches at most three years ahead (a calendar without any window is a data error).
 */
export function earliestWorks(cal: Natuurkalender, fromDay: number): EarliestWorks {
  const first = fromDay + Math.ceil(cal.registrationLeadHours / 24);
  for (let e = first; e < first + 3 * 366; e++) {
    let clear = true;
    for (let d = e; d < e + Math.max(cal.exclusionMinDays, 1) && clear; d++) clear = exclusionOpen(cal, d);
    if (!clear) continue;
    const natuurvrij = e + cal.exclusionMinDays;
    for (let i = natuurvrij; i < natuurvrij + 366; i++) {
      if (insulationOpen(cal, i, natuurvrij)) return { exclusionDay: e, insulationDay: i };
    }
  }
  throw new Error(`natuurkalender ${cal.id} leaves no window for exclusion and insulation`);
}

/** Whether the calendar is in force on `day`. */
export function calendarValidOn(cal: Natuurkalender, day: number): boolean {
  return day >= dayNumber(cal.validFrom)! && (cal.validUntil === null || day <= dayNumber(cal.validUntil)!);
}
