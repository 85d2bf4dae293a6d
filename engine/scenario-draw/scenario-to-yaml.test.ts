import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../housing/scenario-yaml.ts';
import { scenarioToYaml } from './scenario-to-yaml.ts';

describe('scenarioToYaml', () => {
  it('writes a file the scenario reader reads back to the same scenario', () => {
    const scenario = {
      name: 'Getekend: verkoop',
      description: 'blokken B1–B3',
      horizon: { start: 2025, end: 2040 },
      seed: 4,
      runs: 10,
      interventions: [
        {
          kind: 'sale' as const,
          id: 'tekening-1-sale',
          area: 'Kalsdonk',
          blocks: ['BU16740202-B001'],
          count: 3,
          by: 2030,
        },
      ],
    };
    const text = scenarioToYaml(scenario, 'Versie 4 door planner\nop 2026-12-08');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# yaml-language-server: $schema=./schema.json',
      '# Versie 4 door planner',
      '# op 2026-12-08',
    ]);
    const back = parseScenarioText(text);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.scenario.interventions[0]).toMatchObject(scenario.interventions[0]!);
    expect(back.scenario.name).toBe('Getekend: verkoop');
  });
});
