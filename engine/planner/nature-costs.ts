/**
 * The costs natuurvriendelijk isoleren adds (config/plan-nature-costs/*.json): a built-in roost provision per dwelling
 * where cavity-wall or roof work touches habitat (an amount per measure, with its basis), and the municipality's
 * compensation task as a fixed budget line with the deadlines of the permit profile. Survey costs per route come
 * from the ecology parameters (engine/retrofit/ecology.ts) and are part of each dwelling's cost already.
 */
import { z } from 'zod';
import { MEASURE_IDS, NATURE_RULE_MEASURES, type MeasureId } from '../retrofit/measure-ids.ts';
import natureDefault from '../../config/plan-nature-costs/default.json' with { type: 'json' };

export const natureCostsSchema = z.strictObject({
  id: z.string().min(1),
  validFrom: z.string(),
  source: z.string().min(1),
  roostPerDwelling: z.array(
    z.strictObject({ measure: z.enum(MEASURE_IDS), eur: z.number().min(0), basis: z.string().min(1) }),
  ),
  compensationTask: z.strictObject({ eur: z.number().min(0), basis: z.string().min(1) }),
});
export type NatureCosts = z.infer<typeof natureCostsSchema>;

export const DEFAULT_NATURE_COSTS: NatureCosts = natureCostsSchema.parse(natureDefault);

/** Roost provision cost of a package, per measure with nature rules in it (the provision goes with that measure's work). */
export function roostCosts(p: NatureCosts, measures: readonly MeasureId[]): { measure: MeasureId; eur: number }[] {
  return measures
    .filter((m) => NATURE_RULE_MEASURES.includes(m))
    .map((m) => ({ measure: m, eur: p.roostPerDwelling.find((r) => r.measure === m)?.eur ?? 0 }));
}
