import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../engine/housing/scenario-schema.ts';
import { parseScenarioText } from '../../engine/housing/scenario-yaml.ts';
import { golden } from './regen.ts';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const SHIPPED = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('scenarios/schema.json', () => {
  it('is the JSON Schema generated from the zod schema', () => {
    const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    expect(generated).toBe(golden(`${DIR}schema.json`, generated));
  });

  it('describes every top-level key and intervention kind of the format', () => {
    const schema = JSON.parse(readFileSync(`${DIR}schema.json`, 'utf8')) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'description', 'dataset', 'horizon', 'seed', 'runs', 'interventions', 'targets']),
    );
    expect(schema.required).toEqual(['name', 'description', 'horizon', 'seed', 'runs']);
    const text = JSON.stringify(schema);
    for (const kind of [
      'sale',
      'liberalisation',
      'demolition',
      'new-build',
      'split',
      'merge',
      'acquisition',
      'retrofit',
    ])
      expect(text).toContain(`"const":"${kind}"`);
  });
});

describe('shipped scenario files', () => {
  it('are at least a baseline, a Kalsdonk sale and a Westrand demolition + new-build scenario', () => {
    expect(SHIPPED).toEqual(
      expect.arrayContaining([
        'baseline.yaml',
        'kalsdonk-verkopen-differentieren.yaml',
        'westrand-sloop-nieuwbouw.yaml',
      ]),
    );
  });

  it.each(SHIPPED)('%s is valid, points at the schema and has targets', (file) => {
    const text = readFileSync(`${DIR}${file}`, 'utf8');
    const p = parseScenarioText(text);
    expect(p.ok ? [] : p.issues).toEqual([]);
    expect(text.startsWith('# yaml-language-server: $schema=./schema.json')).toBe(true);
    const raw = parse(text) as { targets: unknown[] };
    expect(raw.targets.length).toBeGreaterThan(0);
  });
});
