/**
 * The planner's contract: the input of a retrofit batch plan (budget, window, programme shares,
 * capacity, pre-SMP cap, batching, corporation coupling, solver), the plan it produces (batches per
 * season with dwellings, dates, cost and savings; totals; unspent budget with its reason), the fixed
 * batches re-planning keeps, and the issue codes. Persistence, API and UI build on these shapes, so
 * they only ever change additively.
 */
import { z } from 'zod';
import { BagVboId, BagPandId, BuurtCode, EnergyLabel, IsoDate, Ownership } from '../dwelling.ts';
import type { RetrofitPlan } from '../housing/retrofit-plan.ts';
import { ECOLOGY_ROUTES, MEASURE_IDS } from '../retrofit/measure-ids.ts';
import { WeightsSchema } from '../retrofit/weights.ts';
import { DEFAULT_POLICY, planPolicySchema } from './plan-policy.ts';
import type { Issue } from '../result.ts';

/** Kind tag of a plan file (`voorraad plan --format json`). */
export const PLAN_KIND = 'voorraad-plan';
export const PLAN_VERSION = 1;

/**
 * End of the programme window: the programme budgets its retrofit money until 31 December 2033 (docs/domain.md).
 * The window starts at the run date unless `window.from` is given (a what-if): a plan never starts in the past.
 */
export const DEFAULT_UNTIL = '2033-12-31';

/** Dwellings per season when the input gives no capacity (L: ~1,600 dwellings over 16 seasons; the CLI and the app use the same). */
export const DEFAULT_CAPACITY_DWELLINGS = 100;

export const SOLVERS = ['mip', 'greedy'] as const;
export type SolverId = (typeof SOLVERS)[number];

/** Status of a dwelling in a saved plan; the planner itself only proposes ('voorgesteld'). */
export const PLAN_STATUSES = ['voorgesteld', 'onderzoek', 'natuurvrij', 'geïsoleerd', 'afgezien'] as const;
export const planStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatusSchema>;

/** What a batch is: a block (terraced row or flat building), a street, or a VvE. */
export const BATCH_UNITS = ['block', 'street', 'vve'] as const;
export type BatchUnit = (typeof BATCH_UNITS)[number];

/** Season id: the year of its exclusion window and which window, e.g. '2026-voorjaar', '2026-najaar'. */
export const SeasonId = z
  .string()
  .regex(/^\d{4}-(voorjaar|najaar)$/, "a season as YYYY-voorjaar or YYYY-najaar, e.g. '2026-najaar'");
export type SeasonId = z.infer<typeof SeasonId>;

const Eur = z.number().finite();
const Year = z.number().int().min(2000).max(2100);

const capacitySchema = z.strictObject({
  /** Dwellings the contractors can take on per season. */
  dwellings: z.number().optional(),
  /** Crew-weeks available per season. */
  crewWeeks: z.number().optional(),
});

