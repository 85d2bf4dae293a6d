import { parseDate } from './field-values.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A signal period from "2024", "2024-03" / "03-2024", "2024-Q2" / "2024K2", or explicit start and end dates;
 * returns [start, end] (inclusive, YYYY-MM-DD) or null when unreadable or the end precedes the start.
 */
export function parsePeriod(
  period: string | undefined,
  start: string | undefined,
  end: string | undefined,
): [string, string] | null {
  const p = period?.trim() ?? '';
  if (p !== '') {
    let m = /^(\d{4})$/.exec(p);
    if (m) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
    const ym = /^(\d{4})-(\d{1,2})$/.exec(p);
    const my = /^(\d{1,2})-(\d{4})$/.exec(p);
    if (ym || my) {
      const [y, mo] = ym ? [Number(ym[1]), Number(ym[2])] : [Number(my![2]), Number(my![1])];
      return mo >= 1 && mo <= 12 ? [`${y}-${pad(mo)}-01`, `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`] : null;
    }
    m = /^(\d{4})\s*-?\s*[QqKk]([1-4])$/.exec(p);
    if (m) {
      const [y, q] = [Number(m[1]), Number(m[2])];
      return [`${y}-${pad(3 * q - 2)}-01`, `${y}-${pad(3 * q)}-${pad(lastDay(y, 3 * q))}`];
    }
    return null;
  }
  const s = parseDate(start);
  const e = parseDate(end);
  return s && e && s <= e ? [s, e] : null;
}

/** Whole months a period spans (rounded up), the cap on vacancy months. */
export function monthsIn([start, end]: [string, string]): number {
  const [ys, ms] = start.split('-').map(Number) as [number, number];
  const [ye, me] = end.split('-').map(Number) as [number, number];
  return (ye - ys) * 12 + (me - ms) + 1;
}
