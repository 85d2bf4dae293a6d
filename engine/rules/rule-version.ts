/** A rule as outputs cite it (VvE ranking, scenarios, exports): its version, validity, source and retrieval date. */
import { z } from 'zod';

export const RuleVersionSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    source: z.string(),
    retrieved: z.string(),
    assumption: z.boolean(),
  })
  .meta({ id: 'RuleVersion' });
export type RuleVersion = z.infer<typeof RuleVersionSchema>;