export const planInputSchema = z.strictObject({
  /** Total programme budget in euro (programme text: €8.4M, docs/domain.md §1); spent on the programme's share of cost and on surveys. */
  budgetEur: z.number().finite(),
  /** Optional cap on the programme contribution per calendar year (the year of the season's exclusion window). */
  yearCapsEur: z.array(z.strictObject({ year: Year, capEur: z.number().finite() })).optional(),
  /**
   * The day the plan is made (injected by the caller's clock; Europe/Amsterdam date). The window starts here unless
   * `window.from` says otherwise, and re-planning moves it forward.
   */
  runDate: IsoDate,
  /**
   * Programme window; works are planned only in seasons whose exclusion starts on or after `from` and insulation ends
   * by `until`. `from` is the run date when absent (parsePlanInput fills it in).
   */
  window: z.strictObject({ from: IsoDate, until: IsoDate.default(DEFAULT_UNTIL) }),
  /**
   * The programme's scope and money rules (config/plan-policy/): a shipped policy id, or the policy itself. After
   * parsing it is always the policy object, so the plan records exactly which scope it used.
   */
  policy: z.union([z.string(), planPolicySchema]).default(DEFAULT_POLICY),
  /** Capacity per season: dwellings and/or crew-weeks (at least one); `bySeason` overrides single seasons. */
  capacity: z
    .strictObject({
      perSeason: capacitySchema.default({ dwellings: DEFAULT_CAPACITY_DWELLINGS }),
      /** Crew-weeks one dwelling's package takes (used with `crewWeeks`). */
      crewWeeksPerDwelling: z.number().positive().max(52).default(0.2),
      bySeason: z.array(z.strictObject({ season: SeasonId }).extend(capacitySchema.shape)).default([]),
    })
    .default({ perSeason: { dwellings: DEFAULT_CAPACITY_DWELLINGS }, crewWeeksPerDwelling: 0.2, bySeason: [] }),
  /**
   * The permit profile nature-rule works on the pre-smp route go under (config/permit-profiles/), and what happens
   * after its validity: with `successor` null such works are refused once the profile has ended (the plan says how
   * many batches that kept out); with a successor profile they are placed under it, inside its validity and caps.
   */
  permit: z
    .strictObject({
      profile: z.string().default('landelijke-lijn-nvi'),
      successor: z.string().nullable().default(null),
    })
    .default({ profile: 'landelijke-lijn-nvi', successor: null }),
  batching: z
    .strictObject({
      unit: z.enum(BATCH_UNITS).default('block'),
      /** Project prices apply only to a batch of at least this many dwellings in one block. */
      projectPriceMinDwellings: z.number().int().min(1).max(1000).default(6),
    })
    .default({ unit: 'block', projectPriceMinDwellings: 6 }),
  /**
   * The corporation's own renovation schedule ("gespikkeld bezit"): private owners in a block containing any of
   * these panden are offered the works in that year, at project price, and in no other year.
   */
  corporationSchedule: z
    .array(
      z.strictObject({
        corporation: z.string().min(1).default('Alwel'),
        pandIds: z.array(BagPandId).min(1),
        year: Year,
      }),
    )
    .default([]),
  /**
   * Owner uptake (uptake.ts, config/plan-uptake/): each invited owner accepts with a probability; the budget, year
   * caps and capacity hold for the EXPECTED acceptances, so more owners are invited than the budget would pay for if
   * all said yes. Permit caps count every invited dwelling (they must hold whatever the answers). `observed` are the
   * answers per buurt so far (a re-plan passes them from the plan statuses); `seed` drives the p10–p90 bands.
   */
  uptake: z
    .strictObject({
      enabled: z.boolean().default(true),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .default(1),
      observed: z
        .array(
          z.strictObject({
            buurtcode: BuurtCode,
            accepted: z.number().int().min(0),
            declined: z.number().int().min(0),
          }),
        )
        .default([]),
    })
    .default({ enabled: true, seed: 1, observed: [] }),
  /**
   * Which contractor works where (for the notification export per contractor and week): a buurt in no entry is
   * listed as 'nog toe te wijzen'.
   */
  contractors: z
    .array(z.strictObject({ name: z.string().min(1).max(120), buurten: z.array(BuurtCode).min(1) }))
    .default([]),
  solver: z.enum(SOLVERS).default('mip'),
  /**
   * BAG verblijfsobject ids never to propose again (e.g. dwellings marked 'afgezien' in an earlier plan; a re-plan
   * passes those of batches not yet started). Each must be in the dataset.
   */
  exclude: z.array(BagVboId).optional(),
  /** Wall-clock limit of the MIP solve; on timeout the best plan found is used and its gap reported. */
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  /** Relative MIP gap at which the solver may stop (0.005 = within 0.5 % of optimal). */
  mipRelGap: z.number().min(0).max(1).default(0.005),
  /** Benefit weights of the objective (L: programme choice); see engine/planner/model.ts. */
  objective: z
    .strictObject({
      /** Per m³ of gas saved per year, counted for each year from insulation until the window ends. */
      gasM3Year: z.number().min(0).default(1),
      /** Per expected energy-poor household reached (the dwelling's energy-poverty factor, 0–1). */
      energyPoorHousehold: z.number().min(0).default(2000),
      /** Per priority point (0–100 per dwelling, from the weights). */
      priorityPoint: z.number().min(0).default(20),
    })
    .default({ gasM3Year: 1, energyPoorHousehold: 2000, priorityPoint: 20 }),
  /** Priority weights (config/weights.default.json shape); the shipped defaults when absent. */
  weights: WeightsSchema.optional(),
  /** Natuurkalender id (config/natuurkalender/). */
  calendar: z.string().default('landelijk'),
  /** Only these buurten (default: every buurt with a programme area). */
  buurten: z.array(BuurtCode).optional(),
});
/** The input as written (defaults may be left out). */
export type PlanInputRaw = z.input<typeof planInputSchema>;
/** The input with defaults applied. */
export type PlanInput = z.output<typeof planInputSchema>;

