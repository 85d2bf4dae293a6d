import { compileScenario, type CompileContext } from '../housing/compile.ts';
import type { CompiledScenario } from '../housing/compiled.ts';
import { parseScenarioObject } from '../housing/scenario-yaml.ts';
import type { ScenarioIssue } from '../housing/scenario-yaml.ts';
import type { HousingStock } from '../housing/stock.ts';
import { FIXTURE_AREAS, FIXTURE_NAMES } from './housing-stock.ts';

/**
 * Parses and compiles a scenario (name, description and seed filled in unless given) against a fixture stock with
 * the fixture's programme areas; throws on any issue, for tests whose scenario must be valid.
 */
export function compileFixtureScenario(
  stock: HousingStock,
  spec: Record<string, unknown>,
  ctx: Partial<CompileContext> = {},
): { value: CompiledScenario; warnings: ScenarioIssue[] } {
  const p = parseScenarioObject({ name: 'T', description: 'test', seed: 1, ...spec });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const r = compileScenario(p.scenario, { stock, programmeAreas: FIXTURE_AREAS, buurtNames: FIXTURE_NAMES, ...ctx });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { value: r.value, warnings: (r.warnings ?? []) as ScenarioIssue[] };
}
