/**
 * The scenario file format (YAML in scenarios/): an input bundle plus a seed, as in UrbanSim
 * (docs/domain.md §4). scenarios/schema.json is generated from this schema.
 */
import { z } from 'zod';
import { BuurtCode, DwellingType, EnergyLabel } from '../dwelling.ts';
import { TENURES } from './codes.ts';
import { METRIC_IDS } from './metrics.ts';
import { ParamsOverride } from './params.ts';
import type { ScenarioIssueCode } from './scenario-issue-codes.ts';

/** Longest horizon, years (compile.ts checks it; the JSON Schema says it too). */
export const MAX_HORIZON_YEARS = 100;
const YEAR_MIN = 1900;
const YEAR_MAX = 2200;
const Year = z.number().int().min(YEAR_MIN).max(YEAR_MAX);
const Share = z.number().min(0).max(1);
const Count = z.number().int().positive();
const Area = z
  .string()
  .min(1)
  .describe(
    'a programme area (Kalsdonk, Westrand, or one defined under `areas`) or a CBS buurt code such as BU16740202',
  );
const Types = z.array(DwellingType).min(1).describe('dwelling types; all types when absent');
const Tenure = z.enum(TENURES);
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens, e.g. kalsdonk-2030');
const common = {
  id: Id.optional().describe('name used in results and messages; default kind + position'),
  description: z.string().optional(),
  blocks: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe(
      'only the dwellings of these blocks (or Alwel complexes) inside `area`, e.g. a selection drawn on the map; every block must lie in the area',
    ),
};

const Sale = z
  .strictObject({
    kind: z.literal('sale'),
    ...common,
    area: Area,
    count: Count.describe('social rent dwellings to sell to owner-occupiers'),
    dwellingTypes: Types.optional(),
    from: Year.optional().describe('first year of sales; default the first simulated year'),
    by: Year.describe('last year of sales'),
    mode: z
      .enum(['on-turnover', 'to-tenants'])
      .default('on-turnover')
      .describe(
        'on-turnover: sold when vacated; to-tenants: sitting tenants (not low-income) buy when turnover falls short',
      ),
  })
  .describe('verkoop: sale of social rent dwellings (eengezinswoningen first in practice) to owner-occupiers');

const Liberalisation = z
  .strictObject({
    kind: z.literal('liberalisation'),
    ...common,
    area: Area,
    count: Count,
    dwellingTypes: Types.optional(),
    from: Year.optional(),
    by: Year,
  })
  .describe('huurbeleid: social rent dwellings let as corporation mid-rent on turnover');

const Demolition = z
  .strictObject({
    kind: z.literal('demolition'),
    ...common,
    area: Area,
    count: Count,
    dwellingTypes: Types.optional(),
    tenures: z.array(Tenure).min(1).default(['sociale-huur']),
    year: Year,
  })
  .describe('sloop: whole panden, oldest first; displaced households are partly rehoused in the modelled stock');

const NewBuild = z
  .strictObject({
    kind: z.literal('new-build'),
    ...common,
    area: Area.describe('one buurt: a buurt code or an area of a single buurt'),
    year: Year.describe('year of completion; the dwellings are let or sold that year'),
    dwellings: z
      .array(
        z.strictObject({
          count: Count,
          type: DwellingType,
          tenure: Tenure,
          label: EnergyLabel.default('A+++'),
          oppervlakte: z.number().positive().max(1000).optional().describe('m²; default per type (params.ts)'),
        }),
      )
      .min(1),
  })
  .describe('nieuwbouw: new dwellings of given types and tenures');

const Split = z
  .strictObject({
    kind: z.literal('split'),
    ...common,
    area: Area,
    count: Count.describe('dwellings split into two (the dwelling count rises by this number)'),
    dwellingTypes: Types.optional(),
    tenures: z.array(Tenure).min(1).default(['sociale-huur']),
    minOppervlakte: z.number().positive().default(90).describe('m²; only dwellings at least this large are split'),
    year: Year,
  })
  .describe('splitsen: large dwellings split into two smaller ones (type becomes "overig")');

const Merge = z
  .strictObject({
    kind: z.literal('merge'),
    ...common,
    area: Area,
    count: Count.describe(
      'pairs of neighbouring apartments in one pand merged into one (the dwelling count falls by this number)',
    ),
    dwellingTypes: Types.optional(),
    tenures: z.array(Tenure).min(1).default(['sociale-huur']),
    year: Year,
  })
  .describe('samenvoegen: two apartments become one larger one');

const Acquisition = z
  .strictObject({
    kind: z.literal('acquisition'),
    ...common,
    area: Area,
    count: Count,
    dwellingTypes: Types.optional(),
    fromTenure: z.enum(['particuliere-huur', 'koop', 'overig']).default('particuliere-huur'),
    then: z
      .enum(['koop', 'gemeente'])
      .default('koop')
      .describe('on the next vacancy: resold to an owner-occupier, or kept and let by the municipality'),
    from: Year.optional(),
    by: Year,
  })
  .describe('verwerving: municipal acquisition of private dwellings');

