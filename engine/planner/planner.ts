/**
 * The retrofit batch planner: candidates from the retrofit scores, the block × season model, the greedy
 * heuristic as baseline, the MIP through an injected solver (greedy start, greedy fallback), a fill pass that adds
 * any batch still fitting, and the plan with its unspent budget explained. Pure: the dataset, the solver and the
 * clock are passed in.
 */
import type { Dataset } from '../dataset.ts';
import { dayNumber } from '../retrofit/iso-day.ts';
import { SHIPPED_CALENDARS } from '../retrofit/natuurkalender.ts';
import { DEFAULT_PARAMS, type RetrofitParams } from '../retrofit/params.ts';
import { DEFAULT_WEIGHTS } from '../retrofit/weights.ts';
import { fail, ok, type Result } from '../result.ts';
import { assemblePlan } from './assemble.ts';
import { buildCandidates, corporationBlockYears } from './candidates.ts';
import { unspentReason } from './explain.ts';
import { greedyPlan } from './greedy.ts';
import { buildMip, chosenOptions, startVector, type MipSolver } from './mip.ts';
import { buildModel, type PlanModel, type UnitOption } from './model.ts';
import type { FixedBatch, Plan, PlanInput, PlanIssue, PlanIssueCode } from './plan-types.ts';
import { profileChain, SHIPPED_PERMIT_PROFILES, type PermitProfile } from './permit-profile.ts';
import { seasonsOf } from './seasons.ts';
import { DEFAULT_UPTAKE } from './uptake.ts';
import { DEFAULT_NATURE_COSTS } from './nature-costs.ts';

/** The compensation task's budget line under the profiles (once, when any of them carries the task). */
export const compensationEur = (permits: readonly PermitProfile[]): number =>
  permits.some((p) => p.compensation) ? DEFAULT_NATURE_COSTS.compensationTask.eur : 0;
import { addOption, blockingLimits, checkSelection, objectiveOf } from './usage.ts';

export interface PlannerDeps {
  /** Required for solver 'mip'. */
  solver?: MipSolver;
  /** Milliseconds clock for the timings (performance.now in the worker). */
  now: () => number;
  params?: RetrofitParams;
}

/** Adds, best value first, every unplanned unit option that still fits (a solver stopping at its gap may leave some). */
export function fillPlan(m: PlanModel, chosen: UnitOption[]): UnitOption[] {
  const { usage } = checkSelection(m, chosen);
  const planned = new Set(chosen.map((o) => o.unit));
  const rest = m.options
    .filter((o) => !planned.has(o.unit))
    .sort((a, b) => b.value - a.value || a.unit - b.unit || a.season - b.season);
  const out = [...chosen];
  for (const o of rest) {
    if (planned.has(o.unit) || blockingLimits(m, usage, o).length) continue;
    addOption(m, usage, o);
    planned.add(o.unit);
    out.push(o);
  }
  return out.sort((a, b) => a.unit - b.unit);
}

/** Builds the model of a plan input (exposed for the benchmark and tests). */
export function planModel(
  ds: Dataset,
  input: PlanInput,
  fixed: readonly FixedBatch[],
  params: RetrofitParams = DEFAULT_PARAMS,
  profiles: Readonly<Record<string, PermitProfile>> = SHIPPED_PERMIT_PROFILES,
): Result<
  { model: PlanModel; candidates: number; permits: PermitProfile[]; buurtFactors: Map<string, number> },
  PlanIssueCode
> {
  const cal = Object.hasOwn(SHIPPED_CALENDARS, input.calendar) ? SHIPPED_CALENDARS[input.calendar] : undefined;
  if (!cal)
    return fail({
      code: 'plan.calendar.unknown',
      path: ['calendar'],
      message: `calendar: "${input.calendar}" is not a known natuurkalender`,
    });
  const seasons = seasonsOf(cal, dayNumber(input.window.from)!, dayNumber(input.window.until)!);
  if (seasons.length === 0) {
    return fail({
      code: 'plan.window.no-season',
      path: ['window'],
      message: `window ${input.window.from} … ${input.window.until} holds no natuurkalender exclusion window (${cal.id}); expected a window containing at least one of them`,
    });
  }
  const known = new Set(ds.dwellings.map((d) => d.vboId));
  const fixedIds = new Set<string>();
  for (const [bi, b] of fixed.entries()) {
    for (const [di, d] of b.dwellings.entries()) {
      if (!known.has(d.vboId))
        return fail({
          code: 'plan.fixed.unknown-dwelling',
          path: ['fixed', bi, 'dwellings', di, 'vboId'],
          message: `fixed.${bi}.dwellings.${di}.vboId: ${d.vboId} is not in the dataset`,
        });
      fixedIds.add(d.vboId);
    }
  }
  const skip = new Set(fixedIds);
  for (const [i, id] of (input.exclude ?? []).entries()) {
    if (!known.has(id))
      return fail({
        code: 'plan.exclude.unknown-dwelling',
        path: ['exclude', i],
        message: `exclude.${i}: ${id} is not in the dataset; expected the BAG verblijfsobject id of a dwelling of the dataset`,
      });
    skip.add(id);
  }
  const permits = profileChain(profiles, input.permit.profile, input.permit.successor);
  if (!permits.ok) return fail(...(permits.issues as PlanIssue[]));
  const set = buildCandidates(ds, input, params, input.weights ?? DEFAULT_WEIGHTS, skip);
  const blocks = corporationBlockYears(ds, input);
  if (!blocks.ok) return blocks;
  const model = buildModel(
    input,
    cal,
    seasons,
    set.candidates,
    set.privateGroundBound,
    blocks.value,
    [...fixed],
    permits.value,
  );
  if (!model.ok) return model;
  // The compensation task of a profile that has one is a fixed line taken off the budget first (nature-costs.ts).
  model.value.budgetEur -= compensationEur(permits.value);
  return ok({
    model: model.value,
    candidates: set.candidates.length,
    permits: permits.value,
    buurtFactors: set.buurtFactors,
  });
}

