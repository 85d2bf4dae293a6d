import { describe, expect, it } from 'vitest';
import { FIXTURE_AREAS, FIXTURE_NAMES, fixtureStock } from '../test-fixtures/housing-stock.ts';
import { compileScenario, type CompileContext } from './compile.ts';
import type { CompiledScenario } from './compiled.ts';
import { parseScenarioObject } from './scenario-yaml.ts';
import type { Issue } from '../result.ts';

const stock = fixtureStock();
const BASE = { name: 'T', description: 'test', horizon: { start: 2025, end: 2040 }, seed: 3, runs: 4 };

function compile(extra: Record<string, unknown>, ctx: Partial<CompileContext> = {}) {
  const p = parseScenarioObject({ ...BASE, ...extra });
  if (!p.ok) throw new Error(`schema: ${JSON.stringify(p.issues)}`);
  return compileScenario(p.scenario, {
    stock,
    programmeAreas: FIXTURE_AREAS,
    buurtNames: FIXTURE_NAMES,
    noNewSocialRentAreas: ['Noord'],
    ...ctx,
  });
}
function issues(extra: Record<string, unknown>, ctx: Partial<CompileContext> = {}): Issue[] {
  const r = compile(extra, ctx);
  return r.ok ? [] : r.issues;
}
function compiled(extra: Record<string, unknown>): CompiledScenario {
  const r = compile(extra);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const socialIn = (b: number, types?: number[]) => {
  let n = 0;
  for (let i = 0; i < stock.count; i++)
    if (stock.buurt[i] === b && stock.ownership[i] === 1 && (!types || types.includes(stock.type[i]!))) n++;
  return n;
};

describe('compileScenario: bad input is a coded issue with a path, never a clamp', () => {
  it('refuses to sell more social dwellings than exist', () => {
    const available = socialIn(0, [0, 1]);
    const found = issues({
      interventions: [
        { kind: 'sale', area: 'Noord', count: available + 1, dwellingTypes: ['tussenwoning', 'hoekwoning'], by: 2030 },
      ],
    });
    expect(found).toEqual([
      {
        code: 'scenario.count.exceeds-stock',
        path: ['interventions', 0, 'count'],
        message: `sells ${available + 1} sociale-huur dwellings (tussenwoning, hoekwoning) in Noord, but only ${available} qualify`,
      },
    ]);
    expect(
      compile({
        interventions: [
          { kind: 'sale', area: 'Noord', count: available, dwellingTypes: ['tussenwoning', 'hoekwoning'], by: 2030 },
        ],
      }).ok,
    ).toBe(true);
  });

  it('counts what earlier interventions already claimed', () => {
    const all = socialIn(0);
    const found = issues({
      interventions: [
        { kind: 'sale', area: 'Noord', count: all - 10, by: 2030 },
        { kind: 'liberalisation', area: 'BU00000001', count: 11, by: 2030 },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'scenario.count.exceeds-stock', path: ['interventions', 1, 'count'] });
    expect(found[0]!.message).toBe(
      `liberalises 11 sociale-huur dwellings (${all - 10} already claimed by earlier interventions) in Noordbuurt, but only 10 qualify`,
    );
  });

  it('refuses demolition, splitting, merging and retrofit beyond the stock', () => {
    const found = issues({
      interventions: [
        { kind: 'demolition', area: 'Zuid', count: 10_000, year: 2028 },
        { kind: 'split', area: 'Noord', count: 10_000, year: 2028 },
        { kind: 'merge', area: 'Noord', count: 10_000, year: 2028 },
        { kind: 'retrofit', area: 'Noord', count: 10_000, by: 2030 },
      ],
    });
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['scenario.count.exceeds-stock', ['interventions', 0, 'count']],
      ['scenario.count.exceeds-stock', ['interventions', 1, 'count']],
      ['scenario.count.exceeds-stock', ['interventions', 2, 'count']],
      ['scenario.count.exceeds-stock', ['interventions', 3, 'count']],
    ]);
  });

  it('refuses a year outside the horizon, also in targets and steering', () => {
    const found = issues({
      interventions: [
        { kind: 'demolition', area: 'Noord', count: 1, year: 2025 },
        { kind: 'sale', area: 'Noord', count: 1, from: 2030, by: 2041 },
      ],
      allocation: { inflowSteering: [{ area: 'Noord', maxLowIncomeShare: 0.5, from: 2050 }] },
      targets: [{ metric: 'vacancy', area: 'Noord', year: 2045, max: 0.1, probability: 0.5 }],
    });
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['scenario.year.outside-horizon', ['allocation', 'inflowSteering', 0, 'from']],
      ['scenario.year.outside-horizon', ['interventions', 0, 'year']],
      ['scenario.year.outside-horizon', ['interventions', 1, 'by']],
      ['scenario.year.outside-horizon', ['targets', 0, 'year']],
    ]);
    expect(found[1]!.message).toBe(
      "year 2025 is outside the horizon 2026–2040 (2025 is the dataset's state; changes start in 2026)",
    );
  });

  it('refuses from after by, an unknown area, an empty area and new-build on several buurten', () => {
    const found = issues(
      {
        interventions: [
          { kind: 'sale', area: 'Noord', count: 1, from: 2031, by: 2030 },
          { kind: 'sale', area: 'Oost', count: 1, by: 2030 },
          { kind: 'sale', area: 'BU99999999', count: 1, by: 2030 },
          {
            kind: 'new-build',
            area: 'Zuid',
            year: 2030,
            dwellings: [{ count: 5, type: 'tussenwoning', tenure: 'koop' }],
          },
        ],
        targets: [{ metric: 'vacancy', area: 'Leeg', year: 2030, max: 0.1, probability: 0.5 }],
      },
      { programmeAreas: { ...FIXTURE_AREAS, Leeg: ['BU00000009'] } },
    );
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['scenario.year.order', ['interventions', 0, 'from']],
      ['scenario.area.unknown', ['interventions', 1, 'area']],
      ['scenario.area.unknown', ['interventions', 2, 'area']],
      ['scenario.area.not-a-buurt', ['interventions', 3, 'area']],
      ['scenario.area.empty', ['targets', 0, 'area']],
    ]);
    expect(found[1]!.message).toBe(
      'unknown area "Oost"; expected one of Noord, Zuid, BU00000001, BU00000002, BU00000003',
    );
  });

  it('refuses a label threshold for another metric, scenario areas with unknown buurten, duplicate ids and an empty horizon', () => {
    expect(issues({ targets: [{ metric: 'vacancy', area: 'Noord', year: 2030, max: 'C', probability: 0.5 }] })).toEqual(
      [expect.objectContaining({ code: 'scenario.target.label-threshold', path: ['targets', 0, 'max'] })],
    );
    expect(issues({ areas: { Midden: ['BU00000002', 'BU12345678'] } })).toEqual([
      expect.objectContaining({ code: 'scenario.areas.unknown-buurt', path: ['areas', 'Midden', 1] }),
    ]);
    expect(
      issues({
        interventions: [
          { kind: 'sale', id: 'x', area: 'Noord', count: 1, by: 2030 },
          { kind: 'sale', id: 'x', area: 'Noord', count: 1, by: 2030 },
        ],
      }),
    ).toEqual([expect.objectContaining({ code: 'scenario.id.duplicate', path: ['interventions', 1, 'id'] })]);
    expect(issues({ horizon: { start: 2025, end: 2025 } })).toEqual([
      expect.objectContaining({ code: 'scenario.horizon.invalid', path: ['horizon', 'end'] }),
    ]);
  });

  it('links a retrofit plan by BAG id and refuses unknown dwellings', () => {
    const plan = { interventions: [{ kind: 'retrofit', area: 'Noord', plan: 'plan.json' }] };
    expect(issues(plan)).toEqual([
      expect.objectContaining({ code: 'scenario.plan.unavailable', path: ['interventions', 0, 'plan'] }),
    ]);
    const bad = compile(plan, { plans: { 0: [{ vboId: '0000000000000001', year: 2027, labelAfter: 'B' }] } });
    expect(bad.ok ? [] : bad.issues).toEqual([expect.objectContaining({ code: 'scenario.plan.unknown-dwelling' })]);
    const good = compile(plan, { plans: { 0: [{ vboId: stock.vboId[3]!, year: 2027, labelAfter: 'B' }] } });
    expect(good.ok && good.value.fixedEvents[0]).toMatchObject({
      kind: 'retrofit',
      dwellings: Int32Array.from([3]),
      entryYear: Int16Array.from([2]),
    });
  });
});

