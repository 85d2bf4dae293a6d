/**
 * The rules shipped with the product (config/rules/*.json), embedded as data so the engine and its workers need no
 * file access; the same validation as a user's rules directory (geodata/rules/load-rules.ts). A shipped file that
 * fails validation is a bug and stops the import.
 */
import corporationLabels from '../../config/rules/corporation-labels.json' with { type: 'json' };
import housingLimits from '../../config/rules/housing-limits.json' with { type: 'json' };
import municipalInstruments from '../../config/rules/municipal-instruments.json' with { type: 'json' };
import ordinance from '../../config/rules/ordinance.json' with { type: 'json' };
import vveDecisions from '../../config/rules/vve-decisions.json' with { type: 'json' };
import warmtefondsVve from '../../config/rules/warmtefonds-vve.json' with { type: 'json' };
import { checkRuleSet, parseRulesFile } from './parse-rules.ts';
import type { LoadedRule } from './rule-schema.ts';

/** File name → JSON of every shipped rules file; config/config-files.test.ts checks it lists the whole directory. */
export const SHIPPED_RULE_FILES: Readonly<Record<string, unknown>> = {
  'corporation-labels.json': corporationLabels,
  'housing-limits.json': housingLimits,
  'municipal-instruments.json': municipalInstruments,
  'ordinance.json': ordinance,
  'vve-decisions.json': vveDecisions,
  'warmtefonds-vve.json': warmtefondsVve,
};

function shipped(): LoadedRule[] {
  const rows: LoadedRule[] = [];
  for (const [file, json] of Object.entries(SHIPPED_RULE_FILES)) {
    const r = parseRulesFile(json, `config/rules/${file}`);
    if (!r.ok) throw new Error(`shipped rules file is invalid: ${r.issues.map((i) => i.message).join('; ')}`);
    rows.push(...r.value);
  }
  const set = checkRuleSet(rows);
  if (!set.ok) throw new Error(`shipped rules overlap: ${set.issues.map((i) => i.message).join('; ')}`);
  return set.value;
}

/** Every shipped rule row, validated. */
export const SHIPPED_RULES: readonly LoadedRule[] = shipped();
