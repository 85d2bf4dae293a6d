/**
 * Validation of rules files (rule-schema.ts): each row's shape and typed value, a source on every row, every number
 * of a value inside the row's range, validity dates in order, and no two rows of one id valid on the same day (in
 * one file or across files). Every issue names the file, the row and the field, so a planner can fix the file.
 */
import { dayNumber } from '../retrofit/iso-day.ts';
import { zodIssues } from '../retrofit/zod-issues.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { RuleRowSchema, RulesFileSchema, valueNumbers, type LoadedRule } from './rule-schema.ts';

export const RULE_ISSUE_CODES = [
  // Shape (zod-issues.ts kinds under `rules.`), then the rules' own checks.
  'rules.invalid',
  'rules.invalid-type',
  'rules.invalid-value',
  'rules.invalid-key',
  'rules.unknown-key',
  'rules.missing',
  'rules.out-of-range',
  'rules.file.json',
  'rules.file.read',
  'rules.source.missing',
  'rules.value.out-of-range',
  'rules.range.invalid',
  'rules.validity.invalid-date',
  'rules.validity.to-before-from',
  'rules.validity.overlap',
  'rules.date.uncovered',
  'rules.id.unknown',
  'rules.kind.mismatch',
] as const;
export type RuleIssueCode = (typeof RULE_ISSUE_CODES)[number];

/** An issue of a rules file: the file, the row index (null for the file itself) and the field (dotted). */
export interface RuleIssue<C extends RuleIssueCode = RuleIssueCode> extends Issue<C> {
  file: string;
  row: number | null;
  field: string | null;
}

/** Builds an issue whose message starts with `file, rules[row] (id), field:` so the CLI line alone locates it. */
export function ruleIssue<C extends RuleIssueCode>(
  code: C,
  file: string,
  row: number | null,
  field: (string | number)[],
  what: string,
  id?: string,
): RuleIssue<C> {
  const f = field.length ? field.join('.') : null;
  const where = [file, row === null ? null : `rules[${row}]${id ? ` (${id})` : ''}`, f].filter(Boolean).join(', ');
  return {
    code,
    file,
    row,
    field: f,
    path: row === null ? field : ['rules', row, ...field],
    message: `${where}: ${what}`,
  };
}

const asCode = (c: string): RuleIssueCode =>
  (RULE_ISSUE_CODES as readonly string[]).includes(c) ? (c as RuleIssueCode) : 'rules.invalid';

/** Drops `$comment`-style keys at the top level and in each row. */
const withoutComments = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')))
    : v;

function parseRow(raw: unknown, file: string, row: number): Result<LoadedRule, RuleIssueCode> {
  const json = withoutComments(raw);
  const id =
    typeof json === 'object' && json !== null && typeof (json as { id?: unknown }).id === 'string'
      ? (json as { id: string }).id
      : undefined;
  const r = RuleRowSchema.safeParse(json);
  if (!r.success) {
    const issues = zodIssues('rules', RuleRowSchema, r.error).map((i) => {
      const field = i.path ?? [];
      // No source, or one with an empty title or location, is a missing source.
      const sourceMissing =
        field[0] === 'source' && (field.length === 1 || i.code === 'rules.missing' || i.code === 'rules.out-of-range');
      const what = i.message.replace(/^[^:]*: /, '');
      return sourceMissing
        ? ruleIssue(
            'rules.source.missing',
            file,
            row,
            ['source'],
            'required; expected { title, url } or { title, document }',
            id,
          )
        : ruleIssue(asCode(i.code), file, row, field, what, id);
    });
    return fail(...issues);
  }
  const p = r.data,
    out: RuleIssue[] = [];
  const from = dayNumber(p.validFrom),
    to = p.validTo === null ? null : dayNumber(p.validTo);
  for (const [k, v, d] of [
    ['validFrom', p.validFrom, from],
    ['validTo', p.validTo, to],
    ['retrieved', p.retrieved, dayNumber(p.retrieved)],
  ] as const)
    if (v !== null && d === null)
      out.push(
        ruleIssue('rules.validity.invalid-date', file, row, [k], `"${v}" is not a calendar date (YYYY-MM-DD)`, p.id),
      );
  if (from !== null && to !== null && to < from)
    out.push(
      ruleIssue(
        'rules.validity.to-before-from',
        file,
        row,
        ['validTo'],
        `${p.validTo} is before validFrom ${p.validFrom}`,
        p.id,
      ),
    );
  if ('range' in p) {
    if (!(p.range.min <= p.range.max))
      out.push(
        ruleIssue(
          'rules.range.invalid',
          file,
          row,
          ['range'],
          `expected min ≤ max, found [${p.range.min}, ${p.range.max}]`,
          p.id,
        ),
      );
    else
      for (const { path, n } of valueNumbers(p))
        if (!(n >= p.range.min && n <= p.range.max))
          out.push(
            ruleIssue(
              'rules.value.out-of-range',
              file,
              row,
              ['value', ...path],
              `${n} is outside the allowed range [${p.range.min}, ${p.range.max}]`,
              p.id,
            ),
          );
  }
  return out.length ? fail(...out) : ok({ ...p, file, row, version: `${p.id}@${p.validFrom}` });
}

/** Validates one rules file's JSON; every row is checked, so one run lists every problem of the file. */
export function parseRulesFile(json: unknown, file: string): Result<LoadedRule[], RuleIssueCode> {
  const top = RulesFileSchema.safeParse(withoutComments(json));
  if (!top.success)
    return fail(
      ...zodIssues('rules', RulesFileSchema, top.error).map((i) =>
        ruleIssue(asCode(i.code), file, null, i.path ?? [], i.message.replace(/^[^:]*: /, '')),
      ),
    );
  const rows: LoadedRule[] = [],
    issues: Issue<RuleIssueCode>[] = [];
  top.data.rules.forEach((raw, i) => {
    const r = parseRow(raw, file, i);
    if (r.ok) rows.push(r.value);
    else issues.push(...r.issues);
  });
  return issues.length ? fail(...issues) : ok(rows);
}

const lastDay = (r: LoadedRule): number => (r.validTo === null ? Infinity : dayNumber(r.validTo)!);

/** Refuses two rows of one id whose validity periods share a day (the engine could not tell which holds). */
export function checkRuleSet(rows: readonly LoadedRule[]): Result<LoadedRule[], RuleIssueCode> {
  const byId = new Map<string, LoadedRule[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const issues: RuleIssue[] = [];
  for (const list of byId.values()) {
    const sorted = [...list].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1]!,
        b = sorted[k]!;
      if (dayNumber(b.validFrom)! <= lastDay(a))
        issues.push(
          ruleIssue(
            'rules.validity.overlap',
            b.file,
            b.row,
            ['validFrom'],
            `${b.validFrom} … ${b.validTo ?? 'open'} overlaps ${a.file}, rules[${a.row}] (${a.validFrom} … ${a.validTo ?? 'open'}); expected one row per day`,
            b.id,
          ),
        );
    }
  }
  return issues.length ? fail(...issues) : ok([...rows]);
}
