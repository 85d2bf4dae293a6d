/**
 * Every code a scenario file, its compilation or its preparation in the worker can send (the HTTP layer's own
 * scenario codes — busy, run budget — are in server/api-error.ts). A code not listed here does not compile.
 */
import { RULE_PICK_CODES } from '../rules/pick-rule.ts';

export const SCENARIO_ISSUE_CODES = [
  // YAML and schema (scenario-yaml.ts)
  'scenario.yaml.syntax',
  'scenario.yaml.aliases',
  'scenario.type',
  'scenario.key.unknown',
  'scenario.value.unknown',
  'scenario.kind.unknown',
  'scenario.value.too-small',
  'scenario.value.too-big',
  'scenario.value.format',
  'scenario.value.invalid',
  'scenario.invalid',
  'scenario.metric.unknown',
  'scenario.intervention.kind-unknown',
  'scenario.target.bound',
  // Compilation against the stock (compile.ts, compile-checks.ts, scenario-areas.ts)
  'scenario.horizon.invalid',
  'scenario.id.duplicate',
  'scenario.year.order',
  'scenario.year.outside-horizon',
  'scenario.area.unknown',
  'scenario.area.empty',
  'scenario.area.not-a-buurt',
  'scenario.areas.duplicate',
  'scenario.areas.unknown-buurt',
  'scenario.count.exceeds-stock',
  'scenario.policy.no-new-social-rent',
  'scenario.target.label-threshold',
  'scenario.retrofit.incomplete',
  'scenario.plan.unknown-dwelling',
  'scenario.plan.unavailable',
  'scenario.block.unknown',
  'scenario.block.outside-area',
  // Policy rules picked per scenario year (housing-rules.ts), and instruments used without their designation
  ...RULE_PICK_CODES,
  'scenario.designation.needed',
  'scenario.passend.below-rule',
  // Preparation in the worker (workers/scenario-files.ts)
  'scenario.file.unreadable',
  // the dataset file's own failures (geodata/dataset-store.ts DatasetFileError), prefixed
  'scenario.dataset.missing',
  'scenario.dataset.corrupt',
  'scenario.dataset.invalid',
  'scenario.dataset.write-failed',
  'scenario.plan.not-allowed',
  'scenario.plan.unreadable',
  'scenario.plan.invalid',
  // A warning of the scenario route: the API runs on the served dataset, not the one the file names
  'scenario.dataset.served',
] as const;
export type ScenarioIssueCode = (typeof SCENARIO_ISSUE_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(SCENARIO_ISSUE_CODES);
/** Whether a code computed at run time (a schema refinement's `params.code`) is a declared one. */
export const isScenarioIssueCode = (code: string): code is ScenarioIssueCode => KNOWN.has(code);
