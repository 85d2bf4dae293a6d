/** Answers of the scenario version routes (server/routes/scenario-version-routes.ts), shared by the OpenAPI document and the web app. */
import { z } from 'zod';

const Counts = z.record(z.string(), z.number().int());
const Side = z.object({ dwellings: z.number().int(), tenure: Counts, type: Counts });

export const DrawSummarySchema = z
  .object({
    buurten: z.array(z.object({ buurtcode: z.string(), before: Side, after: Side, retrofitted: z.number().int() })),
    interventions: z.array(
      z.object({
        id: z.string(),
        assignment: z.number().int(),
        kind: z.string(),
        selected: z.number().int(),
        qualifying: z.number().int(),
        count: z.number().int(),
      }),
    ),
  })
  .describe('dwellings by tenure and type per buurt now and once the drawn interventions are carried out')
  .meta({ id: 'ScenarioDrawSummary' });

const Scenario = z.record(z.string(), z.unknown()).describe('the scenario in the file format (scenarios/schema.json)');

export const DrawPreview = z
  .object({ synthetic: z.boolean(), scenario: Scenario, summary: DrawSummarySchema })
  .meta({ id: 'ScenarioDrawPreview' });

export const VersionMeta = z.object({
  id: z.number().int(),
  name: z.string(),
  author: z.string(),
  role: z.string().nullable(),
  createdAt: z.string().describe('ISO 8601 UTC'),
  note: z.string(),
  parentId: z.number().int().nullable(),
  link: z.string().describe('the app page that opens this version for any signed-in user'),
});

export const VersionSaved = VersionMeta.meta({ id: 'ScenarioVersionSaved' });
export const VersionList = z
  .object({ synthetic: z.boolean(), versions: z.array(VersionMeta) })
  .meta({ id: 'ScenarioVersionList' });
export const VersionWithScenario = VersionMeta.extend({
  synthetic: z.boolean(),
  scenario: Scenario,
  draft: z.record(z.string(), z.unknown()).nullable().describe('the drawing the version was made from, if any'),
}).meta({ id: 'ScenarioVersion' });

const FieldChange = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  before: z.unknown(),
  after: z.unknown(),
});
const Item = z.record(z.string(), z.unknown());
const ItemDiff = z.object({
  added: z.array(Item),
  removed: z.array(Item),
  changed: z.array(z.object({ id: z.string(), before: Item, after: Item, fields: z.array(FieldChange) })),
});
export const VersionDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    interventions: ItemDiff,
    targets: ItemDiff,
    settings: z.array(FieldChange),
    same: z.boolean(),
  })
  .meta({ id: 'ScenarioVersionDiff' });
