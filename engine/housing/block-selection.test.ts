import { describe, expect, it } from 'vitest';
import { FIXTURE_AREAS, FIXTURE_NAMES, fixtureStock } from '../test-fixtures/housing-stock.ts';
import { compileScenario } from './compile.ts';
import { parseScenarioObject } from './scenario-yaml.ts';

const stock = fixtureStock();
/** Blocks of 20 dwellings: B0 … B29, ten per buurt. */
const blockOf = Array.from({ length: stock.count }, (_, i) => `B${Math.floor(i / 20)}`);
const BASE = { name: 'T', description: 'test', horizon: { start: 2025, end: 2040 }, seed: 3, runs: 4 };

function compile(interventions: unknown[]) {
  const p = parseScenarioObject({ ...BASE, interventions });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return compileScenario(p.scenario, {
    stock,
    programmeAreas: FIXTURE_AREAS,
    buurtNames: FIXTURE_NAMES,
    blockOf,
  });
}
const socialIn = (blocks: string[]) => blockOf.filter((b, i) => blocks.includes(b) && stock.ownership[i] === 1).length;

describe('interventions restricted to blocks', () => {
  it('sells only dwellings of the selected blocks, and no more than they hold', () => {
    const n = socialIn(['B1', 'B2']);
    const r = compile([{ kind: 'sale', area: 'Noord', blocks: ['B1', 'B2'], count: n, by: 2030 }]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const cand = [...r.value.quotaEvents[0]!.candidates];
    expect(cand.length).toBe(n);
    expect(cand.every((i) => i >= 20 && i < 60)).toBe(true);
    const over = compile([{ kind: 'sale', area: 'Noord', blocks: ['B1', 'B2'], count: n + 1, by: 2030 }]);
    expect(over.ok ? [] : over.issues.map((i) => [i.code, i.path])).toEqual([
      ['scenario.count.exceeds-stock', ['interventions', 0, 'count']],
    ]);
  });

  it('demolishes within the blocks only', () => {
    const r = compile([{ kind: 'demolition', area: 'Noord', blocks: ['B3'], count: 5, year: 2028 }]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const e = r.value.fixedEvents.find((x) => x.kind === 'demolition')!;
    expect([...e.dwellings].every((i) => blockOf[i] === 'B3')).toBe(true);
  });

  it('names an unknown block and a block outside the area with their path', () => {
    const r = compile([
      { kind: 'liberalisation', area: 'Noord', blocks: ['B1', 'X9'], count: 1, by: 2030 },
      { kind: 'retrofit', area: 'Noord', blocks: ['B15'], count: 1, by: 2030 },
    ]);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ['scenario.block.unknown', ['interventions', 0, 'blocks', 1]],
      ['scenario.block.outside-area', ['interventions', 1, 'blocks', 0]],
    ]);
  });

  it('treats a file without blocks as before (every dwelling of the area)', () => {
    const r = compile([{ kind: 'sale', area: 'Noord', count: 10, by: 2030 }]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.quotaEvents[0]!.candidates.length).toBe(stock.ownership.filter((o, i) => o === 1 && i < 200).length);
  });
});
