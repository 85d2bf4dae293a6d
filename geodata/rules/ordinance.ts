import type { Ordinance } from '../../engine/acquisition/ordinance.ts';
import { ordinanceFromRules } from '../../engine/acquisition/ordinance-rules.ts';
import type { LoadedRule } from '../../engine/rules/rule-schema.ts';
import { SHIPPED_RULES } from '../../engine/rules/shipped-rules.ts';
import { loadShippedBuurten } from '../boundaries/cbs-buurten.ts';

/** The CBS wijken of the shipped boundaries (Roosendaal's focus wijken): the wijken a WOZ limit may name. */
let wijken: ReadonlySet<string> | null = null;
export function shippedWijken(): ReadonlySet<string> {
  wijken ??= new Set(loadShippedBuurten().map((b) => b.wijkcode));
  return wijken;
}

/** An ordinance rules set that cannot be used (a WOZ limit for an unknown wijk, a missing rule). */
export class OrdinanceRulesError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OrdinanceRulesError';
  }
}

/** The housing ordinance in force on `date` from the shipped (or given) rules; throws OrdinanceRulesError. */
export function ordinanceOn(date: string, rules: readonly LoadedRule[] = SHIPPED_RULES): Ordinance | null {
  const r = ordinanceFromRules(rules, date, shippedWijken());
  if (!r.ok) throw new OrdinanceRulesError(r.issues[0]!.code, r.issues.map((i) => i.message).join('\n'));
  return r.value;
}
