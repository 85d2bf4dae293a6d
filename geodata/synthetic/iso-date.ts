/** Pure YYYY-MM-DD arithmetic in UTC (no clock); the generator's dates all derive from `dataDate`. */

const DAY_MS = 86_400_000;

function toUtcMs(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return ms;
}

/** The date `days` days after (negative: before) `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(toUtcMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

export function yearOf(iso: string): number {
  toUtcMs(iso);
  return Number(iso.slice(0, 4));
}
