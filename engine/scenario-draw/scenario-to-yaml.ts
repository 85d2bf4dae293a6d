/**
 * A scenario as a YAML file for `voorraad run` in CI: the same format as the shipped files, with the schema line
 * editors use, and a comment saying where it came from.
 */
import { stringify } from 'yaml';
import type { ScenarioInput } from '../housing/scenario-schema.ts';

export function scenarioToYaml(scenario: ScenarioInput, origin: string): string {
  const body = stringify(scenario, { lineWidth: 0, aliasDuplicateObjects: false });
  const comment = origin
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n');
  return `# yaml-language-server: $schema=./schema.json\n${comment}\n${body}`;
}
