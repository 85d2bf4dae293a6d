import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { columnBuffers, toColumns } from '../engine/dwelling-table.ts';
import { startNodeEngine } from './node-engine.ts';

describe('engine in worker_threads', () => {
  const engine = startNodeEngine();
  afterAll(() => engine.terminate());

  it('answers before loading with a typed failure', async () => {
    expect(await engine.api.stats(['buurt'])).toMatchObject({ ok: false, issues: [{ code: 'engine.not-loaded' }] });
  });

  it('loads a transferred table and computes statistics in the thread', async () => {
    const t = toColumns(smallDataset().dwellings);
    expect(await engine.api.load(Comlink.transfer(t, columnBuffers(t)))).toEqual({ count: 6 });
    expect(t.bouwjaar.length).toBe(0); // transferred: the sender's copy is detached
    const r = await engine.api.stats(['buurt', 'ownership']);
    expect(r.ok && r.value.rows.length).toBe(4);
  });

  it('rejects an unknown field with a typed failure', async () => {
    const r = await engine.api.stats(['buurt', 'eigenaar' as never]);
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'stats.groupBy.unknown', path: ['groupBy', 1] }] });
  });
});
