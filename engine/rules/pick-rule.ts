/**
 * Picking the rule row valid on a day: the engine passes the run's date (or a scenario year's first day) and gets
 * the one row in force, or a coded issue naming the rule and the date no row covers.
 */
import { dayNumber } from '../retrofit/iso-day.ts';
import { fail, ok, type Result } from '../result.ts';
import { ruleIssue } from './parse-rules.ts';
import type { LoadedRule, RuleKind, RuleOfKind } from './rule-schema.ts';
import type { RuleVersion } from './rule-version.ts';

/** What picking a rule can report: an id no file defines, a date no row covers, a row of another kind. */
export const RULE_PICK_CODES = ['rules.id.unknown', 'rules.date.uncovered', 'rules.kind.mismatch'] as const;
export type RulePickCode = (typeof RULE_PICK_CODES)[number];

export type { RuleVersion } from './rule-version.ts';

const covers = (r: LoadedRule, day: number): boolean =>
  dayNumber(r.validFrom)! <= day && (r.validTo === null || day <= dayNumber(r.validTo)!);

/** The row of rule `id` valid on `date` (YYYY-MM-DD). */
export function pickRule(rules: readonly LoadedRule[], id: string, date: string): Result<LoadedRule, RulePickCode> {
  const rows = rules.filter((r) => r.id === id);
  if (!rows.length)
    return fail(ruleIssue('rules.id.unknown', 'rules', null, [id], `no rule "${id}" is loaded (config/rules/*.json)`));
  const day = dayNumber(date);
  const hit = day === null ? undefined : rows.find((r) => covers(r, day));
  if (hit) return ok(hit);
  const spans = rows.map((r) => `${r.validFrom} … ${r.validTo ?? 'open'} (${r.file}, rules[${r.row}])`).join('; ');
  return fail(
    ruleIssue('rules.date.uncovered', rows[0]!.file, null, [id], `no row is valid on ${date}; rows cover ${spans}`),
  );
}

/** The row of rule `id` valid on `date`, checked to be of `kind` (a file that changed a rule's kind is refused). */
export function pickRuleOf<K extends RuleKind>(
  rules: readonly LoadedRule[],
  id: string,
  kind: K,
  date: string,
): Result<RuleOfKind<K> & LoadedRule, RulePickCode> {
  const r = pickRule(rules, id, date);
  if (!r.ok) return r;
  if (r.value.kind !== kind)
    return fail(
      ruleIssue(
        'rules.kind.mismatch',
        r.value.file,
        r.value.row,
        ['kind'],
        `expected kind "${kind}", found "${r.value.kind}"`,
        id,
      ),
    );
  return ok(r.value as RuleOfKind<K> & LoadedRule);
}

/** Every rule row in force on `date`, ordered by id. */
export function rulesInForce(rules: readonly LoadedRule[], date: string): LoadedRule[] {
  const day = dayNumber(date);
  if (day === null) return [];
  return rules.filter((r) => covers(r, day)).sort((a, b) => a.id.localeCompare(b.id));
}

/** The citation of a row for an output's "rules used" list. */
export function ruleVersion(r: LoadedRule): RuleVersion {
  const where = 'url' in r.source ? r.source.url : r.source.document;
  return {
    id: r.id,
    version: r.version,
    validFrom: r.validFrom,
    validTo: r.validTo,
    source: `${r.source.title} (${where})`,
    retrieved: r.retrieved,
    assumption: r.assumption,
  };
}

/** Distinct versions, ordered by version string, for an output's metadata. */
export function versionsUsed(rows: readonly LoadedRule[]): RuleVersion[] {
  const seen = new Map<string, LoadedRule>();
  for (const r of rows) seen.set(r.version, r);
  return [...seen.keys()].sort().map((v) => ruleVersion(seen.get(v)!));
}
