import { describe, expect, it } from 'vitest';
import { listRules } from '../../../engine/rules/rules-listing.ts';
import { SHIPPED_RULES } from '../../../engine/rules/shipped-rules.ts';
import { ruleGroups, rulesSummary } from './rules-model.ts';

const listing = listRules(SHIPPED_RULES, '2026-12-08');

describe('rules page model', () => {
  it('groups the rules in force by topic, in Dutch, with value, validity and source', () => {
    const groups = ruleGroups(listing);
    expect(groups.map((g) => g.title)).toEqual([
      'Warmtefonds VvE Energiebespaarlening',
      'Besluiten in de VvE',
      'Inkomensgrenzen, huurgrenzen en passend toewijzen',
      'Afspraken met corporaties',
      'Gemeentelijke instrumenten met een aanwijzing',
      'Huisvestingsverordening Roosendaal',
    ]);
    expect(groups.flatMap((g) => g.lines).length).toBe(listing.rules.length);
    const max = groups[0]!.lines.find((l) => l.id === 'warmtefonds.vve.max-per-right')!;
    expect(max).toMatchObject({
      value: '€ 34.000',
      validity: 'geldig van 1 januari 2026 tot een nieuwere regel',
      href: 'https://www.warmtefonds.nl/vve/voorwaarden-vve-energiebespaarlening',
      assumption: false,
    });
    expect(max.source).toContain('geraadpleegd 7 december 2026');
    const quorum = groups[1]!.lines.find((l) => l.id === 'vve.decision.change.quorum')!;
    expect(quorum).toMatchObject({ value: '66,7 %', href: null });
    expect(quorum.source).toContain('(docs/domain.md §3)');
  });

  it('says how many rules are assumptions', () => {
    const assumed = listing.rules.filter((r) => r.assumption).length;
    expect(assumed).toBeGreaterThanOrEqual(2);
    expect(rulesSummary(listing)).toBe(
      `${listing.rules.length} regels van kracht op 8 december 2026; ${assumed} daarvan zijn aannames (niet uit de bron gelezen).`,
    );
  });
});
