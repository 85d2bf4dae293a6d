import { describe, expect, it } from 'vitest';
import { checkRuleSet, parseRulesFile, type RuleIssue } from './parse-rules.ts';

const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'test.amount',
  kind: 'number',
  title: 'Testbedrag',
  value: 100,
  unit: 'EUR',
  range: { min: 0, max: 1000 },
  validFrom: '2025-01-01',
  validTo: '2025-12-31',
  source: { title: 'Test source', url: 'https://example.org/rule' },
  retrieved: '2026-12-07',
  ...over,
});

const issuesOf = (json: unknown): RuleIssue[] => {
  const r = parseRulesFile(json, 'rules.json');
  if (r.ok) throw new Error('expected the file to be refused');
  return r.issues as RuleIssue[];
};

describe('parseRulesFile', () => {
  it('accepts a valid row and gives it a version', () => {
    const r = parseRulesFile({ $comment: 'x', rules: [row()] }, 'rules.json');
    expect(r.ok && r.value[0]).toMatchObject({
      id: 'test.amount',
      version: 'test.amount@2025-01-01',
      file: 'rules.json',
      row: 0,
      assumption: false,
    });
  });

  it('refuses a row without a source, naming file, row and field', () => {
    const { source: _s, ...noSource } = row();
    const [i] = issuesOf({ rules: [row({ validFrom: '2026-01-01', validTo: null }), noSource] });
    expect(i).toMatchObject({
      code: 'rules.source.missing',
      file: 'rules.json',
      row: 1,
      field: 'source',
      path: ['rules', 1, 'source'],
    });
    expect(i!.message).toMatch(/^rules\.json, rules\[1\] \(test\.amount\), source: required/);
  });

  it('refuses a source with an empty title as missing', () => {
    const [i] = issuesOf({ rules: [row({ source: { title: '', url: 'https://example.org' } })] });
    expect(i?.code).toBe('rules.source.missing');
  });

  it('refuses a value outside its allowed range', () => {
    const [i] = issuesOf({ rules: [row({ value: 5000 })] });
    expect(i).toMatchObject({ code: 'rules.value.out-of-range', row: 0, field: 'value' });
    expect(i!.message).toContain('5000 is outside the allowed range [0, 1000]');
  });

  it('checks each rate of a rates-by-term value against the range', () => {
    const [i] = issuesOf({
      rules: [
        row({
          kind: 'rates-by-term',
          unit: 'fraction/year',
          range: { min: 0, max: 0.1 },
          value: [
            { termYears: 10, annualRate: 0.03 },
            { termYears: 20, annualRate: 0.3 },
          ],
        }),
      ],
    });
    expect(i).toMatchObject({ code: 'rules.value.out-of-range', field: 'value.1.annualRate' });
  });

  it('types the value by kind', () => {
    const [i] = issuesOf({ rules: [row({ kind: 'flag', unit: 'none', range: undefined, value: 3 })] });
    expect(i).toMatchObject({ code: 'rules.invalid-type', row: 0, field: 'value' });
  });

  it('refuses a validity that ends before it starts and a non-existent date', () => {
    const issues = issuesOf({
      rules: [row({ validTo: '2024-12-31' }), row({ id: 'test.b', validFrom: '2025-02-30' })],
    });
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['rules.validity.to-before-from', 0, 'validTo'],
      ['rules.validity.invalid-date', 1, 'validFrom'],
    ]);
  });

  it('refuses an unknown key and a file without rows', () => {
    expect(issuesOf({ rules: [row({ extra: 1 })] })[0]).toMatchObject({ code: 'rules.unknown-key', field: 'extra' });
    expect(issuesOf({ rules: [] })[0]).toMatchObject({ code: 'rules.out-of-range', row: null, field: 'rules' });
  });
});

describe('checkRuleSet', () => {
  const parse = (rows: unknown[], file: string) => {
    const r = parseRulesFile({ rules: rows }, file);
    if (!r.ok) throw new Error(r.issues[0]!.message);
    return r.value;
  };

  it('accepts consecutive periods and refuses overlapping ones across files', () => {
    const a = parse([row(), row({ validFrom: '2026-01-01', validTo: null })], 'a.json');
    expect(checkRuleSet(a).ok).toBe(true);
    const b = parse([row({ validFrom: '2026-06-01', validTo: '2026-12-31' })], 'b.json');
    const r = checkRuleSet([...a, ...b]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: 'rules.validity.overlap',
      file: 'b.json',
      row: 0,
      field: 'validFrom',
    });
    expect(!r.ok && r.issues[0]!.message).toContain('overlaps a.json, rules[1] (2026-01-01 … open)');
  });

  it('treats the last day as inclusive', () => {
    const r = checkRuleSet(parse([row(), row({ validFrom: '2025-12-31', validTo: null })], 'a.json'));
    expect(r.ok).toBe(false);
  });
});
