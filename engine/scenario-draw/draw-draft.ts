/**
 * A scenario drawn on the map: blocks selected there and, per selection, an intervention with its parameters
 * as a planner states them ("verkoop op mutatie 30 %", "sloop en nieuwbouw van 80 woningen in 2030"). The draw
 * builder (draw-scenario.ts) turns it into a scenario file; the counts it derives are checked against the stock
 * by the same compiler as a file.
 */
import { z } from 'zod';
import { DwellingType, EnergyLabel } from '../dwelling.ts';
import { TENURES } from '../housing/codes.ts';

const Year = z.number().int().min(1900).max(2200);
const Share = z.number().gt(0).max(1).describe('share of the qualifying dwellings of the selection, 0–1 (0.3 = 30 %)');

const Sale = z.strictObject({
  kind: z.literal('sale'),
  share: Share,
  mode: z.enum(['on-turnover', 'to-tenants']).default('on-turnover'),
  from: Year.optional(),
  by: Year,
});
const Liberalisation = z.strictObject({
  kind: z.literal('liberalisation'),
  share: Share,
  from: Year.optional(),
  by: Year,
});
const Demolition = z.strictObject({
  kind: z.literal('demolition'),
  year: Year,
  rebuild: z
    .strictObject({
      year: Year,
      dwellings: z
        .array(
          z.strictObject({
            count: z.number().int().positive().max(2000),
            type: DwellingType,
            tenure: z.enum(TENURES),
            label: EnergyLabel.optional(),
          }),
        )
        .min(1)
        .max(20),
    })
    .optional()
    .describe('nieuwbouw on the same site: the mix of new dwellings and the year they are completed'),
});
const Retrofit = z.strictObject({
  kind: z.literal('retrofit'),
  share: Share.default(1),
  toLabel: EnergyLabel.default('B'),
  from: Year.optional(),
  by: Year,
});
const Acquisition = z.strictObject({
  kind: z.literal('acquisition'),
  share: Share,
  then: z.enum(['koop', 'gemeente']).default('koop'),
  from: Year.optional(),
  by: Year,
});
const Split = z.strictObject({ kind: z.literal('split'), share: Share, year: Year });
const Merge = z.strictObject({ kind: z.literal('merge'), share: Share, year: Year });

export const DrawIntervention = z.discriminatedUnion('kind', [
  Sale,
  Liberalisation,
  Demolition,
  Retrofit,
  Acquisition,
  Split,
  Merge,
]);
export type DrawIntervention = z.infer<typeof DrawIntervention>;
export type DrawKind = DrawIntervention['kind'];

/** Most blocks in one selection and selections in one drawing: bounds the work of one request. */
export const MAX_SELECTION_BLOCKS = 500;
export const MAX_ASSIGNMENTS = 40;

export const DrawAssignment = z.strictObject({
  blocks: z.array(z.string().min(1).max(60)).min(1).max(MAX_SELECTION_BLOCKS),
  intervention: DrawIntervention,
  description: z.string().max(500).optional(),
});
export type DrawAssignment = z.infer<typeof DrawAssignment>;

export const DrawDraft = z
  .strictObject({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    assignments: z.array(DrawAssignment).min(1).max(MAX_ASSIGNMENTS),
  })
  .meta({ id: 'ScenarioDrawDraft' });
export type DrawDraft = z.infer<typeof DrawDraft>;
export type DrawDraftInput = z.input<typeof DrawDraft>;
