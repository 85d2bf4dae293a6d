/**
 * The block × season model: candidate dwellings grouped into units (a batch decision is per unit, so the MIP
 * stays small), each with the seasons it may go in — after its survey lead time, inside the natuurkalender
 * windows, and only in the corporation's year when coupled — and its value per season; plus the remaining
 * budget, year caps, capacity per season and the permit profiles' caps per CBS buurt and period after fixed batches;
 * works under a permit go only where one profile is valid from exclusion to insulating.
 */
import { dayNumber } from '../retrofit/iso-day.ts';
import type { Natuurkalender } from '../retrofit/natuurkalender.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Candidate } from './candidates.ts';
import { policyOf } from './plan-input.ts';
import type { FixedBatch, PlanInput, PlanIssue, PlanIssueCode } from './plan-types.ts';
import type { SeasonDays } from './seasons.ts';
import { capPeriodOf, profileOn, type PermitProfile } from './permit-profile.ts';

export interface PlanUnit {
  id: string;
  buurtcode: string;
  programmeArea: string | null;
  members: Candidate[];
  projectPrice: boolean;
  corporationYear: number | null;
  /** Whole euros, EXPECTED over the owners' answers: cost (with survey) and programme contribution (with its survey share). */
  costEur: number;
  contributionEur: number;
  /** Expected dwellings whose owners accept (members.length when every owner says yes). */
  dwellings: number;
  /** Expected crew-weeks. */
  crewWeeks: number;
  /** Members whose nature-rule works go under the permit profile (pre-smp route with a nature-rule measure). */
  permitCount: number;
  /** First day exclusion may start: window start + the longest survey lead time + registration. */
  earliestExclusionDay: number;
  /** Some season of the window was closed to this unit only because no permit profile was valid then. */
  permitLimited?: boolean;
}

export interface UnitOption {
  unit: number;
  season: number;
  /** Exclusion start of the batch in this season. */
  exclusionDay: number;
  value: number;
}

/** A permit cap: profile × CBS buurt × cap period, with the dwellings still allowed (after fixed batches). */
export interface PermitCapGroup {
  profile: string;
  buurtcode: string;
  period: number;
  from: string;
  until: string;
  /** Private ground-bound dwellings of the buurt (the base the share is taken of). */
  base: number;
  cap: number;
}

export interface PlanModel {
  seasons: SeasonDays[];
  units: PlanUnit[];
  /** Sorted by unit, then season. */
  options: UnitOption[];
  budgetEur: number;
  /** Remaining cap per season index's year; Infinity when uncapped. */
  yearCap: Map<number, number>;
  capDwellings: number[];
  capCrewWeeks: number[];
  crewWeeksPerDwelling: number;
  permitCaps: PermitCapGroup[];
  /** Index into permitCaps per unit × season, or -1 (`unit * seasons + season`). */
  permitCapOf: Int32Array;
  /** Permit profile per unit × season for units with permit works (null: none needed). */
  permitOf?: (string | null)[];
  /** Units without any allowed season, by reason (`permit`: only outside every valid permit profile). */
  excluded: { calendar: number; capacity: number; permit: number };
}

/** Whole euros: every sum in the model is exact, so a plan at the budget never exceeds it by rounding. */
const eur = (x: number): number => Math.round(x);

/** Programme contribution and cost of one member at the unit's price, whole euros. */
export function memberMoney(
  c: Candidate,
  projectPrice: boolean,
  surveyShare: number,
): { cost: number; contribution: number } {
  const k = projectPrice ? 1 : 0;
  const survey = eur(c.surveyCostEur);
  return { cost: eur(c.costEur[k]) + survey, contribution: eur(c.contributionEur[k]) + eur(survey * surveyShare) };
}

const seasonYear = (id: string): number => Number(id.slice(0, 4));

