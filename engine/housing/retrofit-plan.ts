import { z } from 'zod';
import { BagVboId, EnergyLabel } from '../dwelling.ts';

/**
 * A saved retrofit plan a scenario can link (`retrofit: plan: file.json`): which dwelling gets its
 * label raised in which year. Written by the retrofit planner or by hand.
 */
export const RetrofitPlan = z.strictObject({
  kind: z.literal('voorraad-retrofit-plan'),
  name: z.string().optional(),
  measures: z
    .array(
      z.strictObject({
        vboId: BagVboId,
        year: z.number().int().min(1900).max(2200),
        labelAfter: EnergyLabel,
      }),
    )
    .min(1),
});
export type RetrofitPlan = z.infer<typeof RetrofitPlan>;
export type RetrofitPlanEntry = RetrofitPlan['measures'][number];
