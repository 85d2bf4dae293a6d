import { describe, expect, it } from 'vitest';
import { FIXTURE_AREAS, FIXTURE_NAMES, fixtureStock } from '../test-fixtures/housing-stock.ts';
import { compileScenario } from '../housing/compile.ts';
import { parseScenarioObject } from '../housing/scenario-yaml.ts';
import { DrawDraft, type DrawDraftInput } from './draw-draft.ts';
import { drawScenario, type DrawStock } from './draw-scenario.ts';
import { drawSummary } from './draw-summary.ts';

const housing = fixtureStock();
/** Blocks of 20 dwellings: B0 … B9 in BU00000001 (Noord), B10 … B29 in Zuid's two buurten. */
const blockOf = Array.from({ length: housing.count }, (_, i) => `B${Math.floor(i / 20)}`);
const stock: DrawStock = { ...housing, blockOf };
const BASE = {
  name: 'Basis',
  description: 'test',
  horizon: { start: 2025, end: 2040 },
  seed: 3,
  runs: 4,
  interventions: [],
  targets: [],
};
const OPTS = { role: 'gemeente', programmeAreas: FIXTURE_AREAS };
const draft = (assignments: DrawDraftInput['assignments']) => DrawDraft.parse({ name: 'Getekend', assignments });
const corporationIn = (blocks: string[]) =>
  blockOf.filter((b, i) => blocks.includes(b) && housing.ownership[i] === 1).length;

function compile(scenario: unknown) {
  const p = parseScenarioObject(scenario);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return compileScenario(p.scenario, {
    stock: housing,
    programmeAreas: FIXTURE_AREAS,
    buurtNames: FIXTURE_NAMES,
    blockOf,
  });
}

describe('drawScenario', () => {
  it('turns "verkoop op mutatie 30 %" on three blocks into a sale of 30 % of their corporation dwellings', () => {
    const d = draft([{ blocks: ['B1', 'B2', 'B3'], intervention: { kind: 'sale', share: 0.3, by: 2030 } }]);
    const r = drawScenario(d, BASE, stock, OPTS);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const n = Math.round(corporationIn(['B1', 'B2', 'B3']) * 0.3);
    expect(r.value.scenario.interventions).toEqual([
      {
        kind: 'sale',
        id: 'tekening-1-sale',
        area: 'BU00000001',
        blocks: ['B1', 'B2', 'B3'],
        count: n,
        by: 2030,
        mode: 'on-turnover',
      },
    ]);
    // The same schema and compiler as a file accept it.
    expect(compile(r.value.scenario).ok).toBe(true);
    const s = drawSummary(d, r.value.drawn, stock);
    expect(s.buurten.map((b) => b.buurtcode)).toEqual(['BU00000001']);
    const row = s.buurten[0]!;
    expect(row.after.tenure['sociale-huur']).toBe(row.before.tenure['sociale-huur'] - n);
    expect(row.after.tenure.koop).toBe(row.before.tenure.koop + n);
    expect(row.after.dwellings).toBe(row.before.dwellings);
  });

  it('demolishes the corporation dwellings of the blocks and rebuilds a mix in one buurt', () => {
    const d = draft([
      {
        blocks: ['B4'],
        intervention: {
          kind: 'demolition',
          year: 2028,
          rebuild: { year: 2030, dwellings: [{ count: 30, type: 'galerij', tenure: 'koop' }] },
        },
      },
    ]);
    const r = drawScenario(d, BASE, stock, OPTS);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.scenario.interventions!.map((iv) => [iv.kind, iv.area])).toEqual([
      ['demolition', 'BU00000001'],
      ['new-build', 'BU00000001'],
    ]);
    expect(compile(r.value.scenario).ok).toBe(true);
    const row = drawSummary(d, r.value.drawn, stock).buurten[0]!;
    expect(row.after.dwellings).toBe(row.before.dwellings - corporationIn(['B4']) + 30);
    expect(row.after.tenure.koop).toBe(row.before.tenure.koop + 30);
    expect(row.after.tenure['sociale-huur']).toBe(row.before.tenure['sociale-huur'] - corporationIn(['B4']));
  });

  it('names the field of every bad input with a code', () => {
    const d = draft([
      { blocks: ['B1', 'X7'], intervention: { kind: 'sale', share: 0.3, by: 2030 } },
      { blocks: ['B1', 'B12'], intervention: { kind: 'liberalisation', share: 0.5, by: 2030 } },
      { blocks: ['B1'], intervention: { kind: 'acquisition', share: 0.5, by: 2030 } },
    ]);
    const r = drawScenario(d, BASE, stock, { ...OPTS, role: 'alwel' });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ['draw.block.unknown', ['assignments', 0, 'blocks', 1]],
      ['draw.selection.across-areas', ['assignments', 1, 'blocks']],
      ['draw.kind.forbidden', ['assignments', 2, 'intervention', 'kind']],
    ]);
    const viewer = drawScenario(
      draft([{ blocks: ['B1'], intervention: { kind: 'retrofit', by: 2030 } }]),
      BASE,
      stock,
      {
        ...OPTS,
        role: 'viewer',
      },
    );
    expect(viewer.ok ? [] : viewer.issues.map((i) => i.code)).toEqual(['draw.kind.forbidden']);
  });

  it('refuses Alwel a block without corporation dwellings', () => {
    const noCorp = housing.ownership.findIndex((o, i) => i >= 400 && o !== 1);
    const only = blockOf.map((b, i) => (i === noCorp ? 'EIGEN' : b));
    const r = drawScenario(
      draft([{ blocks: ['EIGEN'], intervention: { kind: 'retrofit', by: 2030 } }]),
      BASE,
      { ...stock, blockOf: only },
      { ...OPTS, role: 'alwel' },
    );
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ['draw.block.forbidden', ['assignments', 0, 'blocks', 0]],
    ]);
  });

  it('lets retrofit span programme areas through an area of its own', () => {
    const r = drawScenario(
      draft([{ blocks: ['B1', 'B12'], intervention: { kind: 'retrofit', share: 0.5, by: 2030 } }]),
      BASE,
      stock,
      OPTS,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.scenario.areas).toEqual({ 'tekening-1': ['BU00000001', 'BU00000002'] });
    expect(compile(r.value.scenario).ok).toBe(true);
  });

  it('refuses parameters outside the draft schema with their path', () => {
    const bad = DrawDraft.safeParse({
      name: 'x',
      assignments: [{ blocks: ['B1'], intervention: { kind: 'sale', share: 1.3, by: 2030 } }],
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path)).toEqual([
      ['assignments', 0, 'intervention', 'share'],
    ]);
  });
});
