import { z } from 'zod';
import { LOW_INCOME_SOURCES } from '../buurt-parameters/resolve.ts';
import { MEASURE_IDS } from '../retrofit/measure-ids.ts';
import { RuleVersionSchema } from '../rules/rule-version.ts';
import { VVE_REASON_CODES } from './vve-reasons.ts';
import { WARMTEFONDS_FAILING } from './vve-warmtefonds.ts';

/**
 * The VvE ranking as the API and `voorraad vve --format json` return it (zod: validation in tests and the
 * OpenAPI document). Amounts in euro, shares 0–1, probabilities 0–1.
 */
const BuurtParameterSummarySchema = z.object({
  buurtcode: z.string(),
  lowIncomeShare: z.number(),
  lowIncomeSource: z.enum(LOW_INCOME_SOURCES),
  heq: z.number().nullable(),
  lihe: z.number().nullable(),
  lilek: z.number().nullable(),
  assumption: z.boolean(),
  synthetic: z.boolean(),
});

const Issue = z.object({
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});
const Due = z.object({ due: z.boolean(), share: z.number(), assumedShare: z.number() });

export const VveAssessmentSchema = z
  .object({
    rank: z.number().int(),
    shortlisted: z.boolean(),
    vveId: z.string(),
    name: z.string(),
    kvkNumber: z.string().nullable(),
    buurtcodes: z.array(z.string()),
    buurtParameters: z
      .array(BuurtParameterSummarySchema)
      .describe(
        'the buurt parameters of its buurten (config/buurt-parameters.default.json, imported CBS figures first)',
      ),
    pandIds: z.array(z.string()),
    provenance: z.enum(['registered', 'imputed', 'synthetic']),
    units: z.number().int().describe('dwellings = apartment rights'),
    totalVotes: z.number(),
    corporationVotes: z.number(),
    corporationVoteShare: z.number(),
    corporationUnits: z.number().int(),
    ownerOccupiers: z.number().int(),
    ownerOccupierShare: z.number(),
    active: z.boolean(),
    activity: z.object({
      active: z.boolean(),
      basis: z
        .enum(['complete', 'assumed'])
        .describe('complete: every register field present; assumed: at least one missing (see assumptions)'),
      lastAlvDate: z.string().nullable(),
      alvRecent: z.boolean(),
      mjopYear: z.number().int().nullable(),
      mjopCurrent: z.boolean(),
      reserveFundEur: z.number().nullable(),
      reserveRequiredEur: z.number().describe('0.5 % of the rebuild value (docs/domain.md §3)'),
      reserveSufficient: z.boolean(),
      assumptions: z.array(z.object({ field: z.string(), assumed: z.string() })),
    }),
    labels: z.record(z.string(), z.number().int()).describe('dwellings per energy label'),
    poorLabelShare: z.number().describe('share of dwellings with label D–G'),
    maintenanceDue: z.object({ facade: Due, roof: Due, windows: Due }),
    package: z.object({
      measures: z.array(z.enum(MEASURE_IDS)),
      worksCostEur: z.number(),
      surveyCostEur: z.number(),
      totalCostEur: z.number(),
      costPerRightEur: z.number(),
      loanMonthlyPerRightEur: z.number(),
      savingPerRightPerMonthEur: z.number(),
      netPerRightPerMonthEur: z.number(),
      gasSavingM3PerYear: z.number(),
      loanMonthlyTotalEur: z.number(),
      rights: z
        .array(
          z.object({
            vboId: z.string(),
            votes: z.number(),
            share: z.number().describe('breukdeel: votes / total votes'),
            commonCostEur: z.number().describe('its breukdeel of façade, roof and floor'),
            ownCostEur: z.number().describe("the apartment's own measures (glazing)"),
            surveyCostEur: z.number(),
            totalCostEur: z.number().describe('whole euros; the rights add up to totalCostEur'),
          }),
        )
        .describe('per apartment right: its share of the common elements and its own measures'),
      nature: z.object({
        route: z.literal('individual-survey'),
        surveyNeeded: z.boolean(),
        surveyCostEur: z.number(),
        leadTimeDays: z.number(),
        buildings: z.array(
          z.object({
            pandId: z.string(),
            riskScore: z.number(),
            survey: z.string(),
            surveyCostEur: z.number(),
            leadTimeDays: z.number(),
          }),
        ),
      }),
    }),
    eligibleWarmtefonds: z.boolean(),
    warmtefonds: z.object({
      eligible: z.boolean(),
      path: z
        .enum(['small-all-sign', 'large'])
        .nullable()
        .describe(
          'small-all-sign: 2–7 dwellings, every member signs; large: 8 or more, documents to arrange; null: too small',
        ),
      failing: z.array(z.enum(WARMTEFONDS_FAILING)),
      preconditions: z
        .array(z.object({ id: z.string(), name: z.string(), met: z.boolean().nullable(), todo: z.string() }))
        .describe('≥ 8 path: documents to arrange (not disqualifiers); met null = the register cannot tell'),
      maxPerRightEur: z.number(),
      minLoanEur: z.number(),
      annualRate: z.number(),
      termYears: z.number().int(),
    }),
    costPerRightEur: z.number(),
    decision: z.object({
      majority: z.number(),
      quorum: z.number(),
      ruleSource: z.enum(['override', 'register', 'default']),
      corporationVote: z.enum(['for', 'against', 'abstain']),
      ownerAttendance: z.number(),
      method: z.enum(['exact', 'monte-carlo']),
      standardError: z.number().nullable(),
      meanOwnerSupport: z.number().nullable(),
      secondMeetingMajority: z
        .number()
        .nullable()
        .describe('majority of votes cast in a second meeting without quorum; null when not allowed'),
      firstMeetingProbability: z.number(),
      quorumMissedProbability: z.number(),
      secondMeetingProbability: z.number().describe('P(a second meeting, once held, carries the decision)'),
      unanimityProbability: z.number().nullable().describe('small VvE: P(every member signs); null otherwise'),
    }),
    qualifiedMajorityProbability: z.number().describe('P(qualified majority), second meeting without quorum included'),
    decisionProbability: z
      .number()
      .describe('what the shortlist threshold reads: unanimity for a small VvE, else the qualified majority'),
    shortlistNote: z.string().nullable().describe('why a VvE with a shortlist score is not on the shortlist'),
    corporationControlled: z
      .boolean()
      .describe('corporation holds more than half of the votes: a different governance path'),
    score: z.number().describe('0–100'),
    scoreParts: z.record(z.string(), z.number()).describe('score component per criterion, 0–1 before weighting'),
    reasons: z.array(z.object({ code: z.enum(VVE_REASON_CODES as [string, ...string[]]), text: z.string() })),
    assumptions: z.array(z.object({ field: z.string(), assumed: z.string() })),
    location: z.tuple([z.number(), z.number()]),
  })
  .meta({ id: 'VveAssessment' });

export const VveRejectedSchema = z
  .object({ vveId: z.string(), name: z.string(), units: z.number().int(), issues: z.array(Issue) })
  .meta({ id: 'VveRejected' });

export const VveDatasetSchema = z.object({ name: z.string(), synthetic: z.boolean(), dataDate: z.string() });

export const VveRankingSchema = z
  .object({
    dataset: VveDatasetSchema,
    asOf: z.string().describe('reference date for ALV and MJOP ages (the dataset date)'),
    rulesDate: z.string().describe('the day the policy rules were picked for (the run date)'),
    rulesUsed: z.array(RuleVersionSchema).describe('versions of the policy rules used (config/rules)'),
    count: z.number().int(),
    shortlist: z.array(z.string()),
    vves: z.array(VveAssessmentSchema),
    rejected: z
      .array(VveRejectedSchema)
      .describe("VvE's whose data does not add up, each with coded issues; not ranked"),
    warnings: z.array(Issue),
    assumptions: z.array(z.string()).describe('the stated model assumptions (Dutch)'),
  })
  .meta({ id: 'VveRanking' });
export type VveRankingBody = z.infer<typeof VveRankingSchema>;
