/**
 * The rules in force on a date as the rules page, `GET /api/rules` and `voorraad rules` list them: every row with
 * its value (as data and in Dutch words), validity, source and retrieval date, so a planner can see what the
 * numbers rest on.
 */
import { z } from 'zod';
import { rulesInForce } from './pick-rule.ts';
import { ruleValueNl } from './rule-text-nl.ts';
import type { LoadedRule } from './rule-schema.ts';

export const RuleListingSchema = z
  .object({
    id: z.string(),
    version: z.string().describe('id@validFrom: the version outputs cite'),
    title: z.string().describe('the rule in Dutch'),
    kind: z.string(),
    value: z.unknown().describe('the value, typed by kind'),
    unit: z.string(),
    valueText: z.string().describe('the value with its unit in Dutch (nl-NL numbers)'),
    validFrom: z.string(),
    validTo: z.string().nullable().describe('last day (inclusive); null = until a newer row replaces it'),
    source: z.object({ title: z.string(), url: z.string().optional(), document: z.string().optional() }),
    retrieved: z.string().describe('day the source was read'),
    assumption: z.boolean().describe("true when the value is this product's assumption, not read from the source"),
    note: z.string().optional(),
    file: z.string().describe('the rules file the row comes from'),
  })
  .meta({ id: 'RuleListing' });
export type RuleListing = z.infer<typeof RuleListingSchema>;

export const RulesInForceSchema = z
  .object({
    date: z.string().describe('the day the rules are in force (YYYY-MM-DD)'),
    rules: z.array(RuleListingSchema),
  })
  .meta({ id: 'RulesInForce' });
export type RulesInForce = z.infer<typeof RulesInForceSchema>;

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The rows in force on `date`, ordered by id. */
export function listRules(rules: readonly LoadedRule[], date: string): RulesInForce {
  return {
    date,
    rules: rulesInForce(rules, date).map((r) => ({
      id: r.id,
      version: r.version,
      title: r.title,
      kind: r.kind,
      value: r.value,
      unit: r.unit,
      valueText: ruleValueNl(r),
      validFrom: r.validFrom,
      validTo: r.validTo,
      source: { ...r.source },
      retrieved: r.retrieved,
      assumption: r.assumption,
      ...(r.note === undefined ? {} : { note: r.note }),
      file: fileName(r.file),
    })),
  };
}
