import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from './scenario-schema.ts';
import { fieldChanges, scenarioDiff } from './scenario-diff.ts';

const base: ScenarioInput = {
  name: 'A',
  description: 'd',
  horizon: { start: 2025, end: 2040 },
  seed: 1,
  runs: 10,
  interventions: [
    { kind: 'sale', id: 'verkoop', area: 'Kalsdonk', blocks: ['BU16740202-B001'], count: 30, by: 2030 },
    { kind: 'retrofit', area: 'Kalsdonk', count: 10, by: 2030 },
  ],
  targets: [{ id: 't1', metric: 'sold', area: 'Kalsdonk', year: 2030, min: 30, probability: 0.9 }],
};
const parse = (s: ScenarioInput) => Scenario.parse(s);

describe('scenarioDiff', () => {
  it('lists interventions added, removed and changed with the changed fields', () => {
    const next: ScenarioInput = {
      ...base,
      runs: 20,
      interventions: [
        {
          kind: 'sale',
          id: 'verkoop',
          area: 'Kalsdonk',
          blocks: ['BU16740202-B001', 'BU16740202-B002'],
          count: 45,
          by: 2030,
        },
        { kind: 'demolition', id: 'sloop', area: 'Kalsdonk', count: 20, year: 2028 },
      ],
    };
    const d = scenarioDiff(parse(base), parse(next));
    expect(d.same).toBe(false);
    expect(d.interventions.added.map((x) => x.id)).toEqual(['sloop']);
    expect(d.interventions.removed.map((x) => x.kind)).toEqual(['retrofit']);
    expect(d.interventions.changed).toHaveLength(1);
    expect(d.interventions.changed[0]!.fields).toEqual([
      { path: ['blocks'], before: ['BU16740202-B001'], after: ['BU16740202-B001', 'BU16740202-B002'] },
      { path: ['count'], before: 30, after: 45 },
    ]);
    expect(d.settings).toEqual([{ path: ['runs'], before: 10, after: 20 }]);
    expect(d.targets).toEqual({ added: [], removed: [], changed: [] });
  });

  it('finds no difference between a version and itself', () => {
    expect(scenarioDiff(parse(base), parse(structuredClone(base))).same).toBe(true);
  });

  it('compares nested objects leaf by leaf', () => {
    expect(fieldChanges({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [1, 2] } })).toEqual([
      { path: ['a', 'b'], before: 1, after: 2 },
    ]);
  });
});
