/**
 * The plan's calendar timeline, euros per year and assumptions, as the panel shows them (pure: the view only
 * draws). Seasons and batches run along a date axis with the natuurkalender's closed periods (the calendar the
 * plan names, shipped with the engine: config/natuurkalender/) and the permit profiles' validity (the plan's
 * meta.permit, from config/permit-profiles/) drawn in; money per year is the plan's totals.byYear against the
 * budget; the assumptions are the plan's profile, scope policy and uptake in Dutch words.
 */
import { z } from 'zod';
import { dayNumber as dayOrNull, isoOfDay } from '../../../engine/retrofit/iso-day.ts';
import { SHIPPED_CALENDARS, type Natuurkalender } from '../../../engine/retrofit/natuurkalender.ts';
import { formatCount, formatDate } from '../format.ts';
import { formatEuro, measureList, plannedSeasons, seasonColours, seasonLabel, type PlanDetail } from './plan-model.ts';

const Band = z.object({ expected: z.number(), p10: z.number(), p90: z.number() });
/** The parts of plan.meta the panel reads (older saved plans may lack them: every part optional). */
export const PlanMetaView = z
  .object({
    input: z
      .object({
        calendar: z.string().optional(),
        policy: z
          .union([
            z.string(),
            z
              .object({
                id: z.string(),
                name: z.string(),
                target: z.object({ label: z.string() }).passthrough().optional(),
                measures: z.array(z.object({ id: z.string() }).passthrough()).optional(),
                tenures: z.array(z.object({ id: z.string(), programmeShare: z.number() }).passthrough()).optional(),
                groundBoundOnly: z.boolean().optional(),
                vve: z.boolean().optional(),
              })
              .passthrough(),
          ])
          .optional(),
      })
      .passthrough()
      .optional(),
    uptake: z
      .object({
        enabled: z.boolean(),
        params: z.string(),
        seed: z.number(),
        invited: z.number(),
        dwellings: Band,
        programmeContributionEur: Band,
      })
      .passthrough()
      .optional(),
    permit: z
      .object({
        profiles: z.array(
          z
            .object({
              id: z.string(),
              name: z.string(),
              validFrom: z.string(),
              validUntil: z.string(),
              placeholder: z.boolean(),
            })
            .passthrough(),
        ),
        afterValidity: z.enum(['refused', 'successor']),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();
export type PlanMetaView = z.infer<typeof PlanMetaView>;

/** The plan's meta as the panel reads it; an unreadable part is left out rather than failing the panel. */
export function planMeta(d: PlanDetail): PlanMetaView {
  const r = PlanMetaView.safeParse((d.plan as { meta?: unknown }).meta ?? {});
  return r.success ? r.data : {};
}

/** The natuurkalender the plan used (default: the national line), or null when the web build does not ship it. */
export function planCalendar(d: PlanDetail): Natuurkalender | null {
  const id = planMeta(d).input?.calendar ?? 'landelijk';
  return Object.hasOwn(SHIPPED_CALENDARS, id) ? SHIPPED_CALENDARS[id]! : null;
}

/** A date interval on the timeline, with its position (x, w in px) and a Dutch title. */
export interface DateBand {
  id: string;
  label: string;
  from: string;
  until: string;
  x: number;
  w: number;
  title: string;
}

export interface SeasonRow {
  season: string;
  label: string;
  colour: string;
  batches: number;
  dwellings: number;
  contributionEur: number;
  /** Whole season: exclusion window start to the end of its insulation window. */
  bar: DateBand;
  /** The natuurkalender window for natuurvrij maken inside it. */
  exclusion: DateBand;
}

export interface CalendarTimeline {
  width: number;
  from: string;
  until: string;
  rows: SeasonRow[];
  closed: DateBand[];
  permits: DateBand[];
  years: { x: number; text: string }[];
}

const PERIOD_NL: Readonly<Record<string, string>> = {
  'kraam-en-broedperiode': 'kraam- en broedperiode',
  winterslaap: 'winterslaap',
};
const periodLabel = (id: string): string => PERIOD_NL[id] ?? id.replace(/-/g, ' ');
const span = (from: string, until: string): string => `${formatDate(from)} t/m ${formatDate(until)}`;

/** Day number of an ISO date the API sent (a bad one is a bug in the plan's schema, not user input). */
function dayNumber(iso: string): number {
  const d = dayOrNull(iso);
  if (d === null) throw new Error(`not an ISO date: ${iso}`);
  return d;
}

/** "MM-DD" of `year` as a day number. */
const dayIn = (year: number, md: string): number => dayNumber(`${year}-${md}`);

/**
 * Closed periods for natuurvrij maken of the calendar that overlap [fromDay, untilDay], clipped to it, in time order
 * (a period across new year, like the winterslaap, runs from its `from` in one year to its `to` in the next).
 */
export function closedPeriods(
  cal: Natuurkalender,
  fromDay: number,
  untilDay: number,
): { id: string; from: number; until: number }[] {
  const out: { id: string; from: number; until: number }[] = [];
  const y0 = Number(isoOfDay(fromDay).slice(0, 4)) - 1,
    y1 = Number(isoOfDay(untilDay).slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    for (const p of cal.closedPeriods) {
      if (!p.closes.includes('exclusion')) continue;
      const a = dayIn(y, p.from);
      const b = p.to >= p.from ? dayIn(y, p.to) : dayIn(y + 1, p.to);
      const from = Math.max(a, fromDay),
        until = Math.min(b, untilDay);
      if (from <= until) out.push({ id: p.id, from, until });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

const PAD_X = 4;

/** The calendar timeline of a plan in `width` px, or null when nothing is planned. */
export function calendarTimeline(d: PlanDetail, width = 300): CalendarTimeline | null {
  const planned = new Set(plannedSeasons(d));
  const seasons = d.plan.seasons.filter((s) => planned.has(s.id));
  if (seasons.length === 0) return null;
  const fromDay = Math.min(...seasons.map((s) => dayNumber(s.exclusionFrom)));
  const untilDay = Math.max(...seasons.map((s) => dayNumber(s.insulationUntil)));
  const inner = width - 2 * PAD_X;
  const perDay = inner / Math.max(1, untilDay - fromDay + 1);
  const band = (id: string, label: string, a: number, b: number, title: string): DateBand => ({
    id,
    label,
    from: isoOfDay(a),
    until: isoOfDay(b),
    x: PAD_X + (a - fromDay) * perDay,
    w: Math.max(1, (b - a + 1) * perDay),
    title,
  });
  const colours = seasonColours([...planned]);
  const rows = seasons.map((s): SeasonRow => {
    const bs = d.plan.batches.filter((b) => b.season === s.id);
    const dwellings = bs.reduce((a, b) => a + b.dwellings.length, 0);
    const contributionEur = bs.reduce((a, b) => a + b.programmeContributionEur, 0);
    const exclusionUntil =
      typeof s.exclusionUntil === 'string' ? dayNumber(s.exclusionUntil) : dayNumber(s.exclusionFrom);
    const label = seasonLabel(s.id);
    return {
      season: s.id,
      label,
      colour: colours.get(s.id)!,
      batches: bs.length,
      dwellings,
      contributionEur,
      bar: band(
        s.id,
        label,
        dayNumber(s.exclusionFrom),
        dayNumber(s.insulationUntil),
        `${label}: ${formatCount(bs.length)} batches, ${formatCount(dwellings)} woningen, programmabijdrage ${formatEuro(contributionEur)}; isoleren tot en met ${formatDate(s.insulationUntil)}`,
      ),
      exclusion: band(
        s.id,
        label,
        dayNumber(s.exclusionFrom),
        exclusionUntil,
        `${label}: natuurvrij maken ${span(s.exclusionFrom, isoOfDay(exclusionUntil))}`,
      ),
    };
  });
  const cal = planCalendar(d);
  const closed = cal
    ? closedPeriods(cal, fromDay, untilDay).map((p) =>
        band(
          p.id,
          periodLabel(p.id),
          p.from,
          p.until,
          `Natuurkalender (${cal.name}): ${periodLabel(p.id)}, geen natuurvrij maken van ${span(isoOfDay(p.from), isoOfDay(p.until))}`,
        ),
      )
    : [];
  const permits = (planMeta(d).permit?.profiles ?? []).flatMap((p) => {
    const a = Math.max(dayNumber(p.validFrom), fromDay),
      b = Math.min(dayNumber(p.validUntil), untilDay);
    if (a > b) return [];
    return [
      band(
        p.id,
        p.name,
        a,
        b,
        `Vergunningsprofiel ${p.name}: geldig ${span(p.validFrom, p.validUntil)}${p.placeholder ? ' (voorlopige waarden, nog te bevestigen)' : ''}`,
      ),
    ];
  });
  const years: { x: number; text: string }[] = [];
  for (let y = Number(isoOfDay(fromDay).slice(0, 4)) + 1; y <= Number(isoOfDay(untilDay).slice(0, 4)); y++) {
    years.push({ x: PAD_X + (dayIn(y, '01-01') - fromDay) * perDay, text: String(y) });
  }
  return { width, from: isoOfDay(fromDay), until: isoOfDay(untilDay), rows, closed, permits, years };
}

export interface YearRow {
  year: number;
  eur: number;
  capEur: number | null;
  cumulativeEur: number;
  text: string;
}

/**
 * Programme money per calendar year (the year of the season's exclusion window, as the planner's year caps count it)
 * with the running total against the budget: "2026: € 1.800 · t/m 2026 € 1.800 van € 8.400.000 (0,0%)".
 */
export function eurosPerYear(d: PlanDetail): YearRow[] {
  const byYear = new Map<number, { eur: number; capEur: number | null }>();
  const given = (
    d.plan.totals as { byYear?: { year: number; programmeContributionEur: number; capEur: number | null }[] }
  ).byYear;
  if (given) for (const y of given) byYear.set(y.year, { eur: y.programmeContributionEur, capEur: y.capEur });
  else {
    for (const b of d.plan.batches) {
      const year = Number(b.season.slice(0, 4));
      const r = byYear.get(year) ?? { eur: 0, capEur: null };
      r.eur += b.programmeContributionEur;
      byYear.set(year, r);
    }
  }
  const budget = d.input.budgetEur;
  const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  let sum = 0;
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, r]) => r.eur > 0 || r.capEur !== null)
    .map(([year, r]) => {
      sum += r.eur;
      const cap = r.capEur !== null ? ` (jaarplafond ${formatEuro(r.capEur)})` : '';
      return {
        year,
        eur: r.eur,
        capEur: r.capEur,
        cumulativeEur: sum,
        text: `${year}: ${formatEuro(r.eur)}${cap} · t/m ${year} ${formatEuro(sum)} van ${formatEuro(budget)} (${pct.format(budget > 0 ? sum / budget : 0)})`,
      };
    });
}

const share = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
type Banded = { expected: number; p10: number; p90: number };
const bandCount = (b: Banded, unit: string): string =>
  `${formatCount(Math.round(b.expected))} ${unit} (p10–p90: ${formatCount(Math.round(b.p10))}–${formatCount(Math.round(b.p90))})`;
const bandEuro = (b: Banded, unit: string): string =>
  `${formatEuro(b.expected)} ${unit} (p10–p90: ${formatEuro(b.p10)} – ${formatEuro(b.p90)})`;

/** The plan's assumptions in Dutch sentences: permit profile(s), natuurkalender, scope policy and owner uptake. */
export function assumptionLines(d: PlanDetail): string[] {
  const meta = planMeta(d);
  const lines: string[] = [];
  const permit = meta.permit;
  if (permit && permit.profiles.length) {
    for (const p of permit.profiles) {
      lines.push(
        `Vergunningsprofiel: ${p.name}, geldig ${span(p.validFrom, p.validUntil)}${p.placeholder ? ' — voorlopige waarden, nog te bevestigen' : ''}.`,
      );
    }
    lines.push(
      permit.afterValidity === 'refused'
        ? 'Natuurwerk na de geldigheid van het profiel wordt niet gepland.'
        : 'Natuurwerk na de geldigheid van het profiel valt onder het opvolgende profiel.',
    );
  } else {
    lines.push('Vergunningsprofiel: niet vermeld in dit plan.');
  }
  const cal = planCalendar(d);
  if (cal)
    lines.push(
      `Natuurkalender: ${cal.name}; melden ${formatCount(cal.registrationLeadHours)} uur vooraf, kleppen minstens ${formatCount(cal.exclusionMinDays)} dagen.`,
    );
  const policy = meta.input?.policy;
  if (policy && typeof policy === 'object') {
    const parts = [`Reikwijdte: ${policy.name}`];
    if (policy.measures?.length) parts.push(`maatregelen ${measureList(policy.measures.map((m) => m.id))}`);
    if (policy.tenures?.length)
      parts.push(
        `eigendom ${policy.tenures.map((t) => `${t.id} (programmabijdrage ${share.format(t.programmeShare)})`).join(', ')}`,
      );
    if (policy.groundBoundOnly) parts.push('alleen grondgebonden woningen');
    if (policy.vve !== undefined) parts.push(policy.vve ? "VvE's doen mee" : "zonder VvE's");
    if (policy.target) parts.push(`geen kandidaat bij label ${policy.target.label} of beter`);
    lines.push(`${parts.join('; ')}.`);
  } else if (typeof policy === 'string') {
    lines.push(`Reikwijdte: beleid ${policy}.`);
  }
  const u = meta.uptake;
  if (u?.enabled) {
    lines.push(
      `Deelname: ${formatCount(u.invited)} eigenaren uitgenodigd; verwacht ${bandCount(u.dwellings, 'woningen')} en ${bandEuro(u.programmeContributionEur, 'programmabijdrage')} (parameters ${u.params}, seed ${u.seed}).`,
    );
  } else if (u) {
    lines.push('Deelname: aangenomen dat elke uitgenodigde eigenaar ja zegt.');
  } else {
    lines.push('Deelname: niet vermeld in dit plan.');
  }
  return lines;
}
