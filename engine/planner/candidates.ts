/**
 * Candidate dwellings of the plan, from the retrofit scores (engine/retrofit): the package of all applicable
 * measures at individual and at project price (TNO Ind/Prj columns, docs/domain.md §5), its gas saving and label
 * after, the energy-poverty factor and priority (weights file), the nature route with its survey cost and lead time
 * (ecology.ts, docs/domain.md §2), and the programme's contribution (programme share per measure and tenure).
 * Only what the plan policy (plan-policy.ts) puts in scope: its tenures, ground-bound or VvE dwellings, below its
 * target label, and only its measures. Corporation dwellings are never candidates: the corporation renovates its
 * own stock (its schedule couples blocks).
 */
import { GROUND_BOUND_TYPES, OWNERSHIP_CATEGORIES, type EnergyLabel, type Ownership } from '../dwelling.ts';
import type { Dataset } from '../dataset.ts';
import { ENERGY_LABELS } from '../dwelling.ts';
import { toColumns } from '../dwelling-table.ts';
import { routeTerms } from '../retrofit/ecology.ts';
import {
  ECOLOGY_ROUTES,
  MEASURE_COUNT,
  MEASURE_IDS,
  NATURE_RULE_MEASURES,
  type EcologyRoute,
  type MeasureId,
} from '../retrofit/measure-ids.ts';
import type { RetrofitParams } from '../retrofit/params.ts';
import { allocScores, scoreRange, type ScoreColumns } from '../retrofit/score-table.ts';
import { buildScoreTables } from '../retrofit/score-tables.ts';
import { retrofitContext, stockOf } from '../retrofit/stock.ts';
import { FACTOR_COUNT, FACTOR_IDS, type WeightsConfig } from '../retrofit/weights.ts';
import { fail, ok, type Result } from '../result.ts';
import { policyOf } from './plan-input.ts';
import { policyShare } from './plan-policy.ts';
import { DEFAULT_NATURE_COSTS, roostCosts, type NatureCosts } from './nature-costs.ts';
import { acceptProbability, buurtFactor, DEFAULT_UPTAKE, type UptakeParams } from './uptake.ts';
import type { PlanInput, PlanIssue, PlanIssueCode } from './plan-types.ts';
import { blockIdOf, unitIdOf } from './units.ts';

export interface Candidate {
  vboId: string;
  pandId: string;
  buurtcode: string;
  programmeArea: string | null;
  ownership: Ownership;
  blockId: string;
  unitId: string;
  location: [number, number];
  measures: MeasureId[];
  /** A measure with nature rules is in the package: exclusion and the natuurkalender apply. */
  natureRule: boolean;
  route: EcologyRoute;
  /** Days from the window start until works may be planned (survey and permit); 0 without nature rules. */
  leadTimeDays: number;
  /** This dwelling's part of its building's survey (midpoint of the route's range), €. */
  surveyCostEur: number;
  /** Package cost without survey, € — [individual, project]. */
  costEur: [number, number];
  /** Programme's share of the package cost, € — [individual, project] (survey not included). */
  contributionEur: [number, number];
  /** The programme's contribution per measure of the package, € — [individual, project] (for the money per measure). */
  byMeasure: { measure: MeasureId; contributionEur: [number, number] }[];
  gasSavingM3PerYear: number;
  /** Energy-poverty factor 0–1: the expected energy-poor household. */
  energyPoor: number;
  /** Priority 0–100 under the weights. */
  priority: number;
  labelBefore: EnergyLabel;
  labelAfter: EnergyLabel;
  address: { street: string; number: string; postcode: string; woonplaats: string };
  /** Probability the owner accepts (uptake.ts, with the buurt's feedback); 1 without the uptake model. */
  acceptProbability: number;
}

export interface CandidateSet {
  candidates: Candidate[];
  /** Private (non-corporation) ground-bound dwellings per CBS buurt: the base of the permit profiles' caps. */
  privateGroundBound: Map<string, number>;
  /** Uptake factor per buurt with observed answers. */
  buurtFactors: Map<string, number>;
  /** Dwellings in the buurten that were left out, and why (counted). */
  skipped: {
    corporation: number;
    noMeasure: number;
    fixed: number;
    tenure: number;
    notGroundBound: number;
    atTarget: number;
  };
}

