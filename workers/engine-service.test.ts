import { afterAll, describe, expect, it } from 'vitest';
import { toColumns } from '../engine/dwelling-table.ts';
import { retrofitContext } from '../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS } from '../engine/retrofit/weights.ts';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { vveInput } from '../engine/vve/vve-assess.ts';
import { DEFAULT_VVE_CONFIG } from '../engine/vve/vve-config.ts';
import { owners, vveDataset } from '../engine/vve/vve-fixture.ts';
import { VveRankingSchema } from '../engine/vve/vve-schemas.ts';
import { createEngineService } from './engine-service.ts';
import { startNodeEngine } from './node-engine.ts';

const ds = vveDataset([
  { vveId: 'VVE-A', ownership: [...owners(3, 'corporatie'), ...owners(7)] },
  { vveId: 'VVE-B', ownership: [...owners(6, 'corporatie'), ...owners(4)] },
]);

describe('EngineApi VvE ranking', () => {
  it('in-process: "not loaded" first, then the ranking made at load', async () => {
    const engine = createEngineService();
    expect(await engine.vveRanking()).toMatchObject({ ok: false, issues: [{ code: 'vve.not-loaded' }] });
    expect(await engine.vveLoad(vveInput(ds), DEFAULT_VVE_CONFIG)).toMatchObject({
      ok: true,
      value: { count: 2, rejected: 0 },
    });
    const r = await engine.vveRanking();
    expect(r.ok && r.value.vves.map((v) => v.vveId).sort()).toEqual(['VVE-A', 'VVE-B']);
  });

  describe('in a worker thread (input and ranking cross by structured clone)', () => {
    const engine = startNodeEngine();
    afterAll(() => engine.terminate());
    it('ranks in the thread and answers the same body as in-process', async () => {
      const local = createEngineService();
      await local.vveLoad(vveInput(ds), DEFAULT_VVE_CONFIG);
      const loaded = await engine.api.vveLoad(vveInput(ds), DEFAULT_VVE_CONFIG);
      expect(loaded).toMatchObject({ ok: true, value: { count: 2, rejected: 0 } });
      const [remote, inProcess] = [await engine.api.vveRanking(), await local.vveRanking()];
      expect(remote.ok && VveRankingSchema.parse(remote.value)).toEqual(inProcess.ok && inProcess.value);
      const other = await engine.api.vveRanking({
        ...DEFAULT_VVE_CONFIG,
        shortlistSize: 1,
        shortlistMinDecisionProbability: 0,
      });
      expect(other.ok && other.value.shortlist).toHaveLength(1);
    }, 60_000);
  });
});

describe("EngineApi retrofit map columns (the browser's one engine worker paints from them)", () => {
  it("hands out the session's columns and, after a weight change, its priority column", async () => {
    const engine = createEngineService();
    const ds = smallDataset();
    const table = toColumns(ds.dwellings);
    expect(await engine.retrofitMapColumns()).toMatchObject({ ok: false, issues: [{ code: 'retrofit.not-loaded' }] });
    await engine.load(table);
    await engine.retrofitLoadContext(retrofitContext(ds, table.buurtCodes));
    const cols = await engine.retrofitMapColumns();
    const weights = { ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, labelGap: 1 } };
    const update = await engine.retrofitPriority(weights);
    const scores = await engine.retrofitScores({ weights });
    if (!cols.ok || !update.ok || !scores.ok) throw new Error('not scored');
    expect(cols.value.vboId).toEqual(table.vboId);
    expect([...update.value.priority].map((p) => Math.round(p * 10) / 10)).toEqual(
      scores.value.dwellings.map((d) => d.priority),
    );
    expect(update.value.priority).not.toEqual(cols.value.priority);
  });
});