export function buildModel(
  input: PlanInput,
  cal: Natuurkalender,
  seasons: SeasonDays[],
  candidates: Candidate[],
  privateGroundBound: ReadonlyMap<string, number>,
  corporationBlocks: ReadonlyMap<string, number>,
  fixed: FixedBatch[],
  permits: readonly PermitProfile[],
): Result<PlanModel, PlanIssueCode> {
  const fromDay = dayNumber(input.window.from)!,
    untilDay = dayNumber(input.window.until)!;
  const regDays = Math.ceil(cal.registrationLeadHours / 24);
  const issues: PlanIssue[] = [];
  const seasonIndex = new Map(seasons.map((s, i) => [s.id, i]));

  // Capacity per season (overrides by season id).
  const capDwellings = seasons.map(() => input.capacity.perSeason.dwellings ?? Infinity);
  const capCrewWeeks = seasons.map(() => input.capacity.perSeason.crewWeeks ?? Infinity);
  input.capacity.bySeason.forEach((o, i) => {
    const s = seasonIndex.get(o.season);
    if (s === undefined) {
      issues.push({
        code: 'plan.input.invalid',
        path: ['capacity', 'bySeason', i, 'season'],
        message: `capacity.bySeason.${i}.season: ${o.season} is not a season of the window; expected one of ${seasons.map((x) => x.id).join(', ')}`,
      });
      return;
    }
    capDwellings[s] = o.dwellings ?? capDwellings[s]!;
    capCrewWeeks[s] = o.crewWeeks ?? capCrewWeeks[s]!;
  });
  if (issues.length) return fail(...issues);

  const yearCap = new Map<number, number>();
  for (const c of input.yearCapsEur ?? []) yearCap.set(c.year, c.capEur);
  let budgetEur = input.budgetEur;

  // Permit cap groups per profile, CBS buurt and cap period (created when first used).
  const groups = new Map<string, PermitCapGroup>();
  const groupOf = (profile: PermitProfile, buurtcode: string, day: number): PermitCapGroup | null | undefined => {
    if (!profile.cap) return null;
    const period = capPeriodOf(profile, day);
    if (period < 0) return undefined; // inside the validity but in no cap period: not allowed
    const key = `${profile.id}\u0000${buurtcode}\u0000${period}`;
    let g = groups.get(key);
    if (!g) {
      const c = profile.cap.periods[period]!,
        base = privateGroundBound.get(buurtcode) ?? 0;
      g = {
        profile: profile.id,
        buurtcode,
        period,
        from: c.from,
        until: c.until,
        base,
        cap: Math.floor(c.share * base + 1e-9),
      };
      groups.set(key, g);
    }
    return g;
  };

  // Fixed batches consume first.
  for (const [bi, b] of fixed.entries()) {
    budgetEur -= b.programmeContributionEur;
    const y = seasonYear(b.season);
    if (yearCap.has(y)) yearCap.set(y, yearCap.get(y)! - b.programmeContributionEur);
    const s = seasonIndex.get(b.season);
    if (s !== undefined) {
      capDwellings[s] = capDwellings[s]! - (b.expectedDwellings ?? b.dwellings.length);
      capCrewWeeks[s] = capCrewWeeks[s]! - b.crewWeeks;
      if (capDwellings[s]! < 0 || capCrewWeeks[s]! < -1e-9) {
        return fail({
          code: 'plan.infeasible.fixed-exceed-capacity',
          path: ['fixed', bi],
          message: `fixed batches in season ${b.season} take more than its capacity (${input.capacity.perSeason.dwellings ?? '–'} dwellings / ${input.capacity.perSeason.crewWeeks ?? '–'} crew-weeks)`,
        });
      }
    }
    // Work under way counts against the cap of the profile it went under.
    const permitWork = b.dwellings.filter((d) => d.route === 'pre-smp' && d.natuurvrijVanaf !== null);
    if (permitWork.length) {
      const day = dayNumber(permitWork[0]!.natuurvrijVanaf!)!;
      const profile = permits.find((p) => p.id === b.permitProfile) ?? profileOn(permits, day, day);
      const g = profile ? groupOf(profile, b.buurtcode, day) : null;
      if (g) g.cap -= permitWork.length;
    }
  }
  if (budgetEur < 0) {
    return fail({
      code: 'plan.infeasible.fixed-exceed-budget',
      path: ['fixed'],
      message: `fixed batches take €${input.budgetEur - budgetEur} of programme contribution, more than the budget of €${input.budgetEur}`,
    });
  }

  // Units.
  const byUnit = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byUnit.get(c.unitId);
    if (list) list.push(c);
    else byUnit.set(c.unitId, [c]);
  }
  const unitIds = [...byUnit.keys()].sort();
  const units: PlanUnit[] = [];
  const options: UnitOption[] = [];
  const excluded = { calendar: 0, capacity: 0, permit: 0 };
  const optionGroups: (PermitCapGroup | null)[] = [];
  const optionPermits: (string | null)[] = [];
  const w = input.objective;
  for (const id of unitIds) {
    const members = byUnit.get(id)!;
    let corporationYear: number | null = null;
    for (const m of members) {
      const y = corporationBlocks.get(m.blockId);
      if (y !== undefined && (corporationYear === null || y < corporationYear)) corporationYear = y;
    }
    const projectPrice = corporationYear !== null || members.length >= input.batching.projectPriceMinDwellings;
    // Expected over the answers: an owner who declines costs nothing (the survey of a building is shared the same way).
    let costEur = 0,
      contributionEur = 0,
      expected = 0;
    for (const m of members) {
      const money = memberMoney(m, projectPrice, policyOf(input).surveyShare);
      costEur += eur(m.acceptProbability * money.cost);
      contributionEur += eur(m.acceptProbability * money.contribution);
      expected += m.acceptProbability;
    }
    const lead = Math.max(0, ...members.map((m) => m.leadTimeDays));
    const nature = members.some((m) => m.natureRule);
    const unit: PlanUnit = {
      id,
      buurtcode: members[0]!.buurtcode,
      programmeArea: members[0]!.programmeArea,
      members,
      projectPrice,
      corporationYear,
      costEur,
      contributionEur,
      dwellings: expected,
      crewWeeks: expected * input.capacity.crewWeeksPerDwelling,
      permitCount: members.filter((m) => m.route === 'pre-smp' && m.natureRule).length,
      earliestExclusionDay: fromDay + lead + regDays,
    };
    const u = units.length;
    units.push(unit);
    let any = false,
      fits = false,
      permitted = false;
    seasons.forEach((s, si) => {
      if (corporationYear !== null && s.year !== corporationYear) return;
      const exclusionDay = nature ? Math.max(s.exclusionFrom, unit.earliestExclusionDay) : s.exclusionFrom;
      if (exclusionDay > s.exclusionUntil) return;
      const insulationFrom = nature ? exclusionDay + cal.exclusionMinDays : s.exclusionFrom;
      if (insulationFrom > s.insulationUntil) return;
      any = true;
      // Works under the permit: from exclusion to the start of insulating inside one profile's validity and cap period.
      let group: PermitCapGroup | null = null,
        permit: string | null = null;
      if (unit.permitCount > 0) {
        const profile = profileOn(permits, exclusionDay, insulationFrom);
        const g = profile ? groupOf(profile, unit.buurtcode, exclusionDay) : undefined;
        if (!profile || g === undefined) {
          unit.permitLimited = true;
          return;
        }
        group = g;
        permit = profile.id;
      }
      permitted = true;
      if (unit.dwellings > capDwellings[si]! + 1e-9 || unit.crewWeeks > capCrewWeeks[si]! + 1e-9) return;
      fits = true;
      const years = Math.max(0, (untilDay - insulationFrom + 1) / 365.25);
      let value = 0;
      for (const m of members)
        value +=
          m.acceptProbability *
          (w.gasM3Year * m.gasSavingM3PerYear * years +
            w.energyPoorHousehold * m.energyPoor +
            w.priorityPoint * m.priority);
      options.push({ unit: u, season: si, exclusionDay, value });
      optionGroups.push(group);
      optionPermits.push(permit);
    });
    if (!any) excluded.calendar++;
    else if (!permitted) excluded.permit++;
    else if (!fits) excluded.capacity++;
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const permitCaps = [...groups.values()].sort(
    (a, b) => cmp(a.profile, b.profile) || cmp(a.buurtcode, b.buurtcode) || a.period - b.period,
  );
  const index = new Map(permitCaps.map((g, i) => [g, i]));
  const permitCapOf = new Int32Array(units.length * seasons.length).fill(-1);
  const permitOf: (string | null)[] = new Array<string | null>(units.length * seasons.length).fill(null);
  options.forEach((o, k) => {
    const g = optionGroups[k];
    if (g) permitCapOf[o.unit * seasons.length + o.season] = index.get(g)!;
    permitOf[o.unit * seasons.length + o.season] = optionPermits[k]!;
  });
  return ok({
    seasons,
    units,
    options,
    budgetEur,
    yearCap,
    capDwellings,
    capCrewWeeks,
    crewWeeksPerDwelling: input.capacity.crewWeeksPerDwelling,
    permitCaps,
    permitCapOf,
    permitOf,
    excluded,
  });
}