const CORPORATION = OWNERSHIP_CATEGORIES.indexOf('corporatie');
const ENERGY_POVERTY = FACTOR_IDS.indexOf('energyPoverty');

function score(
  ds: Dataset,
  params: RetrofitParams,
  weights: WeightsConfig,
  priceMode: 1 | 2,
): { scores: ScoreColumns; buurtCodes: string[] } {
  const t = toColumns(ds.dwellings);
  const ctx = retrofitContext(ds, t.buurtCodes);
  ctx.priceMode.fill(priceMode);
  const stock = stockOf(t, ctx);
  const tables = buildScoreTables(params, weights, t.buurtCodes, ctx.buurtLowIncomeShare);
  const scores = allocScores(t.count);
  scoreRange(stock, tables, scores, 0, t.count);
  return { scores, buurtCodes: t.buurtCodes };
}

/**
 * Cost, saving and label after of the measures in scope (`bits`) out of the applicable ones. The whole package when
 * every applicable measure is in scope; otherwise the sum of the in-scope measures — exact for insulation (the
 * scorer adds the elements' savings and costs), and for the label after the best single in-scope measure, a
 * conservative estimate (the combination is at least as good). Costs are scaled so the measures add up to the
 * package cost when the package is used.
 */
function packageInScope(
  ind: ScoreColumns,
  prj: ScoreColumns,
  i: number,
  applicable: number,
  bits: number,
): { cost: [number, number]; saving: number; labelAfter: number; measureCost: [number[], number[]] } {
  const measureCost = (s: ScoreColumns): number[] => {
    const out = new Array<number>(MEASURE_COUNT).fill(0);
    let sum = 0;
    for (let m = 0; m < MEASURE_COUNT; m++)
      if ((bits >> m) & 1) {
        out[m] = s.measureCostEur[i * MEASURE_COUNT + m]!;
        sum += out[m]!;
      }
    // The whole package: measures scaled to its cost, which may differ from the sum of single measures.
    if (bits === applicable && sum > 0)
      for (let m = 0; m < MEASURE_COUNT; m++) out[m] = (out[m]! * s.packageCostEur[i]!) / sum;
    return out;
  };
  const mi = measureCost(ind),
    mp = measureCost(prj);
  const cost: [number, number] = [mi.reduce((a, b) => a + b, 0), mp.reduce((a, b) => a + b, 0)];
  if (bits === applicable)
    return { cost, saving: ind.packageSavingM3[i]!, labelAfter: ind.packageLabelAfter[i]!, measureCost: [mi, mp] };
  let saving = 0,
    labelAfter: number = ind.labelBefore[i]!;
  for (let m = 0; m < MEASURE_COUNT; m++) {
    if (!((bits >> m) & 1)) continue;
    saving += ind.measureSavingM3[i * MEASURE_COUNT + m]!;
    labelAfter = Math.min(labelAfter, ind.measureLabelAfter[i * MEASURE_COUNT + m]!);
  }
  return { cost, saving, labelAfter, measureCost: [mi, mp] };
}