describe('compileScenario: what it compiles', () => {
  it('warns about new social rent where the Woonagenda builds none', () => {
    const r = compile({
      interventions: [
        {
          kind: 'new-build',
          area: 'Noord',
          year: 2030,
          dwellings: [{ count: 5, type: 'galerij', tenure: 'sociale-huur' }],
        },
      ],
    });
    expect(r.ok && r.warnings).toEqual([
      expect.objectContaining({
        code: 'scenario.policy.no-new-social-rent',
        path: ['interventions', 0, 'dwellings', 0, 'tenure'],
      }),
    ]);
  });

  it('spreads a sale over its years and fixes demolition by pand, oldest first', () => {
    const sc = compiled({
      interventions: [
        { kind: 'sale', area: 'Noord', count: 10, from: 2026, by: 2030 },
        { kind: 'demolition', area: 'Zuid', count: 12, year: 2028 },
      ],
    });
    expect([...sc.quotaEvents[0]!.due.slice(0, 8)]).toEqual([0, 2, 4, 6, 8, 10, 10, 10]);
    const d = [...sc.fixedEvents[0]!.dwellings];
    expect(d).toHaveLength(12);
    const years = d.map((i) => stock.bouwjaar[i]!);
    expect(Math.max(...years)).toBeLessThanOrEqual(
      Math.min(
        ...[...Array(stock.count).keys()]
          .filter((i) => stock.buurt[i]! > 0 && stock.ownership[i] === 1 && !d.includes(i))
          .map((i) => stock.bouwjaar[i]!),
      ),
    );
    for (const i of d) expect(sc.saleOf[i]).toBe(0);
  });

  it('builds units for buurten and areas, and resolves targets', () => {
    const sc = compiled({
      targets: [{ id: 'zuid-label', metric: 'average-label', area: 'Zuid', year: 2035, max: 'C', probability: 0.8 }],
    });
    expect(sc.units.map((u) => [u.id, u.name, u.buurten])).toEqual([
      ['BU00000001', 'Noordbuurt', [0]],
      ['BU00000002', 'Zuidwest', [1]],
      ['BU00000003', 'Zuidoost', [2]],
      ['Noord', 'Noord', [0]],
      ['Zuid', 'Zuid', [1, 2]],
    ]);
    expect(sc.targets[0]).toMatchObject({
      id: 'zuid-label',
      unitIndex: 4,
      yearIndex: 10,
      bound: 'max',
      threshold: 6,
      thresholdText: 'C',
    });
    expect(sc.years).toHaveLength(16);
  });
});