/** A season: an exclusion window from the natuurkalender and the insulation window that follows it. */
export const planSeasonSchema = z.strictObject({
  id: SeasonId,
  year: Year,
  /** First and last day exclusion flaps may go up (after registration) in this window. */
  exclusionFrom: IsoDate,
  exclusionUntil: IsoDate,
  /** Insulation may start once natuurvrij (exclusionFrom + the flaps' minimum days). */
  insulationFrom: IsoDate,
  /** Insulation ends before the next season's exclusion window opens. */
  insulationUntil: IsoDate,
});
export type PlanSeason = z.infer<typeof planSeasonSchema>;

export const planDwellingSchema = z.strictObject({
  vboId: BagVboId,
  measures: z.array(z.enum(MEASURE_IDS)).min(1),
  /** Exclusion ("natuurvrij maken") date; null when no measure with nature rules is in the package. */
  natuurvrijVanaf: IsoDate.nullable(),
  insulationFrom: IsoDate,
  insulationUntil: IsoDate,
  /** Measure cost at the batch's price (project or individual) plus this dwelling's part of the survey. */
  costEur: Eur,
  programmeContributionEur: Eur,
  ownerContributionEur: Eur,
  /** Address for the contractor, the owner's letter and the notification (house number with letter and addition). */
  address: z
    .strictObject({ street: z.string(), number: z.string(), postcode: z.string(), woonplaats: z.string() })
    .optional(),
  /** Probability the owner accepts the invitation (1 when the plan assumes every owner says yes). */
  acceptProbability: z.number().min(0).max(1).optional(),
  /** The programme contribution split over the measures (survey part not included), whole euros. */
  contributionByMeasure: z.array(z.strictObject({ measure: z.enum(MEASURE_IDS), eur: Eur })).optional(),
  gasSavingM3PerYear: z.number(),
  route: z.enum(ECOLOGY_ROUTES),
  ownership: Ownership,
  labelBefore: EnergyLabel,
  /** Label after the package (what a linked scenario applies). */
  labelAfter: EnergyLabel,
  /** WGS84 [lon, lat] (for the GeoJSON export and the map). */
  location: z.tuple([z.number(), z.number()]),
});
export type PlanDwelling = z.infer<typeof planDwellingSchema>;

export const planBatchSchema = z.strictObject({
  /** Stable id: `<season>:<unitId>`. */
  id: z.string().min(1),
  season: SeasonId,
  unit: z.enum(BATCH_UNITS),
  /** Block, street or VvE id (units.ts). */
  unitId: z.string().min(1),
  buurtcode: BuurtCode,
  programmeArea: z.string().nullable(),
  projectPrice: z.boolean(),
  /** Year the corporation renovates this block, when the batch is coupled to it. */
  corporationYear: Year.nullable(),
  /** Taken over from an earlier plan (re-planning keeps it). */
  fixed: z.boolean(),
  /** Expected number of owners accepting (the dwellings listed are the invited ones). */
  expectedDwellings: z.number().optional(),
  /** Permit profile the batch's nature-rule works on the pre-smp route go under; null when it has none. */
  permitProfile: z.string().nullable().optional(),
  dwellings: z.array(planDwellingSchema).min(1),
  costEur: Eur,
  programmeContributionEur: Eur,
  gasSavingM3PerYear: z.number(),
  crewWeeks: z.number(),
});
export type PlanBatch = z.infer<typeof planBatchSchema>;

/**
 * A batch already started: re-planning keeps its dwellings, season and cost as given and consumes its budget and
 * capacity before the rest is planned. The shape of a plan batch, so a saved batch is passed back unchanged.
 */
