import { describe, expect, it } from 'vitest';
import { parseRulesFile } from './parse-rules.ts';
import { pickRule, pickRuleOf, rulesInForce, ruleVersion, versionsUsed } from './pick-rule.ts';
import type { LoadedRule } from './rule-schema.ts';

const base = {
  kind: 'number',
  title: 'Max',
  unit: 'EUR',
  range: { min: 0, max: 100000 },
  source: { title: 'Fund', url: 'https://example.org/fund' },
  retrieved: '2026-12-07',
};
const parsed = parseRulesFile(
  {
    rules: [
      { ...base, id: 'fund.max', value: 30000, validFrom: '2020-01-01', validTo: '2025-12-31' },
      { ...base, id: 'fund.max', value: 34000, validFrom: '2026-01-01', validTo: null },
      { ...base, id: 'fund.min', value: 25000, validFrom: '2024-01-01', validTo: '2024-12-31' },
      {
        ...base,
        id: 'fund.flag',
        kind: 'flag',
        unit: 'none',
        range: undefined,
        value: true,
        validFrom: '2020-01-01',
        validTo: null,
        source: { title: 'Doc', document: 'docs/domain.md §3' },
      },
    ].map(({ range, ...r }) => (range ? { ...r, range } : r)),
  },
  'fund.json',
);
if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
const rules: LoadedRule[] = parsed.value;

describe('pickRule', () => {
  it('picks the row valid on the date, the last day inclusive', () => {
    expect(pickRule(rules, 'fund.max', '2025-12-31').ok && pickRule(rules, 'fund.max', '2025-12-31')).toMatchObject({
      value: { value: 30000 },
    });
    const r = pickRule(rules, 'fund.max', '2026-01-01');
    expect(r.ok && r.value.value).toBe(34000);
    expect(r.ok && r.value.version).toBe('fund.max@2026-01-01');
  });

  it('gives a coded issue when no row covers the date', () => {
    const r = pickRule(rules, 'fund.min', '2025-03-01');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: 'rules.date.uncovered', file: 'fund.json', field: 'fund.min' });
    expect(!r.ok && r.issues[0]!.message).toContain(
      'no row is valid on 2025-03-01; rows cover 2024-01-01 … 2024-12-31 (fund.json, rules[2])',
    );
    expect(pickRule(rules, 'fund.max', '2019-12-31').ok).toBe(false);
  });

  it('gives a coded issue for an unknown rule and for a wrong kind', () => {
    expect(pickRule(rules, 'fund.nope', '2026-01-01')).toMatchObject({
      ok: false,
      issues: [{ code: 'rules.id.unknown' }],
    });
    expect(pickRuleOf(rules, 'fund.max', 'flag', '2026-01-01')).toMatchObject({
      ok: false,
      issues: [{ code: 'rules.kind.mismatch' }],
    });
    const f = pickRuleOf(rules, 'fund.flag', 'flag', '2026-01-01');
    expect(f.ok && f.value.value).toBe(true);
  });
});

describe('rulesInForce and versions', () => {
  it('lists the rows in force on a date, by id', () => {
    expect(rulesInForce(rules, '2024-06-01').map((r) => r.version)).toEqual([
      'fund.flag@2020-01-01',
      'fund.max@2020-01-01',
      'fund.min@2024-01-01',
    ]);
    expect(rulesInForce(rules, 'not a date')).toEqual([]);
  });

  it('cites a row with its source and dedupes versions', () => {
    expect(ruleVersion(rules[3]!)).toEqual({
      id: 'fund.flag',
      version: 'fund.flag@2020-01-01',
      validFrom: '2020-01-01',
      validTo: null,
      source: 'Doc (docs/domain.md §3)',
      retrieved: '2026-12-07',
      assumption: false,
    });
    expect(versionsUsed([rules[1]!, rules[0]!, rules[1]!]).map((v) => v.version)).toEqual([
      'fund.max@2020-01-01',
      'fund.max@2026-01-01',
    ]);
  });
});
