import { describe, expect, it } from 'vitest';
import { formatIssue, jsonPath, parseScenarioObject, parseScenarioText } from './scenario-yaml.ts';

const VALID = `name: Test
description: Een test
horizon: { start: 2025, end: 2035 }
seed: 1
runs: 10
interventions:
  - kind: sale
    area: Noord
    count: 5
    by: 2030
targets:
  - metric: share-low-income
    area: Noord
    year: 2030
    max: 0.4
    probability: 0.8
`;

describe('parseScenarioText', () => {
  it('accepts a valid file and fills the defaults', () => {
    const p = parseScenarioText(VALID);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.scenario.dataset).toBe('shipped');
    expect(p.scenario.allocation.passendToewijzen).toBe(0.95);
    expect(p.scenario.interventions[0]).toMatchObject({ kind: 'sale', mode: 'on-turnover' });
    expect(p.locate(['interventions', 0, 'count'])).toEqual({ line: 9, column: 12 });
  });

  it('reports YAML syntax errors with line and column', () => {
    const p = parseScenarioText('name: [Test\nseed: 1\n');
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues[0]).toMatchObject({
      code: 'scenario.yaml.syntax',
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it('points an unknown key at the key itself', () => {
    const p = parseScenarioText(VALID.replace('    count: 5\n', '    count: 5\n    aantal: 5\n'));
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues).toEqual([
      expect.objectContaining({
        code: 'scenario.key.unknown',
        path: ['interventions', 0, 'aantal'],
        line: 10,
        column: 5,
      }),
    ]);
  });

  it('names an unknown metric with its path and position', () => {
    const p = parseScenarioText(VALID.replace('metric: share-low-income', 'metric: lage-inkomens'));
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues).toEqual([
      expect.objectContaining({
        code: 'scenario.metric.unknown',
        path: ['targets', 0, 'metric'],
        line: 12,
        column: 13,
      }),
    ]);
    expect(p.issues[0]!.message).toMatch(/^unknown metric "lage-inkomens"; expected one of dwellings, households, /);
    expect(formatIssue('s.yaml', p.issues[0]!)).toMatch(
      /^s\.yaml:12:13: scenario\.metric\.unknown: .* \(at \$\.targets\[0\]\.metric\)$/,
    );
  });

  it('names an unknown intervention kind', () => {
    const p = parseScenarioText(VALID.replace('kind: sale', 'kind: verkoop'));
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues[0]).toMatchObject({
      code: 'scenario.intervention.kind-unknown',
      path: ['interventions', 0, 'kind'],
      line: 7,
    });
  });

  it('rejects a wrong type and a count that is not a positive integer', () => {
    const p = parseScenarioText(VALID.replace('count: 5', 'count: -5').replace('seed: 1', 'seed: een'));
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues.map((i) => [i.code, jsonPath(i.path), i.line])).toEqual([
      ['scenario.type', '$.seed', 4],
      ['scenario.value.too-small', '$.interventions[0].count', 9],
    ]);
  });

  it('asks for exactly one of min and max in a target', () => {
    const p = parseScenarioObject({
      ...parseOk().scenario,
      targets: [{ metric: 'vacancy', area: 'Noord', year: 2030, min: 0, max: 1, probability: 0.5 }],
    });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.issues[0]).toMatchObject({
      code: 'scenario.target.bound',
      path: ['targets', 0, 'min'],
      message: 'give exactly one of min and max',
    });
  });
});

function parseOk() {
  const p = parseScenarioText(VALID);
  if (!p.ok) throw new Error('fixture invalid');
  return p;
}

describe('jsonPath', () => {
  it('writes keys, indexes and quoted names', () => {
    expect(jsonPath(['areas', 'Kalsdonk Noord', 0])).toBe('$.areas["Kalsdonk Noord"][0]');
    expect(jsonPath([])).toBe('$');
  });
});