export const fixedBatchSchema = planBatchSchema;
export type FixedBatch = PlanBatch;

/** Issue codes of the planner. Input codes come with a JSON path; `plan.binding.*` name the constraint that binds. */
export const PLAN_ISSUE_CODES = [
  'plan.input.invalid',
  'plan.budget.negative',
  'plan.window.until-before-from',
  'plan.window.from-before-run-date',
  'plan.run-date.missing',
  'plan.window.no-season',
  'plan.capacity.zero',
  'plan.capacity.missing',
  'plan.solver.unknown',
  'plan.calendar.unknown',
  'plan.year-cap.negative',
  'plan.fixed.invalid',
  'plan.fixed.unknown-dwelling',
  'plan.fixed.duplicate-dwelling',
  'plan.exclude.unknown-dwelling',
  'plan.infeasible.fixed-exceed-budget',
  'plan.infeasible.fixed-exceed-capacity',
  'plan.dataset.unreadable',
  'plan.dataset.no-candidates',
  'plan.binding.budget',
  'plan.binding.year-cap',
  'plan.binding.capacity',
  'plan.binding.permit-cap',
  'plan.binding.permit-validity',
  'plan.permit.unknown',
  'plan.policy.unknown',
  'plan.policy.unknown-measure',
  'plan.policy.unknown-tenure',
  'plan.policy.invalid-value',
  'plan.policy.unknown-key',
  'plan.policy.out-of-range',
  'plan.policy.invalid',
  'plan.policy.invalid-key',
  'plan.policy.missing',
  'plan.policy.invalid-type',
  'permit.validity.overlap',
  'plan.binding.calendar',
  'plan.binding.candidates',
  'plan.solver.fallback',
  'plan.solver.time-limit',
  'plan.solver.failed',
  'plan.solver.stopped',
] as const;
export type PlanIssueCode = (typeof PLAN_ISSUE_CODES)[number];
export type PlanIssue = Issue<PlanIssueCode>;

export const planIssueSchema = z.strictObject({
  code: z.enum(PLAN_ISSUE_CODES),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});

