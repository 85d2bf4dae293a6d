/**
 * Calendar quarters as the programme reports them ('2027Q1' = 1 January – 31 March 2027). Dates are ISO
 * `YYYY-MM-DD` strings (Europe/Amsterdam calendar days, as everywhere in the planner), so comparing them as
 * strings orders them.
 */
import { z } from 'zod';

export const QuarterId = z.string().regex(/^\d{4}Q[1-4]$/, "a quarter as YYYYQn, e.g. '2027Q1'");
export type QuarterId = z.infer<typeof QuarterId>;

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;
const FIRST_DAY = ['01-01', '04-01', '07-01', '10-01'] as const;

/** Year and quarter number (1–4) of a quarter id; throws on a malformed id (callers parse input with QuarterId). */
export function splitQuarter(q: string): { year: number; n: 1 | 2 | 3 | 4 } {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  if (!m) throw new Error(`not a quarter id: ${q}`);
  return { year: Number(m[1]), n: Number(m[2]) as 1 | 2 | 3 | 4 };
}

/** The quarter a date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): QuarterId {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}Q${Math.floor((month - 1) / 3) + 1}`;
}

/** First and last day of a quarter, inclusive. */
export function quarterBounds(q: string): { from: string; until: string } {
  const { year, n } = splitQuarter(q);
  return { from: `${year}-${FIRST_DAY[n - 1]}`, until: `${year}-${LAST_DAY[n - 1]}` };
}

/** Quarters since year 0: consecutive quarters differ by 1. */
export function quarterOrdinal(q: string): number {
  const { year, n } = splitQuarter(q);
  return year * 4 + n - 1;
}

export function quarterFromOrdinal(i: number): QuarterId {
  return `${Math.floor(i / 4)}Q${(i % 4) + 1}`;
}

/** Every quarter from `from` to `until`, both included (empty when `until` is before `from`). */
export function quartersBetween(from: string, until: string): QuarterId[] {
  const out: QuarterId[] = [];
  for (let i = quarterOrdinal(from); i <= quarterOrdinal(until); i++) out.push(quarterFromOrdinal(i));
  return out;
}