/** Candidates of `ds` in the input's buurten (default: every buurt with a programme area), minus `exclude`. */
export function buildCandidates(
  ds: Dataset,
  input: PlanInput,
  params: RetrofitParams,
  weights: WeightsConfig,
  exclude: ReadonlySet<string>,
  uptake: UptakeParams = DEFAULT_UPTAKE,
  nature: NatureCosts = DEFAULT_NATURE_COSTS,
): CandidateSet {
  const areaOf = new Map(ds.buurten.map((b) => [b.buurtcode, b.programmeArea]));
  const policy = policyOf(input);
  const inPolicyArea = (area: string | null): boolean =>
    area !== null && (policy.areas === undefined || policy.areas.includes(area));
  const inScope = input.buurten
    ? new Set(input.buurten)
    : new Set(ds.buurten.filter((b) => inPolicyArea(b.programmeArea)).map((b) => b.buurtcode));
  const ind = score(ds, params, weights, 1).scores;
  const prj = score(ds, params, weights, 2).scores;
  const privateGroundBound = new Map<string, number>();
  const skipped = { corporation: 0, noMeasure: 0, fixed: 0, tenure: 0, notGroundBound: 0, atTarget: 0 };
  const tenures = new Set<string>(policy.tenures.map((t) => t.id));
  // Bits of the measures in scope (MEASURE_IDS order); a measure outside the policy is never paid for.
  const scopeBits = MEASURE_IDS.reduce(
    (acc, m, k) => (policy.measures.some((x) => x.id === m) ? acc | (1 << k) : acc),
    0,
  );
  const targetIndex = ENERGY_LABELS.indexOf(policy.target.label);
  const out: Candidate[] = [];
  ds.dwellings.forEach((d, i) => {
    if (!inScope.has(d.buurtcode)) return;
    const area = areaOf.get(d.buurtcode) ?? null;
    const own = OWNERSHIP_CATEGORIES.indexOf(d.ownership);
    if (own === CORPORATION) {
      skipped.corporation++;
      return;
    }
    const groundBound = GROUND_BOUND_TYPES.includes(d.type);
    if (groundBound) privateGroundBound.set(d.buurtcode, (privateGroundBound.get(d.buurtcode) ?? 0) + 1);
    if (exclude.has(d.vboId)) {
      skipped.fixed++;
      return;
    }
    if (!tenures.has(d.ownership)) {
      skipped.tenure++;
      return;
    }
    if (d.vveId !== null ? !policy.vve : policy.groundBoundOnly && !GROUND_BOUND_TYPES.includes(d.type)) {
      skipped.notGroundBound++;
      return;
    }
    if (ind.labelBefore[i]! <= targetIndex) {
      skipped.atTarget++;
      return;
    }
    const applicable = ind.applicable[i]!;
    const bits = applicable & scopeBits;
    const money = packageInScope(ind, prj, i, applicable, bits);
    if (bits === 0 || !(money.saving > 0)) {
      skipped.noMeasure++;
      return;
    }
    const measures = MEASURE_IDS.filter((_, m) => (bits >> m) & 1);
    // Built-in roost provisions go with the cavity-wall and roof work (nature-costs.ts), at individual and project price alike.
    const roosts = roostCosts(nature, measures);
    const roostOf = (m: MeasureId): number => roosts.find((r) => r.measure === m)?.eur ?? 0;
    const roostEur = roosts.reduce((a, r) => a + r.eur, 0);
    money.cost = [money.cost[0] + roostEur, money.cost[1] + roostEur];
    const byMeasure = measures.map((m) => {
      const k = MEASURE_IDS.indexOf(m),
        share = policyShare(policy, m, d.ownership);
      return {
        measure: m,
        contributionEur: [
          share * (money.measureCost[0][k]! + roostOf(m)),
          share * (money.measureCost[1][k]! + roostOf(m)),
        ] as [number, number],
      };
    });
    const contribution = (p: 0 | 1): number => byMeasure.reduce((a, x) => a + x.contributionEur[p], 0);
    const natureRule = measures.some((m) => NATURE_RULE_MEASURES.includes(m));
    const route = ECOLOGY_ROUTES[ind.route[i]!]!;
    const terms = routeTerms(params.ecology, route, ind.riskScore[i]!);
    const keys = {
      buurtcode: d.buurtcode,
      street: d.address.street,
      bouwjaar: d.bouwjaar,
      pandId: d.pandId,
      groundBound,
      vveId: d.vveId,
    };
    out.push({
      vboId: d.vboId,
      pandId: d.pandId,
      buurtcode: d.buurtcode,
      programmeArea: area,
      ownership: d.ownership,
      address: {
        street: d.address.street,
        number: `${d.address.huisnummer}${d.address.huisletter ?? ''}${d.address.toevoeging ? `-${d.address.toevoeging}` : ''}`,
        postcode: d.address.postcode,
        woonplaats: d.address.woonplaats,
      },
      blockId: blockIdOf(keys),
      unitId: unitIdOf(input.batching.unit, keys),
      location: [d.location[0], d.location[1]],
      measures,
      natureRule,
      route,
      leadTimeDays: natureRule ? terms.leadTimeDays : 0,
      // Per building; split over the building's candidates below.
      surveyCostEur: natureRule ? (terms.surveyCostEur[0] + terms.surveyCostEur[1]) / 2 : 0,
      costEur: money.cost,
      contributionEur: [contribution(0), contribution(1)],
      byMeasure,
      gasSavingM3PerYear: money.saving,
      energyPoor: ind.factors[i * FACTOR_COUNT + ENERGY_POVERTY]!,
      priority: ind.priority[i]!,
      labelBefore: ENERGY_LABELS[ind.labelBefore[i]!]!,
      labelAfter: ENERGY_LABELS[money.labelAfter]!,
      acceptProbability: input.uptake.enabled
        ? acceptProbability(uptake, {
            ownContributionEur: money.cost[0] - contribution(0),
            gasSavingM3PerYear: money.saving,
            label: ENERGY_LABELS[ind.labelBefore[i]!]!,
            incomeBand: d.wozBand,
          })
        : 1,
    });
  });
  // What happened in each buurt scales its probabilities (uptake.ts buurtFactor).
  const factors = new Map<string, number>();
  if (input.uptake.enabled) {
    const mean = new Map<string, { sum: number; n: number }>();
    for (const c of out) {
      const x = mean.get(c.buurtcode) ?? { sum: 0, n: 0 };
      mean.set(c.buurtcode, { sum: x.sum + c.acceptProbability, n: x.n + 1 });
    }
    for (const seen of input.uptake.observed) {
      const x = mean.get(seen.buurtcode);
      if (x) factors.set(seen.buurtcode, buurtFactor(uptake, x.sum / x.n, seen));
    }
    for (const c of out) {
      const f = factors.get(c.buurtcode);
      if (f !== undefined)
        c.acceptProbability = Math.min(uptake.bounds.max, Math.max(uptake.bounds.min, c.acceptProbability * f));
    }
  }
  // One survey per building: its cost is shared by the building's candidates on that route.
  const perPand = new Map<string, number>();
  for (const c of out) if (c.surveyCostEur > 0) perPand.set(c.pandId, (perPand.get(c.pandId) ?? 0) + 1);
  for (const c of out) if (c.surveyCostEur > 0) c.surveyCostEur /= perPand.get(c.pandId)!;
  out.sort((a, b) => (a.vboId < b.vboId ? -1 : a.vboId > b.vboId ? 1 : 0));
  return { candidates: out, privateGroundBound, skipped, buurtFactors: factors };
}