const Retrofit = z
  .strictObject({
    kind: z.literal('retrofit'),
    ...common,
    area: Area,
    count: Count.optional().describe('dwellings to retrofit, worst label first; required without `plan`'),
    tenures: z.array(Tenure).min(1).optional().describe('default: every tenure'),
    dwellingTypes: Types.optional(),
    toLabel: EnergyLabel.default('B'),
    from: Year.optional(),
    by: Year.optional().describe('required without `plan`'),
    plan: z
      .string()
      .min(1)
      .optional()
      .describe(
        'a saved retrofit plan (JSON, path relative to the scenario file) that gives dwelling, year and label after',
      ),
  })
  .describe('verduurzaming: a retrofit programme that raises labels');

export const Intervention = z.discriminatedUnion('kind', [
  Sale,
  Liberalisation,
  Demolition,
  NewBuild,
  Split,
  Merge,
  Acquisition,
  Retrofit,
]);
export type Intervention = z.infer<typeof Intervention>;
export const INTERVENTION_KINDS = [
  'sale',
  'liberalisation',
  'demolition',
  'new-build',
  'split',
  'merge',
  'acquisition',
  'retrofit',
] as const;

export const Allocation = z
  .strictObject({
    passendToewijzen: Share.default(0.95).describe(
      'share of rent-benefit households that must get a rent at or below the cap (docs/domain.md §4: 95 %)',
    ),
    urgentShare: Share.default(0.1).describe('share of social allocations to urgent applicants'),
    label55Plus: Share.default(0.5).describe('share of ground-floor corporation apartments labelled 55+'),
    inflowSteering: z
      .array(
        z.strictObject({
          area: Area,
          maxLowIncomeShare: Share.describe(
            'most low-income households among regular social allocations per buurt and year',
          ),
          from: Year.optional(),
          to: Year.optional(),
        }),
      )
      .default([])
      .describe('sturen op instroom: quota per area; urgent and rehoused households are exempt'),
  })
  .describe('woningtoewijzing: allocation policy for vacated corporation dwellings');
export type Allocation = z.infer<typeof Allocation>;

export const Target = z
  .strictObject({
    id: Id.optional().describe('name of the target in results and CI output'),
    description: z.string().optional(),
    metric: z.enum(METRIC_IDS),
    area: Area,
    year: Year,
    min: z
      .union([z.number(), EnergyLabel])
      .optional()
      .describe('met when the value is at least this (a label only for average-label)'),
    max: z
      .union([z.number(), EnergyLabel])
      .optional()
      .describe('met when the value is at most this; for corporatiebuurt, max: 0 means "not a corporatiebuurt"'),
    probability: z.number().gt(0).max(1).describe('share of Monte Carlo runs that must meet the bound'),
  })
  .superRefine((t, ctx) => {
    if ((t.min === undefined) === (t.max === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [t.min === undefined ? 'max' : 'min'],
        message: 'give exactly one of min and max',
        params: { code: 'scenario.target.bound' satisfies ScenarioIssueCode },
      });
    }
  });
export type Target = z.infer<typeof Target>;

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('display name, e.g. "Verkopen en differentiëren Kalsdonk"'),
    description: z.string().min(1),
    dataset: z
      .string()
      .min(1)
      .default('shipped')
      .describe('"shipped" (the synthetic dataset) or a .gpkg path relative to the scenario file'),
    horizon: z.strictObject({
      start: Year.describe("the dataset's year: results for this year are the stock as it is"),
      end: Year.describe('last simulated year (inclusive)'),
    }),
    seed: z.number().int().min(-2147483648).max(4294967295),
    runs: z.number().int().min(1).max(10_000).describe('Monte Carlo runs'),
    areas: z
      .record(z.string().min(1), z.array(BuurtCode).min(1))
      .optional()
      .describe('extra areas (name → buurt codes) for interventions and targets'),
    allocation: Allocation.default({ passendToewijzen: 0.95, urgentShare: 0.1, label55Plus: 0.5, inflowSteering: [] }),
    parameters: ParamsOverride.optional(),
    interventions: z.array(Intervention).default([]),
    targets: z.array(Target).default([]),
  })
  .describe('voorraad housing-mix scenario');
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** JSON Schema of the scenario file (scenarios/schema.json), for editors and CI. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, Record<string, unknown>>;
  };
  // Two rules the zod refinements and the compiler enforce that toJSONSchema cannot express (editors and CI then
  // reject what the product rejects; test/scenarios/schema-differential.test.ts):
  // - the horizon ends after it starts: JSON Schema cannot compare two fields, so one branch per start year;
  const horizon = generated.properties.horizon!;
  horizon.anyOf = Array.from({ length: YEAR_MAX - YEAR_MIN }, (_, k) => ({
    properties: {
      start: { const: YEAR_MIN + k },
      end: { minimum: YEAR_MIN + k + 1, maximum: Math.min(YEAR_MAX, YEAR_MIN + k + MAX_HORIZON_YEARS) },
    },
  }));
  // - a target has exactly one of min and max.
  const targetItems = (generated.properties.targets as { items: Record<string, unknown> }).items;
  targetItems.oneOf = [
    { required: ['min'], not: { required: ['max'] } },
    { required: ['max'], not: { required: ['min'] } },
  ];
  return {
    ...generated,
    $id: 'https://voorraad.local/scenarios/schema.json',
    title: 'voorraad housing-mix scenario',
  };
}
