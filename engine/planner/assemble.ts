/**
 * Turns the chosen unit options (and fixed batches) into the plan JSON: batches per season with their dwellings,
 * dates, money and savings; totals per season and year; unspent budget with its reason.
 */
import { OWNERSHIP_CATEGORIES, type DatasetMeta, type Ownership } from '../dwelling.ts';
import { MEASURE_IDS, type MeasureId } from '../retrofit/measure-ids.ts';
import { isoOfDay } from '../retrofit/iso-day.ts';
import type { Natuurkalender } from '../retrofit/natuurkalender.ts';
import { memberMoney, type PlanModel, type UnitOption } from './model.ts';
import {
  PLAN_KIND,
  PLAN_VERSION,
  type FixedBatch,
  type Plan,
  type PlanBatch,
  type PlanInput,
  type PlanIssue,
} from './plan-types.ts';
import type { PermitProfile } from './permit-profile.ts';
import { policyOf } from './plan-input.ts';
import { seasonJson } from './seasons.ts';
import { checkSelection } from './usage.ts';
import { uptakeBands } from './uptake.ts';
import { DEFAULT_NATURE_COSTS } from './nature-costs.ts';

export interface SolveSummary {
  requested: PlanInput['solver'];
  used: PlanInput['solver'];
  status: string;
  objective: number;
  greedyObjective: number;
  bound: number | null;
  candidates: { dwellings: number; units: number };
}

/** Chronological order of season ids: voorjaar before najaar of the same year. */
export const seasonKey = (id: string): number => Number(id.slice(0, 4)) * 2 + (id.endsWith('najaar') ? 1 : 0);

const r2 = (x: number): number => Math.round(x * 100) / 100;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function batchOf(m: PlanModel, cal: Natuurkalender, input: PlanInput, o: UnitOption): PlanBatch {
  const unit = m.units[o.unit]!,
    season = m.seasons[o.season]!;
  const dwellings = unit.members.map((c) => {
    const money = memberMoney(c, unit.projectPrice, policyOf(input).surveyShare);
    return {
      vboId: c.vboId,
      measures: c.measures,
      natuurvrijVanaf: c.natureRule ? isoOfDay(o.exclusionDay) : null,
      insulationFrom: isoOfDay(c.natureRule ? o.exclusionDay + cal.exclusionMinDays : season.exclusionFrom),
      insulationUntil: isoOfDay(season.insulationUntil),
      costEur: money.cost,
      programmeContributionEur: money.contribution,
      ownerContributionEur: money.cost - money.contribution,
      contributionByMeasure: c.byMeasure.map((x) => ({
        measure: x.measure,
        eur: Math.round(x.contributionEur[unit.projectPrice ? 1 : 0]),
      })),
      gasSavingM3PerYear: Math.round(c.gasSavingM3PerYear),
      route: c.route,
      ownership: c.ownership,
      labelBefore: c.labelBefore,
      labelAfter: c.labelAfter,
      location: c.location,
      address: c.address,
      acceptProbability: Math.round(c.acceptProbability * 1000) / 1000,
    };
  });
  return {
    id: `${season.id}:${unit.id}`,
    season: season.id,
    unit: input.batching.unit,
    unitId: unit.id,
    buurtcode: unit.buurtcode,
    programmeArea: unit.programmeArea,
    projectPrice: unit.projectPrice,
    corporationYear: unit.corporationYear,
    fixed: false,
    expectedDwellings: r3(unit.dwellings),
    permitProfile: m.permitOf?.[o.unit * m.seasons.length + o.season] ?? null,
    dwellings,
    costEur: unit.costEur,
    programmeContributionEur: unit.contributionEur,
    gasSavingM3PerYear: Math.round(unit.members.reduce((a, c) => a + c.acceptProbability * c.gasSavingM3PerYear, 0)),
    crewWeeks: r3(unit.crewWeeks),
  };
}

