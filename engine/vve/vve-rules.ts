/**
 * The policy rules the VvE pilot rests on, picked from the dated rules (config/rules/warmtefonds-vve.json,
 * vve-decisions.json) on the run's date: the Warmtefonds VvE loan terms and paths, and the decision rules of the
 * model regulations (docs/domain.md §3). The ranking states the versions it used.
 */
import { fail, ok, type Issue, type Result } from '../result.ts';
import { pickRuleOf, versionsUsed, type RulePickCode, type RuleVersion } from '../rules/pick-rule.ts';
import type { LoadedRule } from '../rules/rule-schema.ts';

export interface VveRules {
  /** The day the rows were picked for (YYYY-MM-DD). */
  date: string;
  warmtefonds: {
    maxPerRightEur: number;
    minLoanEur: number;
    maxLoanEur: number;
    /** Small VvE's (smallMinDwellings … largeMinDwellings − 1) borrow when every member signs. */
    smallMinDwellings: number;
    smallAllMembersSign: boolean;
    /** From this size the VvE needs the documents below (preconditions to arrange). */
    largeMinDwellings: number;
    largeDocuments: { id: string; name: string }[];
    /** Fixed yearly rate for the pilot's term. */
    annualRate: number;
    termYears: number;
  };
  decision: {
    majority: number;
    quorum: number;
    secondMeeting: { allowed: boolean; majority: number };
  };
  versions: RuleVersion[];
}

/** Picks every VvE rule valid on `date`; the rate is the one for `termYears`. */
export function vveRules(
  rules: readonly LoadedRule[],
  date: string,
  termYears: number,
): Result<VveRules, RulePickCode | 'rules.term.unknown'> {
  const used: LoadedRule[] = [],
    issues: Issue<RulePickCode>[] = [];
  const get = <T>(r: Result<LoadedRule & { value: T }, RulePickCode>, fallback: T): T => {
    if (!r.ok) {
      issues.push(...r.issues);
      return fallback;
    }
    used.push(r.value);
    return r.value.value;
  };
  const num = (id: string) => get(pickRuleOf(rules, id, 'number', date), NaN);
  const flag = (id: string) => get(pickRuleOf(rules, id, 'flag', date), false);
  const rates = get(pickRuleOf(rules, 'warmtefonds.vve.interest-by-term', 'rates-by-term', date), []);
  const w = {
    maxPerRightEur: num('warmtefonds.vve.max-per-right'),
    minLoanEur: num('warmtefonds.vve.min-loan'),
    maxLoanEur: num('warmtefonds.vve.max-loan'),
    smallMinDwellings: num('warmtefonds.vve.small.min-dwellings'),
    smallAllMembersSign: flag('warmtefonds.vve.small.all-members-sign'),
    largeMinDwellings: num('warmtefonds.vve.large.min-dwellings'),
    largeDocuments: get(pickRuleOf(rules, 'warmtefonds.vve.large.documents', 'documents', date), []),
    annualRate: NaN,
    termYears,
  };
  const decision = {
    majority: num('vve.decision.change.majority'),
    quorum: num('vve.decision.change.quorum'),
    secondMeeting: {
      allowed: flag('vve.decision.second-meeting.allowed'),
      majority: num('vve.decision.second-meeting.majority'),
    },
  };
  if (issues.length) return fail(...issues);
  const rate = rates.find((t) => t.termYears === termYears);
  if (!rate)
    return fail({
      code: 'rules.term.unknown',
      path: ['warmtefonds', 'termYears'],
      message: `warmtefonds.termYears: the Warmtefonds rule valid on ${date} has no rate for ${termYears} years; terms: ${rates.map((t) => t.termYears).join(', ')}`,
    });
  w.annualRate = rate.annualRate;
  return ok({ date, warmtefonds: w, decision, versions: versionsUsed(used) });
}
