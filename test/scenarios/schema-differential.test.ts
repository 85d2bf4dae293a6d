import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_HORIZON_YEARS } from '../../engine/housing/scenario-schema.ts';
import { parseScenarioObject } from '../../engine/housing/scenario-yaml.ts';

/**
 * scenarios/schema.json rejects what the product rejects: mutated copies of a shipped file are checked by the schema
 * (Ajv, draft 2020-12) and by the product's parse + horizon check, and both must agree. Before, the schema accepted a
 * horizon ending before it starts and a target with both or neither of min and max.
 */
const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const schema = JSON.parse(readFileSync(`${DIR}schema.json`, 'utf8')) as Record<string, unknown>;
const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: false }).compile(
  schema,
);
const base = parse(readFileSync(`${DIR}kalsdonk-verkopen-differentieren.yaml`, 'utf8')) as Record<string, unknown> & {
  horizon: { start: number; end: number };
  targets: Record<string, unknown>[];
};

/** Whether the product accepts the file's form (parse) and its horizon (the compiler's first check). */
function productAccepts(obj: unknown): boolean {
  const p = parseScenarioObject(obj);
  if (!p.ok) return false;
  const { start, end } = p.scenario.horizon;
  // compile.ts refuses the same (scenario.horizon.invalid); the rest of compiling needs a stock and is not mutated here.
  return end > start && end - start <= MAX_HORIZON_YEARS;
}

type Mutation = [string, (s: typeof base) => void];
const clone = () => structuredClone(base);
const mutations: Mutation[] = [
  ['unchanged', () => {}],
  [
    'end = start',
    (s) => {
      s.horizon.end = s.horizon.start;
    },
  ],
  [
    'end before start',
    (s) => {
      s.horizon.end = s.horizon.start - 3;
    },
  ],
  [
    'end one after start',
    (s) => {
      s.horizon.end = s.horizon.start + 1;
    },
  ],
  [
    '101-year horizon',
    (s) => {
      s.horizon.end = s.horizon.start + 101;
    },
  ],
  [
    '100-year horizon',
    (s) => {
      s.horizon.end = s.horizon.start + 100;
    },
  ],
  [
    'target with min and max',
    (s) => {
      s.targets[0] = { ...s.targets[0], min: 1, max: 2 };
    },
  ],
  [
    'target with neither',
    (s) => {
      const { min: _a, max: _b, ...t } = s.targets[0]!;
      s.targets[0] = t;
    },
  ],
  [
    'target with only max',
    (s) => {
      const { min: _a, ...t } = s.targets[0]!;
      s.targets[0] = { ...t, max: 5 };
    },
  ],
  [
    'start year 1899',
    (s) => {
      s.horizon.start = 1899;
    },
  ],
  [
    'unknown key',
    (s) => {
      (s as Record<string, unknown>).extra = 1;
    },
  ],
];

describe('scenarios/schema.json against the product (differential)', () => {
  it.each(mutations)('%s: the schema accepts iff the product accepts', (_name, mutate) => {
    const s = clone();
    mutate(s);
    expect(validate(s)).toBe(productAccepts(s));
  });

  it('covers both outcomes', () => {
    const outcomes = mutations.map(([, m]) => {
      const s = clone();
      m(s);
      return productAccepts(s);
    });
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });
});
