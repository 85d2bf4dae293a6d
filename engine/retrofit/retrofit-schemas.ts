/**
 * zod schemas of the retrofit outputs (what-if, whole-stock scores, dwelling detail): the OpenAPI document
 * is generated from them and tests validate real responses against them.
 */
import { z } from 'zod';
import { BuurtCode, DwellingType, ELEMENTS, ElementLevel, EnergyLabel, Ownership } from '../dwelling.ts';
import { LOW_INCOME_SOURCES } from '../buurt-parameters/resolve.ts';
import { ECOLOGY_ROUTES, MEASURE_IDS, MEASURE_REASONS } from './measure-ids.ts';
import { FACTOR_IDS, WeightsSchema } from './weights.ts';

const MeasureId = z.enum(MEASURE_IDS);
const Breakdown = z
  .object(
    Object.fromEntries(FACTOR_IDS.map((f) => [f, z.number()])) as Record<(typeof FACTOR_IDS)[number], z.ZodNumber>,
  )
  .describe('points each factor adds to the priority (they sum to it)');

export const MeasureResultSchema = z
  .object({
    id: MeasureId,
    costEur: z.number(),
    gasSavingM3PerYear: z.number(),
    billSavingEurPerYear: z.number(),
    co2SavingKgPerYear: z.number(),
    labelAfter: EnergyLabel,
    paybackYears: z.number().nullable().describe('cost / bill saving; null when the bill does not go down'),
    electricityKwhPerYear: z.number().optional(),
  })
  .meta({ id: 'RetrofitMeasure' });

export const NotApplicableSchema = z
  .object({
    id: MeasureId,
    reason: z.enum(MEASURE_REASONS.filter((r) => r !== 'applies') as [string, ...string[]]),
    message: z.string().describe('Dutch explanation'),
  })
  .meta({ id: 'RetrofitMeasureNotApplicable' });

export const PackageSchema = z
  .object({
    measures: z.array(MeasureId),
    costEur: z.number(),
    gasSavingM3PerYear: z.number(),
    billSavingEurPerYear: z.number(),
    co2SavingKgPerYear: z.number(),
    electricityKwhPerYear: z.number(),
    labelAfter: EnergyLabel,
    paybackYears: z.number().nullable(),
  })
  .meta({ id: 'RetrofitPackage' });

export const EcologySchema = z
  .object({
    route: z.enum(ECOLOGY_ROUTES),
    riskScore: z.number().min(0).max(1),
    natureRuleMeasures: z.array(MeasureId),
    earliestExclusion: z.string().nullable().describe('YYYY-MM-DD; null when no measure with nature rules applies'),
    earliestInsulation: z.string().describe('YYYY-MM-DD'),
    survey: z.object({ kind: z.string(), costEur: z.tuple([z.number(), z.number()]), leadTimeDays: z.number() }),
    calendar: z.object({ id: z.string(), validOnPlanningDate: z.boolean() }),
  })
  .meta({ id: 'RetrofitEcology' });

const ElementStateSchema = z.object({
  level: ElementLevel,
  source: z.enum(['given', 'known', 'assumed', 'imputed']),
  probability: z.number(),
});
const ElementsSchema = z.object(
  Object.fromEntries(ELEMENTS.map((e) => [e, ElementStateSchema])) as Record<
    (typeof ELEMENTS)[number],
    typeof ElementStateSchema
  >,
);
const Issue = z.object({
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});

