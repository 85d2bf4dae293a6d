/**
 * When the works of one dwelling can happen: the route's survey lead time, then the natuurkalender for
 * measures with nature rules (cavity wall, roof). Floor insulation, glazing and the heat pump carry no
 * calendar, so without a nature-rule measure the works can start on the planning date.
 */
import { ECOLOGY_ROUTES, NATURE_RULE_MEASURES, type EcologyRoute, type MeasureId } from './measure-ids.ts';
import { routeTerms, type EcologyParams } from './ecology.ts';
import { isoOfDay } from './iso-day.ts';
import { calendarValidOn, earliestWorks, type Natuurkalender } from './natuurkalender.ts';

export interface EcologyOutcome {
  route: EcologyRoute;
  /** Habitat risk 0–1 (ecology.ts). */
  riskScore: number;
  /** Applicable measures that fall under the nature rules. */
  natureRuleMeasures: MeasureId[];
  /** YYYY-MM-DD; null when no nature-rule measure applies (no exclusion needed). */
  earliestExclusion: string | null;
  /** YYYY-MM-DD. */
  earliestInsulation: string;
  survey: { kind: string; costEur: readonly [number, number]; leadTimeDays: number };
  calendar: { id: string; validOnPlanningDate: boolean };
}

export function ecologyOutcome(
  p: EcologyParams,
  cal: Natuurkalender,
  planningDay: number,
  routeIndex: number,
  riskScore: number,
  applicable: readonly MeasureId[],
): EcologyOutcome {
  const route = ECOLOGY_ROUTES[routeIndex]!;
  const nature = applicable.filter((m) => NATURE_RULE_MEASURES.includes(m));
  const terms = routeTerms(p, route, riskScore);
  const needsSurvey = nature.length > 0;
  const lead = needsSurvey ? terms.leadTimeDays : 0;
  const works = needsSurvey ? earliestWorks(cal, planningDay + lead) : null;
  return {
    route,
    riskScore: Math.round(riskScore * 1000) / 1000,
    natureRuleMeasures: nature,
    earliestExclusion: works ? isoOfDay(works.exclusionDay) : null,
    earliestInsulation: isoOfDay(works ? works.insulationDay : planningDay),
    survey: needsSurvey
      ? { kind: terms.survey, costEur: terms.surveyCostEur, leadTimeDays: terms.leadTimeDays }
      : { kind: 'niet nodig', costEur: [0, 0], leadTimeDays: 0 },
    calendar: { id: cal.id, validOnPlanningDate: calendarValidOn(cal, planningDay) },
  };
}
