import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../dwelling.ts';
import { toColumns } from '../dwelling-table.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { columnBuffers } from './map-columns.ts';
import { ECOLOGY_ROUTES } from './measure-ids.ts';
import { createRetrofitSession } from './session.ts';
import { retrofitContext } from './stock.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from './weights.ts';

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const withFactors = (f: Partial<WeightsConfig['factors']>): WeightsConfig => ({
  ...DEFAULT_WEIGHTS,
  factors: { ...DEFAULT_WEIGHTS.factors, ...f },
});

function loaded() {
  const ds = smallDataset();
  const table = toColumns(ds.dwellings);
  let clock = 0;
  const session = createRetrofitSession({ table: () => table, now: () => (clock += 0.5) });
  const r = session.loadContext(retrofitContext(ds, table.buurtCodes));
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return session;
}

/** The map columns must say what the same session's per-dwelling scores say, dwelling by dwelling. */
function expectSameAsScores(session: ReturnType<typeof loaded>, weights: WeightsConfig): void {
  const c = session.mapColumns(weights);
  const r = session.scores({ weights });
  if (!c.ok || !r.ok) throw new Error('not scored');
  expect(c.value.count).toBe(r.value.count);
  r.value.dwellings.forEach((d, i) => {
    expect(c.value.vboId[i]).toBe(d.vboId);
    expect(c.value.buurtCodes[c.value.buurt[i]!]).toBe(d.buurtcode);
    expect(r1(c.value.priority[i]!)).toBe(d.priority);
    expect(ENERGY_LABELS[c.value.labelAfter[i]!]).toBe(d.labelAfter);
    expect(r3(c.value.riskScore[i]!)).toBe(d.riskScore);
    expect(ECOLOGY_ROUTES[c.value.route[i]!]).toBe(d.route);
  });
}

describe('retrofit map columns (from the engine session)', () => {
  it("say what the session's scores say: default weights, a factor change, a scale change (full re-score)", () => {
    const session = loaded();
    expectSameAsScores(session, DEFAULT_WEIGHTS);
    expectSameAsScores(session, withFactors({ gasSaving: 0.9, ecologyEase: 0 }));
    expectSameAsScores(session, { ...DEFAULT_WEIGHTS, scales: { gasSavingFullM3PerYear: 300, paybackWorstYears: 20 } });
  });

  it('answer not-loaded before the context is attached', () => {
    const table = toColumns(smallDataset().dwellings);
    const session = createRetrofitSession({ table: () => table, now: () => 0 });
    expect(session.mapColumns()).toMatchObject({ ok: false, issues: [{ code: 'retrofit.not-loaded' }] });
    expect(session.priority(DEFAULT_WEIGHTS)).toMatchObject({ ok: false, issues: [{ code: 'retrofit.not-loaded' }] });
  });

  it('re-weigh through the session and hand out copies that can be transferred', () => {
    const session = loaded();
    const before = session.mapColumns();
    const only = withFactors({ energyPoverty: 0, labelGap: 0, gasSaving: 0, costEffectiveness: 0, ecologyEase: 1 });
    const update = session.priority(only);
    const after = session.mapColumns(only);
    if (!before.ok || !update.ok || !after.ok) throw new Error('not scored');
    // The fake clock ticks 0.5 ms per reading: re-score between the first two, copy up to the third.
    expect(update.value).toMatchObject({ ms: 1, engineMs: 0.5 });
    expect(update.value.priority).toEqual(after.value.priority);
    expect(update.value.priority).not.toBe(after.value.priority);
    expect(after.value.priority).not.toEqual(before.value.priority);
    // Only ecology ease counts now: priority = 100 × factor, so every value is within 0–100.
    expect(Math.min(...after.value.priority)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...after.value.priority)).toBeLessThanOrEqual(100);
    expect(after.value.labelAfter).toEqual(before.value.labelAfter);
    const buffers = columnBuffers(after.value);
    expect(new Set(buffers).size).toBe(buffers.length);
    // Copies: writing into what was handed out leaves the session's scores alone.
    after.value.priority.fill(-1);
    update.value.priority.fill(-1);
    const again = session.mapColumns(only);
    expect(again.ok && Math.min(...again.value.priority)).toBeGreaterThanOrEqual(0);
  });

  it('keep the popup detail under the weights the map shows', () => {
    const session = loaded();
    const weights = withFactors({ gasSaving: 1, energyPoverty: 0 });
    const update = session.priority(weights);
    const cols = session.mapColumns(weights);
    if (!update.ok || !cols.ok) throw new Error('not scored');
    const d = session.dwelling(cols.value.vboId[2]!, '2025-03-01', weights);
    if (!d.ok) throw new Error(d.issues[0]!.message);
    expect(d.value.priority).toBe(r1(update.value.priority[2]!));
    expect(d.value.breakdown.energyPoverty).toBe(0);
  });
});
