import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../engine/dwelling-table.ts';
import { retrofitContext } from '../../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS } from '../../../engine/retrofit/weights.ts';
import { smallDataset } from '../../../engine/test-fixtures/small-dataset.ts';
import { createRetrofitWorkerService } from './retrofit-worker-service.ts';

async function loaded() {
  const ds = smallDataset();
  const table = toColumns(ds.dwellings);
  let clock = 0;
  const service = createRetrofitWorkerService(() => (clock += 0.5));
  const r = await service.load(table, retrofitContext(ds, table.buurtCodes));
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return { service, columns: r.value, table };
}

describe('retrofit worker service', () => {
  it('answers not-loaded before the stock is loaded', async () => {
    const service = createRetrofitWorkerService();
    expect(await service.rescore(DEFAULT_WEIGHTS)).toMatchObject({ ok: false, issues: [{ code: 'retrofit.not-loaded' }] });
    expect(await service.dwelling('1674010000000001', '2025-03-01')).toMatchObject({ ok: false, issues: [{ code: 'retrofit.not-loaded' }] });
  });

  it('refuses a context of another size with the engine\'s code', async () => {
    const ds = smallDataset();
    const table = toColumns(ds.dwellings);
    const ctx = retrofitContext(ds, table.buurtCodes);
    expect(await createRetrofitWorkerService().load(table, { ...ctx, count: 5 })).toMatchObject({ ok: false, issues: [{ code: 'retrofit.context-mismatch' }] });
  });

  it('re-scores and keeps the popup detail under the same weights as the map', async () => {
    const { service, columns } = await loaded();
    const weights = { ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, gasSaving: 1, energyPoverty: 0 } };
    const r = await service.rescore(weights);
    if (!r.ok) throw new Error(r.issues[0]!.message);
    expect(r.value.priority).toHaveLength(columns.count);
    expect(r.value.ms).toBeGreaterThan(0);
    expect(r.value.priority).not.toEqual(columns.priority);
    const d = await service.dwelling(columns.vboId[2]!, '2025-03-01');
    if (!d.ok) throw new Error(d.issues[0]!.message);
    expect(d.value.priority).toBe(Math.round(r.value.priority[2]! * 10) / 10);
    expect(d.value.breakdown.energyPoverty).toBe(0);
  });

  it('hands out a priority column the page may keep (not the worker\'s own array)', async () => {
    const { service } = await loaded();
    const a = await service.rescore(DEFAULT_WEIGHTS);
    const b = await service.rescore({ ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, labelGap: 1 } });
    if (!a.ok || !b.ok) throw new Error('rescore failed');
    expect(a.value.priority).not.toBe(b.value.priority);
    expect(a.value.priority).not.toEqual(b.value.priority);
  });

  it('reports an unknown dwelling and a bad date with the engine\'s codes', async () => {
    const { service } = await loaded();
    expect(await service.dwelling('1674019999999999', '2025-03-01')).toMatchObject({ ok: false, issues: [{ code: 'dwelling.unknown' }] });
    expect(await service.dwelling('1674010000000001', '1-3-2025')).toMatchObject({ ok: false, issues: [{ code: 'retrofit.date.invalid' }] });
  });
});
