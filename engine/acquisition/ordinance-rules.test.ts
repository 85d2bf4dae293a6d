import { describe, expect, it } from 'vitest';
import ordinanceJson from '../../config/rules/ordinance.json' with { type: 'json' };
import { checkRuleSet, parseRulesFile } from '../rules/parse-rules.ts';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';
import { ordinanceFromRules } from './ordinance-rules.ts';

const WIJKEN = new Set(['WK167400', 'WK167401', 'WK167402', 'WK167403', 'WK167404', 'WK167405']);
type Json = { rules: Record<string, unknown>[] };
const load = (json: Json) => {
  const r = parseRulesFile(json, 'ordinance.json');
  if (!r.ok) return r;
  return checkRuleSet(r.value);
};

describe('the housing ordinance as dated rules', () => {
  it('is in force from 1 Nov 2025 to 1 Nov 2029 with its permits, WOZ limits per wijk and the 50 m rule', () => {
    const r = ordinanceFromRules(SHIPPED_RULES, '2026-12-08', WIJKEN);
    if (!r.ok) throw new Error(r.issues[0]!.message);
    const o = r.value!;
    expect(o.permits).toEqual({ withdrawal: true, splitting: true, conversionToRoomsMinUnits: 3 });
    expect(o.distanceRuleM).toBe(50);
    expect(o.buyToLetWozLimitByWijk.get('WK167400')).toBe(350_000);
    expect([o.validFrom, o.validTo]).toEqual(['2025-11-01', '2029-10-31']);
    expect(o.versions).toContain('ordinance.distance-rule.radius-m@2025-11-01');
    expect(o.title).toMatch(/Huisvestingsverordening Roosendaal 2025/);
  });

  it('is not in force before 1 Nov 2025 or from 1 Nov 2029', () => {
    for (const day of ['2025-10-31', '2029-11-01']) {
      const r = ordinanceFromRules(SHIPPED_RULES, day, WIJKEN);
      expect(r.ok && r.value).toBeNull();
    }
  });

  it('refuses a WOZ limit for an unknown wijk, naming file, row and field', () => {
    const json = structuredClone(ordinanceJson) as Json;
    json.rules[4]!.id = 'ordinance.buy-to-let.woz-limit.wk999900';
    const rules = load(json);
    if (!rules.ok) throw new Error('the file itself is valid');
    const r = ordinanceFromRules(rules.value, '2026-01-01', WIJKEN);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({
        code: 'ordinance.wijk.unknown',
        path: ['rules', 4, 'id'],
        message: expect.stringMatching(
          /^ordinance\.json, rules\[4\] \(ordinance\.buy-to-let\.woz-limit\.wk999900\), id: .*WK999900/,
        ),
      });
  });

  it('refuses overlapping validity of one rule (the loader’s rules.validity.overlap)', () => {
    const json = structuredClone(ordinanceJson) as Json;
    json.rules.push({ ...json.rules[3]!, validFrom: '2027-01-01', validTo: null, value: 100 });
    const r = load(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain('rules.validity.overlap');
  });

  it('refuses an ordinance in force without a rule the score needs', () => {
    const json = structuredClone(ordinanceJson) as Json;
    json.rules = json.rules.filter((x) => x.id !== 'ordinance.distance-rule.radius-m');
    const rules = load(json);
    if (!rules.ok) throw new Error('valid');
    const r = ordinanceFromRules(rules.value, '2026-01-01', WIJKEN);
    expect(!r.ok && r.issues[0]!.code).toBe('ordinance.rule.missing');
  });
});
