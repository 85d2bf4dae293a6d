/**
 * Reads a rules directory (every *.json file, in name order), validates each file and the set as a whole
 * (engine/rules/parse-rules.ts) and returns every issue found, each naming the file, the row and the field.
 * Nothing is half-loaded: one bad row refuses the directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILES } from '../../config/config-files.ts';
import {
  checkRuleSet,
  parseRulesFile,
  ruleIssue,
  type RuleIssue,
  type RuleIssueCode,
} from '../../engine/rules/parse-rules.ts';
import type { LoadedRule } from '../../engine/rules/rule-schema.ts';
import { fail, type Result } from '../../engine/result.ts';

/** The shipped rules directory. */
export const SHIPPED_RULES_DIR = fileURLToPath(CONFIG_FILES.rulesDir);

/** A rules directory that failed validation, thrown by the CLI and server so the exit code table can map it. */
export class RulesFileError extends Error {
  readonly code: RuleIssueCode;
  constructor(readonly issues: readonly RuleIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'RulesFileError';
    this.code = issues[0]?.code ?? 'rules.invalid';
  }
}

export function loadRulesDir(dir: string): Result<LoadedRule[], RuleIssueCode> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (e) {
    return fail(
      ruleIssue('rules.file.read', dir, null, [], `cannot read the rules directory (${(e as Error).message})`),
    );
  }
  if (!files.length) return fail(ruleIssue('rules.file.read', dir, null, [], 'no *.json rules file in the directory'));
  const rows: LoadedRule[] = [],
    issues: RuleIssue[] = [];
  for (const f of files) {
    const path = join(dir, f);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      issues.push(ruleIssue('rules.file.json', path, null, [], `not valid JSON (${(e as Error).message})`));
      continue;
    }
    const r = parseRulesFile(json, path);
    if (r.ok) rows.push(...r.value);
    else issues.push(...(r.issues as RuleIssue[]));
  }
  if (issues.length) return fail(...issues);
  return checkRuleSet(rows);
}

/** Loads a rules directory or throws RulesFileError with every issue. */
export function loadRulesDirOrThrow(dir: string): LoadedRule[] {
  const r = loadRulesDir(dir);
  if (!r.ok) throw new RulesFileError(r.issues as RuleIssue[]);
  return r.value;
}
