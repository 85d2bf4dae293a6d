import { z } from 'zod';

const IssuePath = z.array(z.union([z.string(), z.number()]));

/**
 * The JSON form of `Issue<C>` (engine/result.ts) for a module's declared code list: an API answer that passes a
 * module's issues on documents exactly those codes (the OpenAPI document is derived from it), and the contract
 * test refuses an answer with a code the module has not declared.
 */
export function issueSchema<const C extends readonly [string, ...string[]]>(codes: C) {
  return z.object({ code: z.enum(codes), message: z.string(), path: IssuePath.optional() });
}