export async function planRetrofit(
  ds: Dataset,
  input: PlanInput,
  fixed: readonly FixedBatch[],
  deps: PlannerDeps,
): Promise<Result<Plan, PlanIssueCode>> {
  const t0 = deps.now();
  const built = planModel(ds, input, fixed, deps.params);
  if (!built.ok) return built;
  const { model: m } = built.value;
  const cal = SHIPPED_CALENDARS[input.calendar]!;
  const warnings: PlanIssue[] = [];
  if (input.window.from < input.runDate) {
    warnings.push({
      code: 'plan.window.from-before-run-date',
      path: ['window', 'from'],
      message: `window.from ${input.window.from} is before the run date ${input.runDate}: a what-if, since seasons before the run date have passed`,
    });
  }
  if (m.excluded.calendar)
    warnings.push({
      code: 'plan.binding.calendar',
      message: `${m.excluded.calendar} batches fit no season: their survey lead time, the natuurkalender or the corporation's year keep them out of the window`,
    });
  if (m.excluded.permit) {
    const chain = built.value.permits;
    warnings.push({
      code: 'plan.binding.permit-validity',
      path: ['permit'],
      message: `${m.excluded.permit} batches need nature-rule works under a permit, and no season of theirs falls inside ${chain.map((p) => `${p.id} (${p.validFrom} … ${p.validUntil})`).join(' or ')}; ${input.permit.successor === null ? 'they are refused: name a successor profile (permit.successor) to place them under it' : 'they stay out'}`,
    });
  }
  if (m.excluded.capacity)
    warnings.push({
      code: 'plan.binding.capacity',
      message: `${m.excluded.capacity} batches have more dwellings or crew-weeks than a season's capacity`,
    });

  const tg = deps.now();
  const greedy = greedyPlan(m);
  const greedyMs = deps.now() - tg;
  const greedyObjective = objectiveOf(greedy);
  let chosen = greedy,
    used: PlanInput['solver'] = 'greedy',
    status = 'heuristic',
    bound: number | null = null;
  const ts = deps.now();
  if (input.solver === 'mip') {
    if (!deps.solver) return fail({ code: 'plan.solver.failed', message: 'no MIP solver was provided to the planner' });
    const mip = buildMip(m);
    const out = await deps.solver.solve(mip, {
      // Greedy start, and an LP-dive start when better (it lets HiGHS stop after its root LP; see lp-dive.ts).
      mipRelGap: input.mipRelGap,
      start: startVector(m, greedy),
      lpDive: true,
      ...(input.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: input.timeLimitSeconds }),
    });
    status = out.status;
    if (out.status === 'Time limit reached')
      warnings.push({
        code: 'plan.solver.time-limit',
        message: `the MIP stopped at its time limit of ${input.timeLimitSeconds} s; the best plan found is used and its gap reported`,
      });
    const mipChosen = out.hasSolution ? chosenOptions(m, out.values) : [];
    const check = checkSelection(m, mipChosen);
    if (!out.hasSolution || check.violations.length) {
      warnings.push({
        code: 'plan.solver.fallback',
        message: `the MIP gave ${out.hasSolution ? `a plan breaking ${check.violations.join('; ')}` : `no plan (${out.status})`}; the greedy plan is used`,
      });
    } else if (objectiveOf(mipChosen) + 1e-6 < greedyObjective) {
      warnings.push({
        code: 'plan.solver.fallback',
        message: `the MIP plan (${objectiveOf(mipChosen).toFixed(0)}) is worse than the greedy plan (${greedyObjective.toFixed(0)}); the greedy plan is used`,
      });
    } else {
      chosen = mipChosen;
      used = 'mip';
      bound = out.bound;
    }
  }
  const solveMs = deps.now() - ts;
  chosen = fillPlan(m, chosen);
  const objective = objectiveOf(chosen);
  const { usage } = checkSelection(m, chosen);
  const fixedEur = fixed.reduce((a, b) => a + b.programmeContributionEur, 0);
  const unspent = input.budgetEur - compensationEur(built.value.permits) - fixedEur - usage.eur;
  const plan = assemblePlan(
    ds.meta,
    input,
    cal,
    m,
    chosen,
    fixed,
    {
      requested: input.solver,
      used,
      status,
      objective,
      greedyObjective,
      bound: bound === null ? null : Math.max(bound, objective),
      candidates: { dwellings: built.value.candidates, units: m.units.length },
    },
    unspentReason(m, usage, chosen, unspent),
    warnings,
    built.value.permits,
    { params: DEFAULT_UPTAKE.id, buurtFactors: built.value.buurtFactors },
  );
  plan.meta.timing = {
    solveMs: Math.round(solveMs),
    greedyMs: Math.round(greedyMs),
    totalMs: Math.round(deps.now() - t0),
  };
  return ok(plan);
}
