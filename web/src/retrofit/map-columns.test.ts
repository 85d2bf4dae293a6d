import { beforeAll, describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../../../engine/dwelling.ts';
import { toColumns, type DwellingColumns } from '../../../engine/dwelling-table.ts';
import { ECOLOGY_ROUTES } from '../../../engine/retrofit/measure-ids.ts';
import { retrofitContext, type RetrofitContext } from '../../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS, type WeightsConfig } from '../../../engine/retrofit/weights.ts';
import { loadShippedBuurten } from '../../../geodata/boundaries/cbs-buurten.ts';
import { generateSyntheticDataset } from '../../../geodata/synthetic/generate.ts';
import { smallDataset } from '../../../engine/test-fixtures/small-dataset.ts';
import { createEngineService } from '../../../workers/engine-service.ts';
import { columnBuffers, mapColumns, reweigh, scoreStock } from './map-columns.ts';

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const withFactors = (f: Partial<WeightsConfig['factors']>): WeightsConfig => ({ ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, ...f } });

/** The map columns must say what the product's engine service says, dwelling by dwelling. */
async function expectSameAsEngine(table: DwellingColumns, ctx: RetrofitContext, weights: WeightsConfig): Promise<void> {
  const engine = createEngineService();
  await engine.load(table);
  const loaded = await engine.retrofitLoadContext(ctx);
  expect(loaded.ok).toBe(true);
  const r = await engine.retrofitScores({ weights });
  if (!r.ok) throw new Error(r.issues[0]!.message);
  const s = scoreStock(table, ctx);
  reweigh(s, weights);
  const c = mapColumns(s);
  expect(c.count).toBe(r.value.count);
  r.value.dwellings.forEach((d, i) => {
    expect(c.vboId[i]).toBe(d.vboId);
    expect(c.buurtCodes[c.buurt[i]!]).toBe(d.buurtcode);
    expect(r1(c.priority[i]!)).toBe(d.priority);
    expect(ENERGY_LABELS[c.labelAfter[i]!]).toBe(d.labelAfter);
    expect(r3(c.riskScore[i]!)).toBe(d.riskScore);
    expect(ECOLOGY_ROUTES[c.route[i]!]).toBe(d.route);
  });
}

describe('retrofit map columns', () => {
  let synthetic: { table: DwellingColumns; ctx: RetrofitContext };
  beforeAll(() => {
    const ds = generateSyntheticDataset({ seed: 7, buurten: loadShippedBuurten(), dataDate: '2025-01-01' });
    const table = toColumns(ds.dwellings);
    synthetic = { table, ctx: retrofitContext(ds, table.buurtCodes) };
  });

  it('equal the engine service on the small fixture, default weights', async () => {
    const ds = smallDataset();
    const table = toColumns(ds.dwellings);
    await expectSameAsEngine(table, retrofitContext(ds, table.buurtCodes), DEFAULT_WEIGHTS);
  });

  it('equal the engine service on a synthetic Kalsdonk and Westrand after a weight change', async () => {
    expect(synthetic.table.count).toBeGreaterThan(1000);
    await expectSameAsEngine(synthetic.table, synthetic.ctx, withFactors({ gasSaving: 0.9, ecologyEase: 0 }));
  });

  it('equal the engine service when the scales change too (full re-score)', async () => {
    await expectSameAsEngine(synthetic.table, synthetic.ctx, { ...DEFAULT_WEIGHTS, scales: { gasSavingFullM3PerYear: 300, paybackWorstYears: 20 } });
  });

  it('re-weighs in place and hands out copies that can be transferred', () => {
    const s = scoreStock(synthetic.table, synthetic.ctx);
    const before = mapColumns(s);
    reweigh(s, withFactors({ energyPoverty: 0, labelGap: 0, gasSaving: 0, costEffectiveness: 0, ecologyEase: 1 }));
    const after = mapColumns(s);
    expect(after.priority).not.toEqual(before.priority);
    // Only ecology ease counts now: priority = 100 × factor, so every value is within 0–100.
    expect(Math.min(...after.priority)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...after.priority)).toBeLessThanOrEqual(100);
    expect(after.labelAfter).toEqual(before.labelAfter);
    const buffers = columnBuffers(after);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).not.toContain(s.scores.priority.buffer);
  });
});