export function assemblePlan(
  meta: DatasetMeta,
  input: PlanInput,
  cal: Natuurkalender,
  m: PlanModel,
  chosen: readonly UnitOption[],
  fixed: readonly FixedBatch[],
  solve: SolveSummary,
  unspentReason: PlanIssue | null,
  warnings: PlanIssue[],
  permits: readonly PermitProfile[] = [],
  uptake: { params: string; buurtFactors: ReadonlyMap<string, number> } = {
    params: 'default',
    buurtFactors: new Map(),
  },
): Plan {
  const { usage } = checkSelection(m, chosen);
  const task = permits.find((p) => p.compensation)?.compensation ?? null;
  const compensation = task ? DEFAULT_NATURE_COSTS.compensationTask.eur : 0;
  const energyPoor = chosen.reduce(
    (a, o) => a + m.units[o.unit]!.members.reduce((b, c) => b + c.acceptProbability * c.energyPoor, 0),
    0,
  );
  const batches = [...fixed.map((b) => ({ ...b, fixed: true })), ...chosen.map((o) => batchOf(m, cal, input, o))].sort(
    (a, b) => seasonKey(a.season) - seasonKey(b.season) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  const sum = (f: (b: PlanBatch) => number): number => batches.reduce((a, b) => a + f(b), 0);
  const programme = sum((b) => b.programmeContributionEur);
  const years = [
    ...new Set([...m.seasons.map((s) => s.year), ...batches.map((b) => Number(b.season.slice(0, 4)))]),
  ].sort((a, b) => a - b);
  const caps = new Map((input.yearCapsEur ?? []).map((c) => [c.year, c.capEur]));
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    meta: {
      dataset: { name: meta.name, synthetic: meta.synthetic, dataDate: meta.dataDate },
      input,
      solver: { requested: solve.requested, used: solve.used, status: solve.status },
      objective: r2(solve.objective),
      greedyObjective: r2(solve.greedyObjective),
      mipGap:
        solve.used === 'mip' && solve.bound !== null
          ? Math.max(0, (solve.bound - solve.objective) / Math.max(Math.abs(solve.objective), 1e-9))
          : null,
      bound: solve.used === 'mip' && solve.bound !== null ? r2(solve.bound) : null,
      candidates: solve.candidates,
      uptake: uptakeSummary(input, batches, uptake),
      natureCosts: {
        roostsPerDwelling: DEFAULT_NATURE_COSTS.roostPerDwelling.map((r) => ({ measure: r.measure, eur: r.eur })),
        compensation: task
          ? {
              eur: compensation,
              description: task.description,
              deadlines: task.deadlines,
              basis: DEFAULT_NATURE_COSTS.compensationTask.basis,
            }
          : null,
      },
      permit: {
        profiles: permits.map((p) => ({
          id: p.id,
          name: p.name,
          validFrom: p.validFrom,
          validUntil: p.validUntil,
          placeholder: p.placeholder,
        })),
        afterValidity: input.permit.successor === null ? 'refused' : 'successor',
        // Fixed batches are taken off a group's cap before planning, so planned + their part stays within the profile's cap.
        caps: m.permitCaps.map((g, i) => ({
          profile: g.profile,
          buurtcode: g.buurtcode,
          from: g.from,
          until: g.until,
          base: g.base,
          cap: g.cap,
          planned: usage.permitCaps[i]!,
        })),
      },
    },
    seasons: m.seasons.map(seasonJson),
    batches,
    totals: {
      dwellings: sum((b) => b.dwellings.length),
      batches: batches.length,
      costEur: sum((b) => b.costEur),
      programmeContributionEur: programme,
      ownerContributionEur: sum((b) => b.dwellings.reduce((a, d) => a + d.ownerContributionEur, 0)),
      gasSavingM3PerYear: sum((b) => b.gasSavingM3PerYear),
      energyPoorHouseholds: r2(energyPoor),
      bySeason: m.seasons.map((s) => {
        const inS = batches.filter((b) => b.season === s.id);
        return {
          season: s.id,
          dwellings: inS.reduce((a, b) => a + b.dwellings.length, 0),
          expectedDwellings: r3(inS.reduce((a, b) => a + (b.expectedDwellings ?? b.dwellings.length), 0)),
          crewWeeks: r3(inS.reduce((a, b) => a + b.crewWeeks, 0)),
          programmeContributionEur: inS.reduce((a, b) => a + b.programmeContributionEur, 0),
        };
      }),
      byYear: years.map((y) => ({
        year: y,
        programmeContributionEur: batches
          .filter((b) => Number(b.season.slice(0, 4)) === y)
          .reduce((a, b) => a + b.programmeContributionEur, 0),
        capEur: caps.get(y) ?? null,
      })),
      ...moneyBy(batches),
    },
    unspent: { eur: input.budgetEur - compensation - programme, reason: unspentReason },
    warnings,
  };
}