export const WhatIfResponseSchema = z
  .object({
    measures: z.array(MeasureResultSchema),
    notApplicable: z.array(NotApplicableSchema),
    labelBefore: EnergyLabel,
    labelBeforeSource: z.enum(['given', 'estimated']),
    ep2Before: z.number().describe('kWh/m²·yr'),
    gasUseM3PerYear: z.number(),
    energyCostEurPerYear: z.number(),
    package: PackageSchema,
    ecology: EcologySchema,
    elements: ElementsSchema,
    priority: z.object({
      score: z.number(),
      breakdown: Breakdown,
      lowIncomeShareSource: z.enum(LOW_INCOME_SOURCES),
    }),
    assumptions: z.array(
      z.object({
        field: z.string(),
        value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        reason: z.string(),
      }),
    ),
    prices: z.object({
      gasEurPerM3: z.number(),
      electricityEurPerKwh: z.number(),
      co2KgPerM3Gas: z.number(),
      co2KgPerKwh: z.number(),
    }),
    priceBook: z
      .object({ id: z.string(), planningYear: z.number().int(), approximateIndex: z.boolean() })
      .describe(
        'the price book the measure costs come from, the year they are indexed to, and whether its index is approximate',
      ),
    subsidies: z
      .object({
        bookId: z.string(),
        tenure: z.enum(['owner-occupier', 'vve', 'other']),
        date: z.string(),
        measures: z.array(
          z.object({
            id: z.string(),
            grossEur: z.number(),
            subsidyEur: z.number(),
            netEur: z.number(),
            versions: z.array(z.string()),
          }),
        ),
        grossEur: z.number(),
        subsidyEur: z.number(),
        netEur: z.number(),
        rulesUsed: z.array(
          z.object({
            scheme: z.string(),
            version: z.string(),
            validFrom: z.string(),
            validTo: z.string(),
            source: z.string(),
            retrieved: z.string(),
            assumption: z.boolean(),
            placeholder: z.boolean(),
            note: z.string().optional(),
          }),
        ),
      })
      .nullable()
      .describe(
        "subsidy per package measure and the owner's net cost beside the gross, with the subsidy rows used; null when no row covers the planning date",
      ),
    warnings: z.array(Issue),
  })
  .meta({ id: 'RetrofitWhatIf' });

export const DwellingScoreSchema = z
  .object({
    vboId: z.string(),
    buurtcode: BuurtCode,
    type: DwellingType,
    ownership: Ownership,
    bouwjaar: z.number().int(),
    location: z.tuple([z.number(), z.number()]),
    priority: z.number().describe('0–100'),
    breakdown: Breakdown,
    labelBefore: EnergyLabel,
    labelAfter: EnergyLabel.describe('after the package of all applicable measures'),
    gasUseM3PerYear: z.number(),
    route: z.enum(ECOLOGY_ROUTES),
    riskScore: z.number(),
    measures: z.object({
      applicable: z.array(MeasureId),
      costEur: z.number(),
      gasSavingM3PerYear: z.number(),
      billSavingEurPerYear: z.number(),
      co2SavingKgPerYear: z.number(),
      paybackYears: z.number().nullable(),
      subsidyEur: z.number().nullable().describe('subsidies on the planning date; null when no subsidy row covers it'),
      netCostEur: z.number().nullable().describe("the owner's net cost beside the gross costEur; null when unknown"),
    }),
    lowIncomeShareSource: z.enum(LOW_INCOME_SOURCES),
  })
  .meta({ id: 'RetrofitDwellingScore' });

export const ScoresResponseSchema = z
  .object({
    synthetic: z.boolean(),
    dataDate: z.string(),
    count: z.number().int(),
    total: z.number().int(),
    weights: WeightsSchema,
    lowIncomeShareDefaulted: z.array(z.string()),
    subsidies: z
      .object({ bookId: z.string(), date: z.string().nullable(), covered: z.boolean().nullable() })
      .describe('the subsidy file and planning date of the net costs; covered false: no row covers the date'),
    dwellings: z.array(DwellingScoreSchema),
  })
  .meta({ id: 'RetrofitScores' });

export const DwellingDetailSchema = DwellingScoreSchema.extend({
  measureDetails: z.array(MeasureResultSchema),
  notApplicable: z.array(NotApplicableSchema),
  package: PackageSchema,
  ep2Before: z.number(),
  ecology: EcologySchema,
  elements: ElementsSchema,
  measuredUse: z.object({
    source: z
      .enum(['buurt', 'wijk', 'gemeente', 'regional-proxy', 'none'])
      .describe('which CBS row calibrated this dwelling; none = no CBS gas-use rows imported (prebound curve alone)'),
    gasM3: z.number().nullable(),
  }),
}).meta({ id: 'RetrofitDwellingDetail' });