export const planSchema = z.strictObject({
  kind: z.literal(PLAN_KIND),
  version: z.literal(PLAN_VERSION),
  meta: z.strictObject({
    dataset: z.strictObject({ name: z.string(), synthetic: z.boolean(), dataDate: IsoDate.nullable() }),
    /** The input with defaults applied. */
    input: planInputSchema,
    solver: z.strictObject({
      requested: z.enum(SOLVERS),
      used: z.enum(SOLVERS),
      /** Solver status as reported (HiGHS model status, or 'heuristic'). */
      status: z.string(),
    }),
    /** Objective value of this plan (benefit units of engine/planner/model.ts; fixed batches not counted). */
    objective: z.number(),
    /** Objective of the greedy heuristic on the same instance (always computed, the baseline). */
    greedyObjective: z.number(),
    /** Relative MIP gap |bound − objective| / |objective|; null for a greedy plan. */
    mipGap: z.number().nullable(),
    /** Best bound of the MIP; null for a greedy plan. */
    bound: z.number().nullable(),
    /** Candidate dwellings and units the model chose from. */
    candidates: z.strictObject({ dwellings: z.number().int(), units: z.number().int() }),
    /** Owner uptake: invited dwellings, and the expected dwellings, programme spend and gas saving with p10–p90 bands. */
    uptake: z
      .strictObject({
        enabled: z.boolean(),
        params: z.string(),
        seed: z.number().int(),
        invited: z.number().int(),
        dwellings: z.strictObject({ expected: z.number(), p10: z.number(), p90: z.number() }),
        programmeContributionEur: z.strictObject({ expected: z.number(), p10: z.number(), p90: z.number() }),
        gasSavingM3PerYear: z.strictObject({ expected: z.number(), p10: z.number(), p90: z.number() }),
        /** Factor per buurt from the observed answers (only buurten with answers). */
        buurtFactors: z.array(
          z.strictObject({
            buurtcode: BuurtCode,
            accepted: z.number().int(),
            declined: z.number().int(),
            factor: z.number(),
          }),
        ),
      })
      .optional(),
    /** Nature costs: roost provision per dwelling and measure (in each dwelling's cost), and the compensation task as a budget line. */
    natureCosts: z
      .strictObject({
        roostsPerDwelling: z.array(z.strictObject({ measure: z.enum(MEASURE_IDS), eur: z.number() })),
        compensation: z
          .strictObject({
            eur: z.number(),
            description: z.string(),
            deadlines: z.array(z.strictObject({ share: z.number(), before: IsoDate })),
            basis: z.string(),
          })
          .nullable(),
      })
      .optional(),
    /** The permit profiles the plan used, in order, and what it does with nature-rule works after them. */
    permit: z
      .strictObject({
        profiles: z.array(
          z.strictObject({
            id: z.string(),
            name: z.string(),
            validFrom: IsoDate,
            validUntil: IsoDate,
            placeholder: z.boolean(),
          }),
        ),
        afterValidity: z.enum(['refused', 'successor']),
        /** Use of every cap group (profile × CBS buurt × period): never above its cap. */
        caps: z.array(
          z.strictObject({
            profile: z.string(),
            buurtcode: BuurtCode,
            from: IsoDate,
            until: IsoDate,
            base: z.number().int(),
            cap: z.number().int(),
            planned: z.number().int(),
          }),
        ),
      })
      .optional(),
    /** Wall-clock milliseconds (not deterministic: dropped by canonicalPlan). */
    timing: z.strictObject({ solveMs: z.number(), greedyMs: z.number(), totalMs: z.number() }).optional(),
  }),
  seasons: z.array(planSeasonSchema),
  batches: z.array(planBatchSchema),
  totals: z.strictObject({
    dwellings: z.number().int(),
    batches: z.number().int(),
    costEur: Eur,
    programmeContributionEur: Eur,
    ownerContributionEur: Eur,
    gasSavingM3PerYear: z.number(),
    energyPoorHouseholds: z.number(),
    bySeason: z.array(
      z.strictObject({
        season: SeasonId,
        dwellings: z.number().int(),
        expectedDwellings: z.number().optional(),
        crewWeeks: z.number(),
        programmeContributionEur: Eur,
      }),
    ),
    byYear: z.array(z.strictObject({ year: Year, programmeContributionEur: Eur, capEur: Eur.nullable() })),
    /** Programme money per measure (without surveys) and per tenure (with its surveys). */
    byMeasure: z
      .array(
        z.strictObject({ measure: z.enum(MEASURE_IDS), dwellings: z.number().int(), programmeContributionEur: Eur }),
      )
      .optional(),
    byTenure: z
      .array(z.strictObject({ ownership: Ownership, dwellings: z.number().int(), programmeContributionEur: Eur }))
      .optional(),
  }),
  /** Budget left; `reason` names the binding constraint when more than a rounding remainder is left. */
  unspent: z.strictObject({ eur: Eur, reason: planIssueSchema.nullable() }),
  warnings: z.array(planIssueSchema),
});
export type Plan = z.infer<typeof planSchema>;

/** The plan without its wall-clock timings: the same input gives byte-identical JSON of this. */
export function canonicalPlan(plan: Plan): Plan {
  const { timing: _timing, ...meta } = plan.meta;
  return { ...plan, meta };
}

/**
 * The plan as a `voorraad-retrofit-plan` file (engine/housing/retrofit-plan.ts) a scenario can link: each planned
 * dwelling gets its label after the package in the year its insulation window starts. Sorted by year, then vboId.
 * Null for a plan without dwellings (the file format needs at least one entry).
 */
export function toRetrofitPlanFile(plan: Plan, name?: string): RetrofitPlan | null {
  const measures = plan.batches.flatMap((b) =>
    b.dwellings.map((d) => ({ vboId: d.vboId, year: Number(d.insulationFrom.slice(0, 4)), labelAfter: d.labelAfter })),
  );
  measures.sort((a, b) => a.year - b.year || (a.vboId < b.vboId ? -1 : a.vboId > b.vboId ? 1 : 0));
  if (measures.length === 0) return null; // the file format needs at least one entry
  return { kind: 'voorraad-retrofit-plan', ...(name === undefined ? {} : { name }), measures };
}
