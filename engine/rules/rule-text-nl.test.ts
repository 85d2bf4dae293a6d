import { describe, expect, it } from 'vitest';
import { pickRule } from './pick-rule.ts';
import { ruleValueNl } from './rule-text-nl.ts';
import { SHIPPED_RULES } from './shipped-rules.ts';

const text = (id: string, date = '2026-06-01'): string => {
  const r = pickRule(SHIPPED_RULES, id, date);
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return ruleValueNl(r.value);
};

describe('ruleValueNl: a rule value in Dutch words and nl-NL numbers, by unit', () => {
  it.each([
    ['warmtefonds.vve.max-per-right', '€ 34.000'],
    ['housing.daeb.income-limit.single', '€ 51.537 per jaar'],
    ['housing.social-rent.ceiling', '€ 932,93 per maand'],
    ['housing.rent.imputed.per-m2', '€ 4,50 per m² per maand'],
    ['housing.rent.imputed.label-step', '3 %'],
    ['housing.limits.indexation', '3,8 % per jaar'],
    ['housing.passend.share', '95 %'],
    ['vve.decision.second-meeting.allowed', 'ja'],
    ['corporations.label-agreement', 'labels E, F, G weg uiterlijk eind 2028'],
  ])('%s → %s', (id, expected) => {
    expect(text(id)).toBe(expected);
  });
});
