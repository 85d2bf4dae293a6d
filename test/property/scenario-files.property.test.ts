import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenarioObject, parseScenarioText, type ParsedScenario } from '../../engine/housing/scenario-yaml.ts';
import { runBatch } from '../../engine/housing/simulate.ts';
import { SHIPPED_DATASET } from '../../geodata/shipped.ts';
import { DatasetCache, loadScenarioFile, prepareParsed, scenarioDataset } from '../../workers/scenario-files.ts';
import { check } from './fc-settings.ts';
import { expectCodedIssues, mutatedBytes, mutatedJson, nonFinite } from './mutate.ts';

/**
 * Scenario files (engine/housing/scenario-yaml.ts → workers/scenario-files.ts prepareParsed): mutated YAML
 * text and mutated scenario objects never throw; they end in `scenario.*` issues with a path, or in a scenario
 * that compiles against the shipped stock and simulates one run to finite figures.
 */
const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url).pathname;
const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml'));
const texts = files.map((f) => readFileSync(join(SCENARIO_DIR, f), 'utf8'));
const objects = texts.map((t) => parse(t) as unknown);
const datasets = new DatasetCache();
const { ds, columns } = datasets.load(SHIPPED_DATASET);
const dataFor = (extra: readonly string[]) => scenarioDataset(ds, columns, extra);

function expectOutcome(parsed: ParsedScenario, label: string): void {
  if (!parsed.ok) {
    expectCodedIssues(parsed.issues, label);
    for (const i of parsed.issues) expect(i.code, label).toMatch(/^scenario\./);
    return;
  }
  const extra = Object.values(parsed.scenario.areas ?? {}).flat();
  const prepared = prepareParsed(parsed, { id: 'fuzz', file: null, baseDir: null, data: dataFor(extra), runs: 1 });
  if (!prepared.ok) {
    expectCodedIssues(prepared.issues, label);
    for (const i of prepared.issues) expect(i.code, label).toMatch(/^scenario\./);
    return;
  }
  // NaN is the simulation's "share of nothing" (reported as null); an infinity is a bug.
  const out = runBatch(prepared.value.stock, prepared.value.compiled, 0, 1);
  expect(
    nonFinite(out).filter((x) => !x.endsWith('=NaN')),
    label,
  ).toEqual([]);
}

describe('scenario files', () => {
  it('the shipped scenarios parse (the mutations start from valid files)', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(parseScenarioText(t).ok).toBe(true);
  });

  it('mutated YAML text (truncation, flipped bytes, BOMs, huge fields, swapped delimiters): scenario.* issue or a valid run', async () => {
    const arb = fc.oneof(...texts.map((t) => mutatedBytes(new TextEncoder().encode(t))));
    await check(
      fc.property(arb, (b) => {
        const text = b.toString('utf8');
        expectOutcome(parseScenarioText(text), text.slice(0, 200));
      }),
      100,
    );
  });

  it('mutated scenario objects (wrong types, NaN/Infinity, prototype keys, deletions): scenario.* issue or a valid run', async () => {
    await check(
      fc.property(fc.oneof(...objects.map((o) => mutatedJson(o))), (o) => {
        expectOutcome(parseScenarioObject(o), JSON.stringify(o)?.slice(0, 400) ?? 'undefined');
      }),
      200,
    );
  });

  it('YAML bombs and oddities: coded issues, not a hang or a crash', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, k) =>
          `${String.fromCharCode(98 + k)}: &${String.fromCharCode(98 + k)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + k)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    for (const text of [
      bomb,
      '',
      '---\n---\n',
      '%YAML 9.9\n---\nname: x',
      '!!binary AAAA',
      'name: !!js/function "() => 1"',
      '<<: *nope',
      '\u0000',
      'name: x\nname: y\n',
      `${'- '.repeat(2_000)}x`,
      `${'['.repeat(5_000)}`,
    ]) {
      expectOutcome(parseScenarioText(text), text.slice(0, 60));
    }
  });

  it('files: unreadable bytes, a directory or a non-GeoPackage as dataset end in scenario.* issues', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voorraad-scenario-prop-'));
    const head =
      'name: x\ndescription: y\nhorizon: { start: 2025, end: 2030 }\nseed: 1\nruns: 2\ninterventions: []\ntargets: []\n';
    writeFileSync(join(dir, 'not.gpkg'), 'hello');
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(`${head}dataset: shipped\n# \xe9\xff\n`, 'latin1'));
    for (const [name, dataset] of [
      ['a', 'not.gpkg'],
      ['b', '.'],
      ['c', 'missing.gpkg'],
      ['d', 'a.yaml'],
      ['e', '/dev/null'],
    ] as const) {
      writeFileSync(join(dir, `${name}.yaml`), `${head}dataset: ${dataset}\n`);
      const r = loadScenarioFile(join(dir, `${name}.yaml`), { datasets });
      expect(r.ok, dataset).toBe(false);
      if (!r.ok) expectCodedIssues(r.issues, dataset);
    }
    const unreadable = loadScenarioFile(join(dir, 'nope.yaml'), { datasets });
    expect(unreadable.ok).toBe(false);
    const latin1 = loadScenarioFile(join(dir, 'latin1.yaml'), { datasets });
    if (!latin1.ok) expectCodedIssues(latin1.issues, 'latin1');
  });
});
