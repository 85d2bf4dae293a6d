/**
 * The batch plan's words for users, one table for the map panel (web/src/plan) and the plan exports
 * (geodata/exports/plan-export.ts): why budget is left (engine/planner/explain.ts codes), which solver ran and how it
 * ended. Codes stay in exports as a second column or in brackets; these texts are what a planner reads.
 */

/** Why budget is left, by the binding-constraint code of explain.ts. */
export const BINDING_NL: Readonly<Record<string, string>> = {
  'plan.binding.candidates': 'er zijn geen woningen meer die in aanmerking komen, of alle kandidaten zijn gepland',
  'plan.binding.budget': 'het restant is kleiner dan de programmabijdrage van elke nog niet geplande batch',
  'plan.binding.year-cap': 'het jaarplafond van het budget is bereikt',
  'plan.binding.capacity': 'de uitvoeringscapaciteit per seizoen is vol',
  'plan.binding.permit-cap': 'het volumeplafond van het vergunningsprofiel per CBS-buurt is bereikt',
  'plan.binding.calendar':
    'de overige batches passen in geen seizoen (doorlooptijd van het onderzoek, natuurkalender of corporatiejaar)',
  'plan.binding.permit-validity':
    'natuurwerk past alleen in de geldige seizoenen van het vergunningsprofiel, en die zijn vol (noem een opvolger)',
};

/** Why budget is left in words; the code itself when it is newer than this table. */
export const bindingNl = (code: string): string => BINDING_NL[code] ?? code;

/** The solver's name as a planner knows it. */
export function solverNl(solver: string): string {
  if (solver === 'mip') return 'MIP (HiGHS)';
  return solver === 'greedy' ? 'gretige heuristiek' : solver;
}

/** HiGHS model statuses (and the greedy path's 'heuristic') in Dutch; an unknown status reads as itself. */
const STATUS_NL: Readonly<Record<string, string>> = {
  Optimal: 'optimaal',
  'Time limit reached': 'tijdslimiet bereikt',
  'Iteration limit reached': 'iteratielimiet bereikt',
  Infeasible: 'geen toegestane oplossing',
  Interrupted: 'onderbroken',
  heuristic: 'heuristiek, geen optimaliteitsbewijs',
};

export const solverStatusNl = (status: string): string => STATUS_NL[status] ?? status;
