/**
 * Seasons of the plan, derived from the natuurkalender (docs/domain.md §2): each yearly run of days open for
 * exclusion is a season (national line: ~16–31 March 'voorjaar', 1 August–31 October 'najaar'). Flaps go up in the
 * run, the dwelling is natuurvrij `exclusionMinDays` later, and insulation may go on until the next season opens —
 * allowed through the next closed period because the dwelling was natuurvrij before it began.
 */
import type { Natuurkalender } from '../retrofit/natuurkalender.ts';
import { dayOf, isoOfDay, monthDayOf, yearOf } from '../retrofit/iso-day.ts';
import type { PlanSeason } from './plan-types.ts';

/** A season with day numbers (days since 1970-01-01) for the model. */
export interface SeasonDays {
  id: string;
  year: number;
  exclusionFrom: number;
  exclusionUntil: number;
  insulationFrom: number;
  insulationUntil: number;
}

const md = (s: string): number => Number(s.slice(0, 2)) * 100 + Number(s.slice(3, 5));

function exclusionClosed(cal: Natuurkalender, day: number): boolean {
  const x = monthDayOf(day);
  return cal.closedPeriods.some((p) => {
    if (!p.closes.includes('exclusion')) return false;
    const from = md(p.from),
      to = md(p.to);
    return from <= to ? x >= from && x <= to : x >= from || x <= to;
  });
}

/** Runs [start, end] of days open for exclusion that start in `year`. */
function openRuns(cal: Natuurkalender, year: number): [number, number][] {
  const runs: [number, number][] = [];
  const first = dayOf(year, 101),
    last = dayOf(year, 1231);
  let d = first;
  while (d <= last) {
    if (exclusionClosed(cal, d) || (d > first && !exclusionClosed(cal, d - 1))) {
      d++;
      continue;
    }
    let e = d;
    while (e + 1 < d + 400 && !exclusionClosed(cal, e + 1)) e++;
    runs.push([d, e]);
    d = e + 1;
  }
  return runs;
}

/**
 * Seasons whose exclusion can start inside the window [fromDay, untilDay]: the job is registered
 * `registrationLeadHours` ahead (counted from the window start) and the flaps need `exclusionMinDays` open days.
 * Insulation windows end the day before the next season's exclusion window opens, or at `untilDay`.
 */
export function seasonsOf(cal: Natuurkalender, fromDay: number, untilDay: number): SeasonDays[] {
  const regDays = Math.ceil(cal.registrationLeadHours / 24);
  const flapDays = Math.max(cal.exclusionMinDays, 1);
  const runs: [number, number][] = [];
  for (let y = yearOf(fromDay); y <= yearOf(untilDay); y++) runs.push(...openRuns(cal, y));
  const out: SeasonDays[] = [];
  const used = new Set<string>();
  runs.forEach(([start, end], k) => {
    const exclusionFrom = Math.max(start, fromDay + regDays);
    const exclusionUntil = end - flapDays + 1;
    const insulationFrom = exclusionFrom + cal.exclusionMinDays;
    if (exclusionFrom > exclusionUntil || insulationFrom > untilDay) return;
    const year = yearOf(start);
    const id = `${year}-${monthDayOf(start) < 700 ? 'voorjaar' : 'najaar'}`;
    if (used.has(id)) return; // a calendar with two runs in one half-year: the first is the season
    used.add(id);
    const next = runs[k + 1];
    const insulationUntil = Math.min(next ? next[0] - 1 : untilDay, untilDay);
    out.push({ id, year, exclusionFrom, exclusionUntil, insulationFrom, insulationUntil });
  });
  return out;
}

export function seasonJson(s: SeasonDays): PlanSeason {
  return {
    id: s.id,
    year: s.year,
    exclusionFrom: isoOfDay(s.exclusionFrom),
    exclusionUntil: isoOfDay(s.exclusionUntil),
    insulationFrom: isoOfDay(s.insulationFrom),
    insulationUntil: isoOfDay(s.insulationUntil),
  };
}
