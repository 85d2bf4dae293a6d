import { fail, ok, type Issue, type Result } from '../result.ts';
import { pickRuleOf, rulesInForce, versionsUsed } from '../rules/pick-rule.ts';
import type { LoadedRule } from '../rules/rule-schema.ts';
import type { Ordinance } from './ordinance.ts';

/**
 * The housing ordinance from the dated rules (config/rules/ordinance.json, loaded and checked by engine/rules): the
 * rows in force on a day, plus the check the generic loader cannot make, that every WOZ limit names a known wijk.
 * Overlapping validity is refused by the loader itself (`rules.validity.overlap`).
 */
export const ORDINANCE_ISSUE_CODES = ['ordinance.wijk.unknown', 'ordinance.rule.missing'] as const;
export type OrdinanceIssueCode = (typeof ORDINANCE_ISSUE_CODES)[number];

const PREFIX = 'ordinance.';
const WOZ_LIMIT = 'ordinance.buy-to-let.woz-limit.';
const ID = {
  withdrawal: 'ordinance.permit.withdrawal',
  splitting: 'ordinance.permit.splitting',
  conversion: 'ordinance.permit.conversion-rooms.min-units',
  distance: 'ordinance.distance-rule.radius-m',
} as const;

const where = (r: LoadedRule, field: string) => `${r.file}, rules[${r.row}] (${r.id}), ${field}`;

/** Every WOZ-limit row names a wijk (`…woz-limit.wk167400`) that `knownWijken` (WK…) holds. */
export function checkOrdinanceWijken(
  rules: readonly LoadedRule[],
  knownWijken: ReadonlySet<string>,
): Issue<OrdinanceIssueCode>[] {
  return rules
    .filter((r) => r.id.startsWith(WOZ_LIMIT))
    .flatMap((r) => {
      const wijk = r.id.slice(WOZ_LIMIT.length).toUpperCase();
      if (knownWijken.has(wijk)) return [];
      return [
        {
          code: 'ordinance.wijk.unknown' as const,
          path: ['rules', r.row, 'id'],
          message: `${where(r, 'id')}: WOZ limit for unknown wijk "${wijk}"; expected a CBS wijk code of the municipality (${[...knownWijken].sort().join(', ')})`,
        },
      ];
    });
}

/**
 * The ordinance in force on `date` (YYYY-MM-DD), or null when no ordinance row is; a coded issue when a WOZ limit
 * names an unknown wijk or a rule the score needs is missing on that day.
 */
export function ordinanceFromRules(
  rules: readonly LoadedRule[],
  date: string,
  knownWijken: ReadonlySet<string>,
): Result<Ordinance | null, OrdinanceIssueCode> {
  const wijkIssues = checkOrdinanceWijken(rules, knownWijken);
  if (wijkIssues.length > 0) return fail(...wijkIssues);
  const inForce = rulesInForce(rules, date).filter((r) => r.id.startsWith(PREFIX));
  if (inForce.length === 0) return ok(null);
  const missing = (id: string): Result<never, OrdinanceIssueCode> =>
    fail({
      code: 'ordinance.rule.missing',
      path: ['rules', id],
      message: `ordinance rules are in force on ${date} but "${id}" is not (config/rules/ordinance.json)`,
    });
  const withdrawal = pickRuleOf(inForce, ID.withdrawal, 'flag', date);
  if (!withdrawal.ok) return missing(ID.withdrawal);
  const splitting = pickRuleOf(inForce, ID.splitting, 'flag', date);
  if (!splitting.ok) return missing(ID.splitting);
  const conversion = pickRuleOf(inForce, ID.conversion, 'number', date);
  if (!conversion.ok) return missing(ID.conversion);
  const distance = pickRuleOf(inForce, ID.distance, 'number', date);
  if (!distance.ok) return missing(ID.distance);
  const limits = inForce.filter((r) => r.id.startsWith(WOZ_LIMIT) && r.kind === 'number');
  const first = distance.value;
  return ok({
    versions: versionsUsed(inForce).map((v) => v.version),
    title: first.source.title,
    validFrom: first.validFrom,
    validTo: first.validTo,
    source: 'url' in first.source ? first.source.url : first.source.document,
    permits: {
      withdrawal: withdrawal.value.value,
      splitting: splitting.value.value,
      conversionToRoomsMinUnits: conversion.value.value,
    },
    buyToLetWozLimitByWijk: new Map(
      limits.map((r) => [r.id.slice(WOZ_LIMIT.length).toUpperCase(), r.kind === 'number' ? r.value : 0]),
    ),
    distanceRuleM: distance.value.value,
  });
}
