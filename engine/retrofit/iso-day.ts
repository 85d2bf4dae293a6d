/** Calendar days as integers (days since 1970-01-01, UTC) so date rules need no clock or time zone. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid YYYY-MM-DD date, or null (e.g. 2025-02-30). */
export function dayNumber(iso: string): number | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Month × 100 + day of month (e.g. 401 for 1 April), for yearly recurring periods. */
export function monthDayOf(day: number): number {
  const d = new Date(day * 86_400_000);
  return (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

export function yearOf(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** Day number of month-day `md` (e.g. 1101) in `year`. */
export function dayOf(year: number, md: number): number {
  return Math.round(Date.UTC(year, Math.floor(md / 100) - 1, md % 100) / 86_400_000);
}