/** Programme money per measure and per tenure over the plan's dwellings (fixed batches from before carry no measure split). */
function moneyBy(batches: readonly PlanBatch[]): Pick<Plan['totals'], 'byMeasure' | 'byTenure'> {
  const measure = new Map<MeasureId, { dwellings: number; eur: number }>(),
    tenure = new Map<Ownership, { dwellings: number; eur: number }>();
  for (const b of batches)
    for (const d of b.dwellings) {
      const t = tenure.get(d.ownership) ?? { dwellings: 0, eur: 0 };
      tenure.set(d.ownership, { dwellings: t.dwellings + 1, eur: t.eur + d.programmeContributionEur });
      for (const x of d.contributionByMeasure ?? []) {
        const m = measure.get(x.measure) ?? { dwellings: 0, eur: 0 };
        measure.set(x.measure, { dwellings: m.dwellings + 1, eur: m.eur + x.eur });
      }
    }
  return {
    byMeasure: MEASURE_IDS.filter((m) => measure.has(m)).map((m) => ({
      measure: m,
      dwellings: measure.get(m)!.dwellings,
      programmeContributionEur: measure.get(m)!.eur,
    })),
    byTenure: OWNERSHIP_CATEGORIES.filter((o) => tenure.has(o)).map((o) => ({
      ownership: o,
      dwellings: tenure.get(o)!.dwellings,
      programmeContributionEur: tenure.get(o)!.eur,
    })),
  };
}

/**
 * Invited dwellings and the expected dwellings, programme spend and gas saving with p10–p90 bands (seeded). Fixed
 * batches count with their own expectation where they have one; their dwellings' answers are mostly known.
 */
function uptakeSummary(
  input: PlanInput,
  batches: readonly PlanBatch[],
  uptake: { params: string; buurtFactors: ReadonlyMap<string, number> },
): NonNullable<Plan['meta']['uptake']> {
  const rows = batches.flatMap((b) => b.dwellings);
  const p = rows.map((d) => d.acceptProbability ?? 1);
  const [dwellings, money, gas] = uptakeBands(
    p,
    rows.map((d) => [1, d.programmeContributionEur, d.gasSavingM3PerYear]),
    input.uptake.seed,
  );
  const observed = new Map(input.uptake.observed.map((o) => [o.buurtcode, o]));
  return {
    enabled: input.uptake.enabled,
    params: uptake.params,
    seed: input.uptake.seed,
    invited: rows.length,
    dwellings: dwellings ?? { expected: 0, p10: 0, p90: 0 },
    programmeContributionEur: money ?? { expected: 0, p10: 0, p90: 0 },
    gasSavingM3PerYear: gas ?? { expected: 0, p10: 0, p90: 0 },
    buurtFactors: [...uptake.buurtFactors]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([buurtcode, factor]) => ({
        buurtcode,
        accepted: observed.get(buurtcode)?.accepted ?? 0,
        declined: observed.get(buurtcode)?.declined ?? 0,
        factor: Math.round(factor * 1000) / 1000,
      })),
  };
}