/**
 * The corporation's schedule as block → year ("gespikkeld bezit": the corporation's houses sit between private ones
 * in a row, so the row is the block that is coupled). A pand not in the dataset is a coded input error.
 */
export function corporationBlockYears(ds: Dataset, input: PlanInput): Result<Map<string, number>, PlanIssueCode> {
  const blockOfPand = new Map<string, string>();
  for (const d of ds.dwellings) {
    blockOfPand.set(
      d.pandId,
      blockIdOf({
        buurtcode: d.buurtcode,
        street: d.address.street,
        bouwjaar: d.bouwjaar,
        pandId: d.pandId,
        groundBound: GROUND_BOUND_TYPES.includes(d.type),
        vveId: d.vveId,
      }),
    );
  }
  const out = new Map<string, number>();
  const issues: PlanIssue[] = [];
  input.corporationSchedule.forEach((e, i) =>
    e.pandIds.forEach((p, j) => {
      const block = blockOfPand.get(p);
      if (block === undefined) {
        issues.push({
          code: 'plan.input.invalid',
          path: ['corporationSchedule', i, 'pandIds', j],
          message: `corporationSchedule.${i}.pandIds.${j}: pand ${p} has no dwellings in the dataset`,
        });
        return;
      }
      out.set(block, Math.min(out.get(block) ?? Infinity, e.year));
    }),
  );
  return issues.length ? fail(...issues) : ok(out);
}
