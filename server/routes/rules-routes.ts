import { z } from 'zod';
import { dayNumber } from '../../engine/retrofit/iso-day.ts';
import { listRules, RulesInForceSchema } from '../../engine/rules/rules-listing.ts';
import { SHIPPED_RULES } from '../../engine/rules/shipped-rules.ts';
import type { AppContext } from '../app-context.ts';
import { ALL_ROLES } from '../auth/roles.ts';
import { json, route, routeGroup } from '../route-spec.ts';
import { todayInNl } from '../today.ts';

export const RulesQuery = z.object({
  date: z
    .string()
    .refine((d) => dayNumber(d) !== null, 'a calendar date YYYY-MM-DD')
    .optional()
    .describe('the day (YYYY-MM-DD); today in the Netherlands when absent'),
});

/**
 * The policy rules in force (config/rules/*.json, validated when the product loads them): public law and fund terms
 * with their sources, no personal data — every signed-in role reads them.
 */
export const RULES_ROUTES = routeGroup(
  (ctx: AppContext) => ({ today: ctx.today ?? (() => todayInNl()) }),
  [
    route({
      method: 'GET',
      path: '/api/rules',
      access: ALL_ROLES,
      query: RulesQuery,
      summary:
        'Policy rules in force on a date (Warmtefonds VvE terms, VvE decision rules, income limits and rent caps, the corporations’ label agreement, instruments needing a designation), each with its value, validity, source and retrieval date',
      responses: { 200: json(RulesInForceSchema) },
      handler: (c, { query }, s) => c.json(listRules(SHIPPED_RULES, query.date ?? s.today())),
    }),
  ],
);
